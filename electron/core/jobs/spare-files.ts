import { renameSync, writeFileSync } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Only files up to this size are kept as spares, and only this many: what they hold stays on disk until reused. */
const SPARE_MAX_BYTES = 64 * 1024;
const MAX_SPARES = 4096;
/**
 * Small files are written synchronously: into the page cache that takes microseconds, while
 * each asynchronous call costs the main thread more in its trips through the thread pool.
 */
const SYNC_WRITE_BYTES = 64 * 1024;
export const SPARE_NAME = /^spare-(\d+)$/;

/**
 * Staged files that are no longer needed, kept to be written over instead of deleted. Creating
 * a file costs the file system far more than writing one that exists: on ext4 without a journal
 * a new inode is searched for past every inode deleted in the last minutes, so a job that
 * creates and deletes thousands of small files slows itself down. Writing into a spare and
 * renaming it takes no new inode.
 */
export class SpareFiles {
  readonly #dir: string;
  readonly #free: string[] = [];
  #named = 0;

  constructor(dir: string) {
    this.#dir = dir;
  }

  /** Adopts a spare an earlier run left (by its name in the folder). */
  adopt(name: string): void {
    const number = Number(SPARE_NAME.exec(name)?.[1] ?? Number.NaN);
    if (Number.isNaN(number)) return;
    this.#named = Math.max(this.#named, number + 1);
    this.#free.push(path.join(this.#dir, name));
  }

  /** Writes `bytes` to `file`, through a spare when there is one. */
  async write(file: string, bytes: Uint8Array): Promise<void> {
    const spare = this.#free.pop();
    if (spare === undefined) {
      if (bytes.length <= SYNC_WRITE_BYTES) writeFileSync(file, bytes);
      else await writeFile(file, bytes);
      return;
    }
    try {
      if (bytes.length <= SYNC_WRITE_BYTES) {
        writeFileSync(spare, bytes);
        renameSync(spare, file);
      } else {
        await writeFile(spare, bytes);
        await rename(spare, file);
      }
    } catch (error) {
      await rm(spare, { force: true });
      throw error;
    }
  }

  /** Lets go of a file: a small one becomes a spare, any other is deleted. */
  async release(file: string, size: number): Promise<void> {
    if (size > SPARE_MAX_BYTES || this.#free.length >= MAX_SPARES) {
      await rm(file, { force: true });
      return;
    }
    const spare = path.join(this.#dir, `spare-${this.#named++}`);
    try {
      await rename(file, spare);
      this.#free.push(spare);
    } catch {
      await rm(file, { force: true });
    }
  }
}
