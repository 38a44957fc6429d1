import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { openLibrary, type Library } from '../../electron/core/library/library.ts';

export interface TempLibraries {
  /** A new empty folder, removed after the test. */
  folder(): string;
  /** Opens a library (a new one in a new folder unless `file` is given), closed after the test. */
  open(file?: string): Library;
}

export function useTempLibraries(): TempLibraries {
  const folders: string[] = [];
  const libraries: Library[] = [];
  afterEach(() => {
    for (const library of libraries.splice(0)) library.close();
    for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
  });
  const folder = () => {
    const created = mkdtempSync(path.join(os.tmpdir(), 'twinarchive-library-'));
    folders.push(created);
    return created;
  };
  return {
    folder,
    open(file = path.join(folder(), 'data', 'library.sqlite')) {
      const library = openLibrary(file);
      libraries.push(library);
      return library;
    },
  };
}
