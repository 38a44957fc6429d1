import path from 'node:path';

export interface AppPaths {
  /** The built UI (vite build), served on app://. */
  rendererRoot: string;
  /** The sandboxed preload, one CommonJS file. */
  preload: string;
  icon: string;
  /** The source text the migration rules were written from, for Help. */
  faqSource: string;
}

/** Where the built files are, from `app.getAppPath()` (the repo in development, app.asar when packaged). */
export function appPaths(appPath: string): AppPaths {
  return {
    rendererRoot: path.join(appPath, 'out', 'renderer'),
    preload: path.join(appPath, 'out', 'preload', 'preload.cjs'),
    icon: path.join(appPath, 'resources', 'icons', 'icon.png'),
    faqSource: outsideAsar(path.join(appPath, 'resources', 'faq', 'esep-faq-nl-2023-10-17.txt')),
  };
}

/**
 * Other programs cannot read inside app.asar: a file handed to the system (opened in its
 * editor) must be one electron-builder unpacked next to it (asarUnpack).
 */
export function outsideAsar(file: string): string {
  return file.replace(/([\\/])app\.asar([\\/])/, '$1app.asar.unpacked$2');
}
