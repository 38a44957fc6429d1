import { useI18n } from '../i18n/i18n-context.tsx';
import type { ScanState } from '../app/use-scan.ts';

/** What a screen that shows scan results says before there is a scan. */
export function NeedsScan({ status, onConnect }: { status: ScanState['status']; onConnect(): void }) {
  const { t } = useI18n();
  if (status === 'running') return <p className="empty-state" role="status">{t.common.scanning}</p>;
  return (
    <div className="empty-state">
      <p>{t.common.needsScan}</p>
      <button type="button" className="button" onClick={onConnect}>{t.common.goToConnect}</button>
    </div>
  );
}
