import path from 'node:path';
import { dialog, safeStorage, shell, type BrowserWindow, type OpenDialogOptions } from 'electron';
import type { ShellAdapters } from '../core/app/index.ts';
import { openLoginWindow } from './login/login-window.ts';
import { renderPdf } from './pdf/render-pdf.ts';
import { createSafeStorageSecrets } from './secrets/safe-storage-secrets.ts';

export interface ElectronAdapterOptions {
  /** The window dialogs belong to; null while it is closed (macOS). */
  window: () => BrowserWindow | null;
  /** `<userData>/secrets` */
  secretsDir: string;
  log: (message: string) => void;
}

/** Everything only the desktop shell can do for the core (see ShellAdapters). */
export function createElectronAdapters(options: ElectronAdapterOptions): ShellAdapters {
  return {
    async chooseFolder(title) {
      const dialogOptions: OpenDialogOptions = { title, properties: ['openDirectory', 'createDirectory', 'promptToCreate'] };
      const parent = options.window();
      const result = parent === null ? await dialog.showOpenDialog(dialogOptions) : await dialog.showOpenDialog(parent, dialogOptions);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async showInFolder(file) {
      shell.showItemInFolder(file);
    },
    async openPath(file) {
      const problem = await shell.openPath(file);
      if (problem !== '') {
        throw new Error(`${path.basename(file)} could not be opened (${problem}): check that it still exists and that an app on this computer can open it`);
      }
    },
    browserSignIn: (baseUrl) => openLoginWindow(baseUrl, options.window()),
    secrets: createSafeStorageSecrets({ dir: options.secretsDir, safeStorage, log: options.log }),
    renderPdf,
  };
}
