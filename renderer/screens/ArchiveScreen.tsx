import { useId, useRef } from 'react';
import type { AppInfo, Overview, Settings } from '../../shared/contract.ts';
import { isJobActive, type JobController } from '../app/use-job.ts';
import type { ScanState } from '../app/use-scan.ts';
import { ArchiveForm } from '../components/ArchiveForm.tsx';
import { JobProgressView } from '../components/JobProgressView.tsx';
import { JobResultView } from '../components/JobResultView.tsx';
import { NeedsScan } from '../components/NeedsScan.tsx';
import { useRefocusWhenLost } from '../hooks/use-refocus-when-lost.ts';
import { useI18n } from '../i18n/i18n-context.tsx';

interface Props {
  info: AppInfo;
  settings: Settings;
  overview: Overview | null;
  scanStatus: ScanState['status'];
  preselected: string[] | null;
  jobs: JobController;
  onConnect(): void;
  onOpenLibrary(): void;
}

export function ArchiveScreen({ info, settings, overview, scanStatus, preselected, jobs, onConnect, onOpenLibrary }: Props) {
  const { t } = useI18n();
  const id = useId();
  const { job } = jobs;
  const screenRef = useRef<HTMLElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useRefocusWhenLost(screenRef, headingRef, job === null ? 'form' : isJobActive(job) ? 'active' : 'ended');
  return (
    <section ref={screenRef} className="screen screen-archive" data-testid="screen-archive" data-job-status={job?.status} aria-labelledby={`${id}-h`}>
      <h1 id={`${id}-h`} ref={headingRef} tabIndex={-1}>{t.archive.heading}</h1>
      <p className="lead">{t.archive.intro}</p>
      {/* Announces the step, pause, resume and the end: the numbers change too often to read out. */}
      <p role="status" className="visually-hidden">
        {job === null ? '' : t.archive.statusLine(t.archive.statuses[job.status], t.phases[job.progress.phase])}
      </p>
      {job !== null && isJobActive(job) && <JobProgressView job={job} jobs={jobs} />}
      {job !== null && !isJobActive(job) && <JobResultView job={job} onOpenLibrary={onOpenLibrary} onNew={jobs.dismiss} />}
      {job === null && (overview === null || scanStatus === 'running'
        ? <NeedsScan status={scanStatus} onConnect={onConnect} />
        : <ArchiveForm info={info} settings={settings} overview={overview} preselected={preselected} onStart={jobs.start} />)}
    </section>
  );
}
