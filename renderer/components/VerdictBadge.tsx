import type { Verdict } from '../../shared/model.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { VerdictIcon } from './VerdictIcon.tsx';

export function VerdictBadge({ verdict }: { verdict: Verdict }) {
  const { t } = useI18n();
  return (
    <span className={`verdict-badge v-${verdict}`}>
      <VerdictIcon verdict={verdict} />
      {t.verdicts[verdict]}
    </span>
  );
}
