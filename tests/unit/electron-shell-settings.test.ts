import path from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { appPaths, outsideAsar } from '../../electron/main/app-paths.ts';
import { menuTemplate, type MenuActions } from '../../electron/main/menu-template.ts';
import { systemLanguageOf } from '../../electron/main/system-language.ts';
import { loginWindowOptions, mainWindowOptions, pdfWindowOptions, secureWebPreferences } from '../../electron/main/window-options.ts';

describe('window options', () => {
  const secure = {
    contextIsolation: true, sandbox: true, nodeIntegration: false, nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false, webSecurity: true, allowRunningInsecureContent: false,
    webviewTag: false, spellcheck: false,
  };

  it('give every window isolation, the sandbox, no Node, web security, no webview and no spellcheck', () => {
    for (const options of [mainWindowOptions({ preloadPath: '/app/out/preload/preload.cjs', iconPath: null }), loginWindowOptions('login-1'), pdfWindowOptions('pdf-1')]) {
      expect(options.webPreferences).toMatchObject(secure);
    }
  });

  it('cannot be weakened by the extra settings a window adds', () => {
    expect(secureWebPreferences({ sandbox: false, nodeIntegration: true, contextIsolation: false, webSecurity: false })).toMatchObject(secure);
  });

  it('give the preload to the main window only', () => {
    expect(mainWindowOptions({ preloadPath: '/p.cjs', iconPath: null }).webPreferences?.preload).toBe('/p.cjs');
    expect(loginWindowOptions('login-1').webPreferences?.preload).toBeUndefined();
    expect(pdfWindowOptions('pdf-1').webPreferences?.preload).toBeUndefined();
  });

  it('put the login and PDF windows in their own sessions; the PDF window runs no script and stays hidden', () => {
    expect(loginWindowOptions('login-abc').webPreferences?.partition).toBe('login-abc');
    expect(loginWindowOptions('login-abc').webPreferences?.partition?.startsWith('persist:')).toBe(false);
    expect(pdfWindowOptions('pdf-abc')).toMatchObject({ show: false, webPreferences: { partition: 'pdf-abc', javascript: false, offscreen: true } });
  });
});

describe('menuTemplate', () => {
  const calls: string[] = [];
  const actions: MenuActions = {
    openArchiveFolder: () => void calls.push('archive'),
    showDataFolder: () => void calls.push('data'),
    showAbout: () => void calls.push('about'),
    openFaqSource: () => void calls.push('faq'),
  };
  const labels = (items: MenuItemConstructorOptions[]): string[] => items.map((item) => item.label ?? item.role ?? item.type ?? '?');
  const submenu = (items: MenuItemConstructorOptions[], name: string): MenuItemConstructorOptions[] =>
    (items.find((item) => item.label === name || item.role === name)?.submenu ?? []) as MenuItemConstructorOptions[];

  it('has File, Edit, View and Help, with the app menu first on macOS', () => {
    expect(labels(menuTemplate({ isMac: false, isDev: false, actions }))).toEqual(['File', 'Edit', 'View', 'help']);
    expect(labels(menuTemplate({ isMac: true, isDev: false, actions }))).toEqual(['TwinArchive', 'File', 'Edit', 'View', 'help']);
  });

  it('offers reload and developer tools only while developing', () => {
    const roles = (isDev: boolean) => submenu(menuTemplate({ isMac: false, isDev, actions }), 'View').map((item) => item.role);
    expect(roles(false)).not.toContain('reload');
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(false)).toEqual(expect.arrayContaining(['zoomIn', 'zoomOut', 'resetZoom', 'togglefullscreen']));
    expect(roles(true)).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
  });

  it('wires File and Help to the actions, and Quit to File except on macOS', () => {
    const menu = menuTemplate({ isMac: false, isDev: false, actions });
    const file = submenu(menu, 'File');
    for (const item of [...file, ...submenu(menu, 'help')]) (item.click as (() => void) | undefined)?.();
    expect(calls).toEqual(['archive', 'data', 'about', 'faq']);
    expect(file.map((item) => item.role).filter(Boolean)).toEqual(['quit']);
    expect(submenu(menuTemplate({ isMac: true, isDev: false, actions }), 'File').some((item) => item.role === 'quit')).toBe(false);
  });

  it('uses the standard Edit roles, so copy and paste work in text fields', () => {
    expect(submenu(menuTemplate({ isMac: false, isDev: false, actions }), 'Edit').map((item) => item.role).filter(Boolean)).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']);
  });
});

describe('appPaths', () => {
  it('finds the built UI, preload and resources under the app path', () => {
    const paths = appPaths(path.join('/opt', 'TwinArchive', 'resources', 'app.asar'));
    expect(paths.rendererRoot).toBe(path.join('/opt', 'TwinArchive', 'resources', 'app.asar', 'out', 'renderer'));
    expect(paths.preload).toBe(path.join('/opt', 'TwinArchive', 'resources', 'app.asar', 'out', 'preload', 'preload.cjs'));
    expect(paths.faqSource).toBe(path.join('/opt', 'TwinArchive', 'resources', 'app.asar.unpacked', 'resources', 'faq', 'esep-faq-nl-2023-10-17.txt'));
  });

  it('leaves paths outside an asar alone', () => {
    expect(outsideAsar('/work/main/resources/faq/x.txt')).toBe('/work/main/resources/faq/x.txt');
    expect(outsideAsar('C:\\Program Files\\TwinArchive\\resources\\app.asar\\resources\\faq\\x.txt')).toBe('C:\\Program Files\\TwinArchive\\resources\\app.asar.unpacked\\resources\\faq\\x.txt');
  });
});

describe('systemLanguageOf', () => {
  it('follows the first of Dutch or English among the preferred languages', () => {
    expect(systemLanguageOf(['nl-BE', 'en-US'])).toBe('nl');
    expect(systemLanguageOf(['fr-BE', 'nl', 'en'])).toBe('nl');
    expect(systemLanguageOf(['en-GB', 'nl-NL'])).toBe('en');
    expect(systemLanguageOf(['de-DE'])).toBe('en');
    expect(systemLanguageOf([])).toBe('en');
  });
});
