import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, rm, stat } from 'node:fs/promises';
import type { ScannedFile, ScannedItem } from '../../../shared/inventory.ts';
import { filePath as platformFilePath } from '../../../shared/platform-api.ts';
import { downloadResumable, type FileOpener } from '../archive/staging/resumable-download.ts';
import { PlatformClientError } from '../platform-client/errors.ts';
import type { StagingArea } from './staging-area.ts';

export interface ItemFetcher extends FileOpener {
  fetchContent(itemId: string, options?: { signal?: AbortSignal }): Promise<string>;
}

export interface StagedFiles {
  bodyPath: string | null;
  filePath: string | null;
  /** A copy of the body at `bodyPath` kept in memory for packing, while the budget allows (see MemoryBudget). */
  body: Buffer | null;
  /** A copy of the small file at `filePath` kept in memory likewise. */
  fileBytes: Buffer | null;
  /** Set when the platform would not give the item (deleted, no access): packed as a notice. */
  problem: string | null;
  /** Bytes of the staged body (0 without one): the plan sizes parts with it. */
  bodySize: number;
}

/** Errors that asking again will not mend: the item is gone or not ours to read. */
function isPermanent(error: unknown): error is PlatformClientError {
  return error instanceof PlatformClientError && (error.code === 'NOT_FOUND' || error.code === 'ACCESS_DENIED');
}

const sha256Of = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * A body an earlier run staged, if one is whole: its bytes hash to the SHA-256 in its name.
 * Staged files are not flushed to disk one by one, so after a crash one may hold less than
 * was written; such a body is deleted and fetched again.
 */
async function earlierBody(staging: StagingArea, itemId: string): Promise<{ path: string; size: number } | null> {
  let found: { path: string; size: number } | null = null;
  for (const [file, sha256] of staging.earlierBodies(itemId)) {
    const bytes: Buffer | null = found === null ? await readFile(file).catch(() => null) : null;
    if (bytes !== null && sha256Of(bytes) === sha256) found = { path: file, size: bytes.length };
    else await rm(file, { force: true });
  }
  return found;
}

/** Whether the file an earlier run staged is whole (same reasoning as for bodies); else it is deleted. */
async function earlierFileIsWhole(file: string, expected: ScannedFile): Promise<boolean> {
  const size = (await stat(file).catch(() => null))?.size;
  if (size === expected.size && (await sha256OfFile(file).catch(() => null)) === expected.sha256) return true;
  await rm(file, { force: true });
  return false;
}

/**
 * Puts an item's body and file on disk, keeping what an earlier run left when it checks out.
 * Transient failures throw (the job stops and a rerun resumes); a platform that says the
 * item is gone gives a `problem` instead, so one deleted page does not hold back the rest.
 */
export async function stageItem(
  fetcher: ItemFetcher,
  staging: StagingArea,
  item: ScannedItem,
  options: { signal?: AbortSignal; onBytes?: (delta: number) => void },
): Promise<StagedFiles> {
  const filePath = item.file ? staging.filePath(item.id) : null;
  let body: { path: string; size: number } | null = null;
  let bodyBytes: Buffer | null = null;
  let fileBytes: Buffer | null = null;
  try {
    if (item.hasBody) {
      body = await earlierBody(staging, item.id);
      if (body === null) {
        const bytes = Buffer.from(await fetcher.fetchContent(item.id, options.signal ? { signal: options.signal } : {}), 'utf8');
        const file = staging.bodyPath(item.id, sha256Of(bytes));
        await staging.spares.write(file, bytes);
        body = { path: file, size: bytes.length };
        if (staging.memory.take(bytes.length)) bodyBytes = bytes;
      }
    }
    if (filePath !== null && item.file && !(staging.hasEarlierFile(item.id) && (await earlierFileIsWhole(filePath, item.file)))) {
      await downloadResumable(fetcher, {
        urlPath: item.url && item.url.startsWith('/files/') ? item.url : platformFilePath(item.id, item.file.name),
        target: filePath,
        expectedSize: item.file.size,
        expectedSha256: item.file.sha256,
      }, {
        ...(options.signal ? { signal: options.signal } : {}), ...(options.onBytes ? { onBytes: options.onBytes } : {}),
        // Each file is read back from its ZIP and compared with the announced SHA-256 before the
        // ZIP is kept; hashing it on the way in as well would be one more pass over every byte.
        checkFresh: false,
        writeWhole: async (file, bytes) => {
          await staging.spares.write(file, bytes);
          if (staging.memory.take(bytes.length)) fileBytes = bytes;
        },
      });
    }
    return { bodyPath: body?.path ?? null, filePath, body: bodyBytes, fileBytes, problem: null, bodySize: body?.size ?? 0 };
  } catch (error) {
    if (!isPermanent(error)) throw error;
    const fileStaged = filePath !== null && (await stat(filePath).then(() => true, () => false));
    return { bodyPath: body?.path ?? null, filePath: fileStaged ? filePath : null, body: bodyBytes, fileBytes: null, problem: error.message, bodySize: body?.size ?? 0 };
  }
}
