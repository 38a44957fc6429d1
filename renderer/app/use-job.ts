import { useCallback, useEffect, useState } from 'react';
import type { ArchiveStart, JobState, TwinArchiveApi } from '../../shared/contract.ts';

export interface JobController {
  /** The latest archive job this run of the app knows of, live from `job` events. */
  job: JobState | null;
  start(args: ArchiveStart): Promise<void>;
  pause(): Promise<void>;
  resume(): Promise<void>;
  cancel(): Promise<void>;
  /** Forgets a finished job so the form shows again. */
  dismiss(): void;
}

export function isJobActive(job: JobState | null): boolean {
  return job !== null && (job.status === 'running' || job.status === 'paused');
}

export function useJob(api: TwinArchiveApi): JobController {
  const [job, setJob] = useState<JobState | null>(null);

  useEffect(() => {
    let live = true;
    const unsubscribe = api.onEvent((event) => {
      if (event.type === 'job') setJob(event.state);
    });
    api['archive.status']({}).then((state) => {
      if (live && state !== null) setJob((current) => current ?? state);
    }, () => undefined);
    return () => {
      live = false;
      unsubscribe();
    };
  }, [api]);

  // A call's answer can arrive after a newer event: keep whichever state is further along.
  const apply = useCallback((state: JobState | null) => {
    if (state === null) return;
    setJob((current) => (current && current.jobId === state.jobId && isFinal(current) && !isFinal(state) ? current : state));
  }, []);

  return {
    job,
    start: useCallback(async (args) => apply(await api['archive.start'](args)), [api, apply]),
    pause: useCallback(async () => apply(await api['archive.pause']({})), [api, apply]),
    resume: useCallback(async () => apply(await api['archive.resume']({})), [api, apply]),
    cancel: useCallback(async () => apply(await api['archive.cancel']({})), [api, apply]),
    dismiss: useCallback(() => setJob(null), []),
  };
}

function isFinal(state: JobState): boolean {
  return state.status === 'done' || state.status === 'failed' || state.status === 'cancelled';
}
