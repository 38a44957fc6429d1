import { useId } from 'react';
import type { Overview } from '../../shared/contract.ts';
import type { ScanState } from '../app/use-scan.ts';
import { NeedsScan } from '../components/NeedsScan.tsx';
import { ReportExport } from '../components/ReportExport.tsx';
import { ReportSpaces } from '../components/ReportSpaces.tsx';
import { ReportTotals } from '../components/ReportTotals.tsx';
import { useI18n } from '../i18n/i18n-context.tsx';

export function ReportScreen({ overview, scanStatus, onConnect }: { overview: Overview | null; scanStatus: ScanState['status']; onConnect(): void }) {
  const { t, fmt } = useI18n();
  const id = useId();
  return (
    <section className="screen screen-report" data-testid="screen-report" aria-labelledby={`${id}-h`}>
      <h1 id={`${id}-h`} tabIndex={-1}>{t.report.heading}</h1>
      <p className="lead">{t.report.intro}</p>
      {overview === null || scanStatus === 'running' ? (
        <NeedsScan status={scanStatus} onConnect={onConnect} />
      ) : (
        <>
          <p className="scanned-line">{t.overview.scannedLine(overview.account.name, overview.source, fmt.dateTime(overview.scannedAt))}</p>
          <section className="panel" aria-labelledby={`${id}-export`}>
            <h2 id={`${id}-export`}>{t.report.exportHeading}</h2>
            <p className="hint">{t.report.exportIntro}</p>
            <ReportExport />
          </section>
          <section aria-labelledby={`${id}-totals`}>
            <h2 id={`${id}-totals`}>{t.report.totalsHeading}</h2>
            <ReportTotals overview={overview} />
          </section>
          <section aria-labelledby={`${id}-spaces`}>
            <h2 id={`${id}-spaces`}>{t.report.spacesHeading}</h2>
            <ReportSpaces overview={overview} />
          </section>
        </>
      )}
    </section>
  );
}
