import { randomBytes } from 'node:crypto';
import { statSync } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat, statfs, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { generatedCacheFolder, generatedCacheName } from './generated-digest-cache.ts';

/**
 * A best-effort cache of the bytes of very large generated contents, one file per (seed, size),
 * so that serving them again runs at disk speed instead of hashing 32 bytes at a time. The file
 * is written under a temporary name in the same pass that computes the content's digest and
 * renamed when complete, so concurrent servers and killed processes never leave a short file
 * under the final name; its size is checked before every use.
 */

/** Disk space left free besides the cache file: the archives a test writes need room too. */
const FREE_SPACE_RESERVE = 2 * 1024 ** 3;

export function generatedBytesCachePath(seed: string, size: number): string {
  return join(generatedCacheFolder(), `${generatedCacheName(seed, size)}.bytes`);
}

/** The cache file of (seed, size), if there is one of exactly `size` bytes. */
export async function findCachedBytes(seed: string, size: number): Promise<string | null> {
  const path = generatedBytesCachePath(seed, size);
  try {
    const info = await stat(path);
    return info.isFile() && info.size === size ? path : null;
  } catch {
    return null;
  }
}

/** Whether `path` still holds `size` bytes: the temp folder may be cleaned at any time. */
export function cachedBytesStillThere(path: string, size: number): boolean {
  try {
    const info = statSync(path);
    return info.isFile() && info.size === size;
  } catch {
    return false;
  }
}

export interface GeneratedBytesCacheWriter {
  /** Appends the next bytes. After a failure (disk full…) it quietly stops writing. */
  write(bytes: Uint8Array): Promise<void>;
  /** Publishes the file if it holds exactly `size` bytes: its path, or null. */
  finish(): Promise<string | null>;
  /** Gives up and removes the partial file. */
  discard(): Promise<void>;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, it just belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes partial files of (seed, size) left by processes that were killed while writing. */
async function removeAbandonedFiles(folder: string, name: string): Promise<void> {
  const partial = new RegExp(`^${name}\\.bytes\\.(\\d+)-[0-9a-f]+\\.tmp$`);
  for (const entry of await readdir(folder)) {
    const pid = partial.exec(entry)?.[1];
    if (pid !== undefined && Number(pid) !== process.pid && !isRunning(Number(pid))) {
      await rm(join(folder, entry), { force: true });
    }
  }
}

async function hasRoomFor(folder: string, size: number): Promise<boolean> {
  const disk = await statfs(folder);
  return disk.bavail * disk.bsize - size >= FREE_SPACE_RESERVE;
}

/**
 * Starts writing the cache file of (seed, size), or answers null when it cannot be written
 * (no room left, read-only temp folder…): the content is then generated every time.
 */
export async function startGeneratedBytesCache(
  seed: string, size: number,
): Promise<GeneratedBytesCacheWriter | null> {
  const folder = generatedCacheFolder();
  const name = generatedCacheName(seed, size);
  const path = join(folder, `${name}.bytes`);
  const temporary = `${path}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  let file: FileHandle;
  try {
    await mkdir(folder, { recursive: true, mode: 0o700 });
    await removeAbandonedFiles(folder, name);
    if (!(await hasRoomFor(folder, size))) return null;
    file = await open(temporary, 'wx', 0o600);
  } catch {
    return null;
  }
  let written = 0;
  let failed = false;
  let closed = false;
  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    await file.close().catch(() => undefined);
  };
  const discard = async (): Promise<void> => {
    failed = true;
    await close();
    await rm(temporary, { force: true }).catch(() => undefined);
  };
  return {
    async write(bytes) {
      if (failed) return;
      try {
        await file.write(bytes, 0, bytes.length, written);
        written += bytes.length;
      } catch {
        await discard();
      }
    },
    async finish() {
      if (failed || written !== size) {
        await discard();
        return null;
      }
      try {
        await close();
        if ((await stat(temporary)).size !== size) throw new Error('short cache file');
        // Rename is atomic: a concurrent reader sees no file or a whole one, never a part.
        await rename(temporary, path);
        return path;
      } catch {
        await discard();
        return null;
      }
    },
    discard,
  };
}
