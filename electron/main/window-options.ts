import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';

/**
 * The settings every TwinArchive window starts from, whatever it shows: the page is isolated
 * from the preload, sandboxed, without Node, with the same-origin policy on, and without
 * <webview>, insecure content or spellcheck (which would send words to a dictionary service
 * on some systems). The remote module no longer exists in Electron, so there is nothing to turn off.
 */
export function secureWebPreferences(extra: WebPreferences = {}): WebPreferences {
  return {
    ...extra,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    safeDialogs: true,
  };
}

export interface MainWindowOptionsInput {
  preloadPath: string;
  iconPath: string | null;
}

/** The main window: the one page that gets the preload, and so the contract. */
export function mainWindowOptions(input: MainWindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 840,
    minWidth: 880,
    minHeight: 600,
    title: 'TwinArchive',
    show: false,
    backgroundColor: '#ffffff',
    ...(input.iconPath === null ? {} : { icon: input.iconPath }),
    webPreferences: secureWebPreferences({ preload: input.preloadPath }),
  };
}

/** The platform's own login page: no preload at all, in a session of its own. */
export function loginWindowOptions(partition: string): BrowserWindowConstructorOptions {
  return {
    width: 960,
    height: 780,
    title: 'Sign in to eTwinning',
    autoHideMenuBar: true,
    webPreferences: secureWebPreferences({ partition }),
  };
}

/** The hidden window that prints a report to PDF: no scripts, nothing shown. */
export function pdfWindowOptions(partition: string): BrowserWindowConstructorOptions {
  return {
    show: false,
    width: 794,
    height: 1123,
    webPreferences: secureWebPreferences({ partition, javascript: false, offscreen: true }),
  };
}
