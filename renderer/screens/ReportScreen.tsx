import { useCallback, useEffect, useId, useState } from 'react';
import type { Overview, ReportSummary } from '../../shared/contract.ts';
import { useApi } from '../app/api-context.tsx';
import type { ScanState } from '../app/use-scan.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { NeedsScan } from '../components/NeedsScan.tsx';
import type { DrillTarget, OnDrill } from '../components/report-drill.ts';
import { ReportKinds, ReportRules, ReportYears } from '../components/ReportBreakdowns.tsx';
import { ReportChanges } from '../components/ReportChanges.tsx';
import { ReportDrillDown } from '../components/ReportDrillDown.tsx';
import { ReportExport } from '../components/ReportExport.tsx';
import { ReportTotals } from '../components/ReportTotals.tsx';
import { useI18n } from '../i18n/i18n-context.tsx';

export function ReportScreen({ overview, scanStatus, onConnect }: { overview: Overview | null; scanStatus: ScanState['status']; onConnect(): void }) {
  const { t } = useI18n();
  const id = useId();
  return (
    <section className="screen screen-report" data-testid="screen-report" aria-labelledby={`${id}-h`}>
      <h1 id={`${id}-h`} tabIndex={-1}>{t.report.heading}</h1>
      <p className="lead">{t.report.intro}</p>
      {overview === null || scanStatus === 'running'
        ? <NeedsScan status={scanStatus} onConnect={onConnect} />
        : <ReportBody key={overview.scannedAt} overview={overview} />}
    </section>
  );
}

/** Which table a list was opened from: it shows just below it. */
type Part = 'totals' | 'rules' | 'kinds' | 'years' | 'changes';

/** Counts first, each one opening the list behind it; then what changed; then saving it all. */
function ReportBody({ overview }: { overview: Overview }) {
  const api = useApi();
  const { t, fmt } = useI18n();
  const id = useId();
  const [summary, setSummary] = useState<ReportSummary | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [drill, setDrill] = useState<{ part: Part; target: DrillTarget; opener: HTMLElement } | null>(null);

  useEffect(() => {
    let live = true;
    api['report.summary']({}).then(
      (loaded) => {
        if (live) setSummary(loaded);
      },
      (failure: unknown) => {
        if (live) setError(failure);
      },
    );
    return () => {
      live = false;
    };
  }, [api]);

  const drillFrom = useCallback((part: Part): OnDrill => (target, opener) => setDrill({ part, target, opener }), []);
  const close = () => {
    const opener = drill?.opener;
    setDrill(null);
    opener?.focus();
  };
  const drillDown = (part: Part) => (drill?.part === part ? <ReportDrillDown target={drill.target} onClose={close} /> : null);

  return (
    <div data-state={summary === null ? 'loading' : 'ready'} className="report-body">
      <p className="scanned-line">{t.overview.scannedLine(overview.account.name, overview.source, fmt.dateTime(overview.scannedAt))}</p>
      <ErrorAlert error={error} />
      {summary !== null && (
        <>
          <section aria-labelledby={`${id}-summary`}>
            <h2 id={`${id}-summary`}>{t.report.summaryHeading}</h2>
            <p className="hint">{t.report.summaryIntro}</p>
            <h3>{t.report.totalsHeading}</h3>
            <ReportTotals summary={summary} onDrill={drillFrom('totals')} />
            {drillDown('totals')}
            <h3>{t.report.rulesHeading}</h3>
            <ReportRules summary={summary} onDrill={drillFrom('rules')} />
            {drillDown('rules')}
            <h3>{t.report.kindsHeading}</h3>
            <ReportKinds summary={summary} onDrill={drillFrom('kinds')} />
            {drillDown('kinds')}
            <h3>{t.report.yearsHeading}</h3>
            <ReportYears summary={summary} onDrill={drillFrom('years')} />
            {drillDown('years')}
          </section>
          <section aria-labelledby={`${id}-changes`}>
            <h2 id={`${id}-changes`}>{t.report.changesHeading}</h2>
            <ReportChanges changes={summary.changes} onDrill={drillFrom('changes')} />
            {drillDown('changes')}
          </section>
        </>
      )}
      <section className="panel" aria-labelledby={`${id}-export`}>
        <h2 id={`${id}-export`}>{t.report.exportHeading}</h2>
        <p className="hint">{t.report.exportIntro}</p>
        <ReportExport />
      </section>
    </div>
  );
}
