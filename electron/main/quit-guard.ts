import { app, dialog, type BrowserWindow } from 'electron';
import { QUIT_WHILE_RUNNING } from './jobs/job-shell-effects.ts';

export interface QuitGuardOptions {
  /** True while an archive job is running. */
  jobRunning: () => boolean;
  window: () => BrowserWindow | null;
  /** Pauses the job, closes the library: the app quits when it settles. */
  close: () => Promise<void>;
}

/**
 * Asks before quitting while an archive job runs, then lets the core close (the job is paused
 * and carries on next start) before the app really quits. On Windows and Linux closing the main
 * window quits, so it asks there too.
 */
export function installQuitGuard(options: QuitGuardOptions): { watchWindow(window: BrowserWindow): void } {
  let confirmed = false;
  let state: 'running' | 'closing' | 'closed' = 'running';

  const mayStop = (): boolean => {
    if (confirmed || !options.jobRunning()) return true;
    const parent = options.window();
    const box = {
      type: 'warning' as const,
      message: QUIT_WHILE_RUNNING.message,
      detail: QUIT_WHILE_RUNNING.detail,
      buttons: [...QUIT_WHILE_RUNNING.buttons],
      defaultId: 1,
      cancelId: 1,
      noLink: true,
    };
    const answer = parent === null ? dialog.showMessageBoxSync(box) : dialog.showMessageBoxSync(parent, box);
    confirmed = answer === 0;
    return confirmed;
  };

  app.on('before-quit', (event) => {
    if (state === 'closed') return;
    event.preventDefault();
    if (state === 'closing' || !mayStop()) return;
    state = 'closing';
    options.close()
      .catch((error: unknown) => console.error('TwinArchive: closing the core failed', error))
      .finally(() => {
        state = 'closed';
        app.quit();
      });
  });

  return {
    watchWindow(window) {
      if (process.platform === 'darwin') return;
      window.on('close', (event) => {
        if (!mayStop()) event.preventDefault();
      });
    },
  };
}
