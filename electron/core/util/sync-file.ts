import { open } from 'node:fs/promises';

/**
 * Flushes a file that was written and closed without a flush to disk. Opened for writing,
 * since Windows flushes only through a handle that may write.
 */
export async function syncFile(file: string): Promise<void> {
  const handle = await open(file, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
