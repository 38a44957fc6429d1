import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * The Electron executable, or null when it is not installed. The `electron` package's index.js
 * returns the binary's path, read from path.txt, and throws when the download was skipped
 * (ELECTRON_SKIP_BINARY_DOWNLOAD=1) and there is no path.txt; the file itself may also be gone.
 */
export function findElectronBinary(
  resolveElectron: () => unknown = () => require('electron'),
  exists: (file: string) => boolean = existsSync,
): string | null {
  let binary: unknown;
  try {
    binary = resolveElectron();
  } catch {
    return null;
  }
  return typeof binary === 'string' && binary !== '' && exists(binary) ? binary : null;
}
