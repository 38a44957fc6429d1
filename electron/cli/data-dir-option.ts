import path from 'node:path';
import { defaultDataDir, libraryFile } from '../core/library/data-dir.ts';
import { openLibrary, type Library, type LibraryProfile } from '../core/library/library.ts';
import type { CliIo } from './cli-io.ts';

export const DATA_DIR_OPTION = { 'data-dir': { type: 'string' } } as const;

/** --data-dir, else TWINARCHIVE_DATA_DIR, else the OS's app data folder. */
export function resolveDataDir(value: string | undefined, io: CliIo): string {
  return path.resolve(value ?? defaultDataDir({ env: io.env }));
}

export function openLibraryIn(dataDir: string, profile: LibraryProfile = 'interactive'): Library {
  return openLibrary(libraryFile(dataDir), profile);
}
