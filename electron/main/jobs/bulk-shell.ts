import type { AppEvent, BulkState } from '../../../shared/contract.ts';
import { bulkShellEffects } from './bulk-shell-effects.ts';
import type { JobShellDeps } from './job-shell.ts';
import { createKeepAwake } from './keep-awake.ts';

export interface BulkShell {
  onEvent(event: AppEvent): void;
  /** The status of the last bulk event, or null before any. */
  status(): BulkState['status'] | null;
  dispose(): void;
}

/** Follows bulk events and keeps the taskbar, the sleep blocker and notifications in step. */
export function createBulkShell(deps: JobShellDeps): BulkShell {
  let status: BulkState['status'] | null = null;
  let showing = false;
  const keepAwake = createKeepAwake(deps.powerSaveBlocker);

  return {
    onEvent(event) {
      if (event.type !== 'bulk') return;
      const effects = bulkShellEffects(status, event.state);
      status = event.state.status;
      // Only a bar of its own: the setup screen's events must not clear an archive job's bar.
      if (effects.progress >= 0 || showing) deps.setProgress(effects.progress, effects.progressMode);
      showing = effects.progress >= 0;
      keepAwake(effects.keepAwake);
      if (effects.notification !== null) deps.notify(effects.notification.title, effects.notification.body);
    },
    status: () => status,
    dispose() {
      keepAwake(false);
      if (showing) deps.setProgress(-1, 'normal');
      showing = false;
    },
  };
}
