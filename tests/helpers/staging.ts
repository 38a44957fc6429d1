import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

/** The largest partly downloaded file in a data folder's staging area (0 when none). */
export async function largestPartialDownload(dataDir: string): Promise<number> {
  const stagingRoot = path.join(dataDir, 'staging');
  let largest = 0;
  for (const job of await readdir(stagingRoot).catch(() => [])) {
    for (const name of await readdir(path.join(stagingRoot, job)).catch(() => [])) {
      // A part may be renamed into place between listing and stat.
      if (name.endsWith('.part')) largest = Math.max(largest, (await stat(path.join(stagingRoot, job, name)).catch(() => ({ size: 0 }))).size);
    }
  }
  return largest;
}
