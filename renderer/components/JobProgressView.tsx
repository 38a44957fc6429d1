import { useId, useState } from 'react';
import type { JobState } from '../../shared/contract.ts';
import type { JobController } from '../app/use-job.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { ConfirmDialog } from './ConfirmDialog.tsx';
import { ErrorAlert } from './ErrorAlert.tsx';
import { ProgressBar } from './ProgressBar.tsx';

/** A running or paused job: where it is, how far, how fast, and the controls. */
export function JobProgressView({ job, jobs }: { job: JobState; jobs: JobController }) {
  const { t, fmt } = useI18n();
  const id = useId();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const { progress } = job;
  const paused = job.status === 'paused';
  const phase = t.phases[progress.phase];
  const ofTotal = (done: string, total: number | null, format: (value: number) => string) =>
    total === null ? done : t.archive.ofTotal(done, format(total));
  const act = (action: () => Promise<void>) => {
    setError(null);
    action().catch(setError);
  };

  return (
    <section className="panel job-progress" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{paused ? t.archive.pausedHeading : t.archive.runningHeading}</h2>
      <ProgressBar fraction={progress.fraction} label={t.archive.progressLabel} valueText={t.archive.progressText(fmt.percent(progress.fraction), phase)} />
      <p className="progress-percent" aria-hidden="true">{fmt.percent(progress.fraction)}</p>
      <p className="status-line">{t.archive.statusLine(t.archive.statuses[job.status], phase)}</p>
      <dl className="facts facts-grid">
        <div><dt>{t.archive.itemsDone}</dt><dd>{ofTotal(fmt.number(progress.itemsDone), progress.itemsTotal, fmt.number)}</dd></div>
        <div><dt>{t.archive.bytesDone}</dt><dd>{ofTotal(fmt.bytes(progress.bytesDone), progress.bytesTotal, fmt.bytes)}</dd></div>
        <div>
          <dt>{t.archive.rate}</dt>
          <dd>{progress.bytesPerSecond === null || paused ? t.archive.unknown : t.common.bytesPerSecond(fmt.bytes(progress.bytesPerSecond))}</dd>
        </div>
        <div>
          <dt>{t.archive.eta}</dt>
          <dd>{progress.etaSeconds === null || paused ? t.archive.unknown : fmt.duration(progress.etaSeconds)}</dd>
        </div>
      </dl>
      {progress.detail && <p className="hint job-detail">{progress.detail}</p>}
      <ErrorAlert error={error} />
      <div className="actions">
        {paused
          ? <button type="button" className="button button-primary" onClick={() => act(jobs.resume)}>{t.archive.resume}</button>
          : <button type="button" className="button" onClick={() => act(jobs.pause)}>{t.archive.pause}</button>}
        <button type="button" className="button" onClick={() => setConfirming(true)}>{t.archive.cancel}</button>
      </div>
      <ConfirmDialog
        open={confirming}
        heading={t.archive.cancelConfirmHeading}
        text={t.archive.cancelConfirmText}
        confirm={t.archive.cancelConfirm}
        keep={t.archive.cancelKeep}
        onClose={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          act(jobs.cancel);
        }}
      />
    </section>
  );
}
