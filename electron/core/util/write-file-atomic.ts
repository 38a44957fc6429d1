import { randomBytes } from 'node:crypto';
import { open, rename, rm, type FileHandle } from 'node:fs/promises';
import path from 'node:path';

/**
 * Writes under a temporary name in the same folder, flushes, then renames: a reader never
 * sees a half-written file, and a crash leaves the old file (or none) in place.
 */
export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  await writeThroughTemporary(file, (handle) => handle.writeFile(data));
}

/**
 * The steps of writeFileAtomic around any `write` to the open temporary file: if `write`, the
 * flush or the rename fails, the temporary file is removed and `file` stays as it was.
 */
export async function writeThroughTemporary<T>(file: string, write: (handle: FileHandle) => Promise<T>): Promise<T> {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.partial`);
  const handle = await open(temporary, 'wx');
  let result: T;
  try {
    result = await write(handle);
    await handle.sync();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await rm(temporary, { force: true });
    throw error;
  }
  await handle.close();
  try {
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  return result;
}
