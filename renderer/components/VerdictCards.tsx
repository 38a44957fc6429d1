import type { Overview } from '../../shared/contract.ts';
import type { Verdict } from '../../shared/model.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { itemsWithSize } from '../i18n/phrases.ts';
import { VerdictIcon } from './VerdictIcon.tsx';

const CARD_ORDER: readonly Verdict[] = ['lost', 'uncertain', 'migrates'];

/** Lost, uncertain, migrates: items, bytes and whole spaces, in a sentence each. */
export function VerdictCards({ overview }: { overview: Overview }) {
  const i18n = useI18n();
  const { t, fmt } = i18n;
  const headline: Record<Verdict, (items: string) => string> = {
    lost: t.overview.lostHeadline, uncertain: t.overview.uncertainHeadline, migrates: t.overview.migratesHeadline,
  };
  const spacesLine: Record<Verdict, (spaces: string) => string> = {
    lost: t.overview.spacesLost, uncertain: t.overview.spacesUncertain, migrates: t.overview.spacesMigrate,
  };
  return (
    <ul className="verdict-cards" aria-label={t.overview.cardsLabel}>
      {CARD_ORDER.map((verdict) => {
        const totals = overview.totals.byVerdict[verdict];
        return (
          <li key={verdict} className={`verdict-card v-${verdict}`}>
            <h3>
              <VerdictIcon verdict={verdict} />
              {t.verdicts[verdict]}
            </h3>
            <p className="card-headline">{headline[verdict](itemsWithSize(i18n, totals.items, totals.bytes))}</p>
            {totals.spaces > 0 && <p>{spacesLine[verdict](t.common.spaces(totals.spaces, fmt.number(totals.spaces)))}</p>}
            <p className="card-meaning">{t.verdictMeanings[verdict]}</p>
          </li>
        );
      })}
    </ul>
  );
}
