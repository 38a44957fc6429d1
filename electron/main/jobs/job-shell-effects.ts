import type { JobState } from '../../../shared/contract.ts';

type JobStatus = JobState['status'];

/** What the shell shows for a job: taskbar/dock progress, staying awake, a notification. */
export interface JobShellEffects {
  /** For `BrowserWindow.setProgressBar`: 0..1 while a job is under way, -1 to remove the bar. */
  progress: number;
  progressMode: 'normal' | 'paused';
  /** Hold off system sleep: a sleeping laptop drops the downloads. */
  keepAwake: boolean;
  /** Shown once, when a job ends by itself (done or failed; a cancel was the person's own doing). */
  notification: { title: string; body: string } | null;
}

const ENDED: ReadonlySet<JobStatus> = new Set(['done', 'failed', 'cancelled']);

/** The effects of a job event, given the status of the previous one (null: none seen yet). */
export function jobShellEffects(previous: JobStatus | null, state: JobState): JobShellEffects {
  const fraction = Math.min(1, Math.max(0, Number.isFinite(state.progress.fraction) ? state.progress.fraction : 0));
  const ended = ENDED.has(state.status);
  return {
    progress: ended ? -1 : fraction,
    progressMode: state.status === 'paused' ? 'paused' : 'normal',
    keepAwake: state.status === 'running',
    notification: previous !== state.status ? notificationFor(state) : null,
  };
}

function notificationFor(state: JobState): JobShellEffects['notification'] {
  if (state.status === 'done') {
    const parts = state.archives.length;
    const problems = state.problems.length;
    const saved = `${parts} ${parts === 1 ? 'archive' : 'archives'} saved in ${state.destination}.`;
    const missed = problems === 0 ? '' : ` ${problems} ${problems === 1 ? 'item' : 'items'} could not be archived: see the list in TwinArchive.`;
    return { title: 'Archive finished', body: saved + missed };
  }
  if (state.status === 'failed') {
    return { title: 'Archive stopped', body: state.error ?? 'The archive job stopped: open TwinArchive to see why and carry on.' };
  }
  return null;
}

/** Quitting while this is the job's status stops work, so it is confirmed first. */
export function quitNeedsConfirmation(status: JobStatus | null): boolean {
  return status === 'running';
}

export const QUIT_WHILE_RUNNING = {
  message: 'Quit TwinArchive while an archive is being made?',
  detail: 'The archive job will stop and carry on when you next start TwinArchive.',
  buttons: ['Quit', 'Keep working'],
} as const;
