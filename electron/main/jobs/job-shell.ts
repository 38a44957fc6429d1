import type { AppEvent, JobState } from '../../../shared/contract.ts';
import { jobShellEffects } from './job-shell-effects.ts';
import { createKeepAwake, type PowerSaveBlocker } from './keep-awake.ts';

/** The Electron pieces a running job touches. */
export interface JobShellDeps {
  setProgress(progress: number, mode: 'normal' | 'paused'): void;
  notify(title: string, body: string): void;
  powerSaveBlocker: PowerSaveBlocker;
}

export interface JobShell {
  onEvent(event: AppEvent): void;
  /** The status of the last job event, or null before any. */
  status(): JobState['status'] | null;
  dispose(): void;
}

/** Follows job events and keeps the taskbar, the sleep blocker and notifications in step. */
export function createJobShell(deps: JobShellDeps): JobShell {
  let status: JobState['status'] | null = null;
  const keepAwake = createKeepAwake(deps.powerSaveBlocker);

  return {
    onEvent(event) {
      if (event.type !== 'job') return;
      const effects = jobShellEffects(status, event.state);
      status = event.state.status;
      deps.setProgress(effects.progress, effects.progressMode);
      keepAwake(effects.keepAwake);
      if (effects.notification !== null) deps.notify(effects.notification.title, effects.notification.body);
    },
    status: () => status,
    dispose() {
      keepAwake(false);
      deps.setProgress(-1, 'normal');
    },
  };
}
