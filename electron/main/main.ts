import path from 'node:path';
import { app, ipcMain, Notification, powerSaveBlocker, session, shell, type BrowserWindow } from 'electron';
import { createAppService } from '../core/app/index.ts';
import { installAppMenu } from './app-menu.ts';
import { appPaths } from './app-paths.ts';
import { registerAppScheme, serveAppProtocol } from './app-protocol.ts';
import { blockWebRequests } from './block-web-requests.ts';
import { denyAllPermissions } from './deny-permissions.ts';
import { createElectronAdapters } from './electron-adapters.ts';
import { registerContractHandlers } from './ipc/contract-handlers.ts';
import { forwardEvents } from './ipc/event-forwarder.ts';
import { createBulkShell } from './jobs/bulk-shell.ts';
import { createJobShell, type JobShellDeps } from './jobs/job-shell.ts';
import { createMainWindow } from './main-window.ts';
import { installQuitGuard } from './quit-guard.ts';
import { systemLanguageOf } from './system-language.ts';
import { guardAllWebContents } from './web-contents-guard.ts';
import { defaultDataDir } from '../core/library/data-dir.ts';

// Before anything reads userData: the folder is named after the app.
app.setName('TwinArchive');
// Notifications on Windows belong to this id (the installer registers the same one).
if (process.platform === 'win32') app.setAppUserModelId('org.twinarchive.app');
registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  // Two shells on one library would fight over its jobs; the first one is brought forward.
  app.quit();
} else {
  guardAllWebContents(app, shell);
  app.whenReady().then(start).catch((error: unknown) => {
    console.error('TwinArchive could not start', error);
    app.exit(1);
  });
}

function start(): void {
  const log = (message: string, error?: unknown): void => console.warn(`TwinArchive: ${message}`, ...(error === undefined ? [] : [error]));
  const paths = appPaths(app.getAppPath());
  const userData = app.getPath('userData');
  // The same library as the CLI's, so archives made by either are found by both.
  const dataDir = defaultDataDir();
  let mainWindow: BrowserWindow | null = null;
  const currentWindow = (): BrowserWindow | null => (mainWindow !== null && !mainWindow.isDestroyed() ? mainWindow : null);

  denyAllPermissions(session.defaultSession);
  blockWebRequests(session.defaultSession);
  serveAppProtocol(session.defaultSession, paths.rendererRoot);

  const service = createAppService({
    dataDir,
    shell: 'electron',
    version: app.getVersion(),
    systemLanguage: systemLanguageOf(app.getPreferredSystemLanguages()),
    adapters: createElectronAdapters({ window: currentWindow, secretsDir: path.join(userData, 'secrets'), log }),
    onUnexpectedError: (call, error) => log(`${call} failed unexpectedly`, error),
  });

  registerContractHandlers(ipcMain, service, {
    trusted: () => ({ webContentsId: currentWindow()?.webContents.id ?? null }),
    log,
  });
  forwardEvents(service, () => currentWindow()?.webContents ?? null, log);

  const shellDeps: JobShellDeps = {
    setProgress: (progress, mode) => currentWindow()?.setProgressBar(progress, { mode }),
    notify: (title, body) => {
      if (Notification.isSupported()) new Notification({ title, body }).show();
    },
    powerSaveBlocker,
  };
  const jobs = createJobShell(shellDeps);
  const bulk = createBulkShell(shellDeps);
  service.onEvent((event) => {
    jobs.onEvent(event);
    bulk.onEvent(event);
  });

  const quitGuard = installQuitGuard({
    jobRunning: () => jobs.status() === 'running' || bulk.status() === 'running',
    window: currentWindow,
    close: async () => {
      jobs.dispose();
      bulk.dispose();
      await service.close();
    },
  });

  installAppMenu({ service, dataDir, paths, window: currentWindow, isDev: !app.isPackaged });

  const openMainWindow = (): void => {
    mainWindow = createMainWindow(paths);
    quitGuard.watchWindow(mainWindow);
    mainWindow.on('closed', () => {
      mainWindow = null;
    });
  };
  openMainWindow();

  app.on('second-instance', () => {
    const window = currentWindow();
    if (window === null) return openMainWindow();
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('activate', () => {
    if (currentWindow() === null) openMainWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
