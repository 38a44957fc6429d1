import os from 'node:os';
import path from 'node:path';

export interface DataDirContext {
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  homeDir?: string;
}

/** Where TwinArchive keeps its library: `TWINARCHIVE_DATA_DIR`, else the OS's app data folder. */
export function defaultDataDir(context: DataDirContext = {}): string {
  const env = context.env ?? process.env;
  const platform = context.platform ?? process.platform;
  const home = context.homeDir ?? os.homedir();
  const override = env['TWINARCHIVE_DATA_DIR'];
  if (override) return override;
  if (platform === 'win32') {
    return path.win32.join(env['APPDATA'] || path.win32.join(home, 'AppData', 'Roaming'), 'TwinArchive');
  }
  if (platform === 'darwin') return path.posix.join(home, 'Library', 'Application Support', 'TwinArchive');
  const xdgDataHome = env['XDG_DATA_HOME'];
  // The XDG spec says a relative XDG_DATA_HOME is invalid and must be ignored.
  const dataHome = xdgDataHome && path.posix.isAbsolute(xdgDataHome) ? xdgDataHome : path.posix.join(home, '.local', 'share');
  return path.posix.join(dataHome, 'twinarchive');
}

export function libraryFile(dataDir: string): string {
  return path.join(dataDir, 'library.sqlite');
}
