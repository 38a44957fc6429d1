import { app, dialog, Menu, shell, type BrowserWindow } from 'electron';
import { JobStateSchema, SettingsSchema } from '../../shared/contract.ts';
import type { AppService } from '../core/app/index.ts';
import type { AppPaths } from './app-paths.ts';
import { menuTemplate } from './menu-template.ts';

export interface AppMenuOptions {
  service: AppService;
  dataDir: string;
  paths: AppPaths;
  window: () => BrowserWindow | null;
  isDev: boolean;
}

/** Installs the native menu, its actions backed by the core and the system's file manager. */
export function installAppMenu(options: AppMenuOptions): void {
  const { service, paths } = options;
  const tell = (message: string, detail: string): void => {
    const parent = options.window();
    const box = { type: 'info' as const, message, detail, buttons: ['OK'] };
    void (parent === null ? dialog.showMessageBox(box) : dialog.showMessageBox(parent, box));
  };
  const open = async (target: string): Promise<void> => {
    const problem = await shell.openPath(target);
    if (problem !== '') tell('TwinArchive could not open that folder.', `${target}: ${problem}`);
  };

  const openArchiveFolder = async (): Promise<void> => {
    const job = JobStateSchema.nullable().safeParse(await service.handle('archive.status', {}).catch(() => null));
    const settings = SettingsSchema.safeParse(await service.handle('settings.get', {}).catch(() => null));
    const folder = (job.success ? job.data?.destination : undefined) ?? (settings.success ? settings.data.defaultDestination : null);
    if (folder) await open(folder);
    else tell('There is no archive folder yet.', 'Choose one when you start your first archive; this menu then opens it.');
  };

  app.setAboutPanelOptions({
    applicationName: 'TwinArchive',
    applicationVersion: app.getVersion(),
    copyright: 'Licensed under the EUPL-1.2',
    iconPath: paths.icon,
  });

  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate({
    isMac: process.platform === 'darwin',
    isDev: options.isDev,
    actions: {
      openArchiveFolder: () => void openArchiveFolder(),
      showDataFolder: () => void open(options.dataDir),
      showAbout: () => app.showAboutPanel(),
      openFaqSource: () => void open(paths.faqSource),
    },
  })));
}
