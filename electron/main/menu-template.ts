import type { MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  openArchiveFolder(): void;
  showDataFolder(): void;
  showAbout(): void;
  openFaqSource(): void;
}

export interface MenuContext {
  isMac: boolean;
  /** Reload and developer tools only while developing: a reload mid-job confuses people. */
  isDev: boolean;
  actions: MenuActions;
}

/** The native menu: File, Edit, View, Help (plus the app menu macOS expects). */
export function menuTemplate({ isMac, isDev, actions }: MenuContext): MenuItemConstructorOptions[] {
  const about: MenuItemConstructorOptions = { label: 'About TwinArchive', click: () => actions.showAbout() };
  const appMenu: MenuItemConstructorOptions[] = isMac
    ? [{
        label: 'TwinArchive',
        submenu: [about, { type: 'separator' }, { role: 'services' }, { type: 'separator' }, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, { type: 'separator' }, { role: 'quit' }],
      }]
    : [];
  return [
    ...appMenu,
    {
      label: 'File',
      submenu: [
        { label: 'Open Archive Folder', accelerator: 'CmdOrCtrl+Shift+O', click: () => actions.openArchiveFolder() },
        { label: 'Show Data Folder', click: () => actions.showDataFolder() },
        ...(isMac ? [] : [{ type: 'separator' } as const, { role: 'quit' } as const]),
      ],
    },
    {
      label: 'Edit',
      submenu: [
        { role: 'undo' }, { role: 'redo' }, { type: 'separator' },
        { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' },
      ],
    },
    {
      label: 'View',
      submenu: [
        ...(isDev ? [{ role: 'reload' } as const, { role: 'toggleDevTools' } as const, { type: 'separator' } as const] : []),
        { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    {
      role: 'help',
      submenu: [
        ...(isMac ? [] : [about]),
        { label: 'The FAQ the Rules Come From (Dutch)', click: () => actions.openFaqSource() },
      ],
    },
  ];
}
