import { BrowserWindow } from 'electron';
import { APP_ENTRY_URL } from './app-origin.ts';
import type { AppPaths } from './app-paths.ts';
import { mainWindowOptions } from './window-options.ts';

/** The one window with the preload: the UI from app://, shown once it has painted. */
export function createMainWindow(paths: AppPaths): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions({ preloadPath: paths.preload, iconPath: process.platform === 'darwin' ? null : paths.icon }));
  window.once('ready-to-show', () => window.show());
  window.loadURL(APP_ENTRY_URL).catch((error: unknown) => {
    console.error('TwinArchive: the UI could not be loaded; run `npm run build` first.', error);
  });
  return window;
}
