import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** The system temp folder as it was when the bench started, for the children we run. */
export const SYSTEM_TMPDIR = tmpdir();

/** One folder under the system temp folder for everything a bench run writes; removed at the end. */
export async function createTempRoot(): Promise<{ dir: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'twinarchive-bench-'));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}
