import { createHash } from 'node:crypto';
import { rm, stat } from 'node:fs/promises';
import type { ScannedFile, ScannedItem } from '../../../shared/inventory.ts';
import { filePath as platformFilePath } from '../../../shared/platform-api.ts';
import { RESUMABLE_FROM_BYTES, downloadResumable, type FileOpener } from '../archive/staging/resumable-download.ts';
import { PlatformClientError } from '../platform-client/errors.ts';
import { sha256OfFile } from './finalize-part.ts';
import type { StagedBytes, StagingArea } from './staging-area.ts';

export interface ItemFetcher extends FileOpener {
  fetchContent(itemId: string, options?: { signal?: AbortSignal }): Promise<string>;
}

export interface StagedFiles {
  body: StagedBytes | null;
  /** A file under 1 MiB, staged whole like a body. */
  smallFile: StagedBytes | null;
  /** A larger file, downloaded resumably to its own file. */
  filePath: string | null;
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

/**
 * Whether the large file an earlier run left is whole: staged files are not flushed to disk one
 * by one, so after a crash one may hold less than was written; else it is deleted.
 */
async function earlierFileIsWhole(file: string, expected: ScannedFile): Promise<boolean> {
  const size = (await stat(file).catch(() => null))?.size;
  if (size === expected.size && (await sha256OfFile(file).catch(() => null)) === expected.sha256) return true;
  await rm(file, { force: true });
  return false;
}

/**
 * Stages an item's body and file (see StagingArea), keeping what an earlier run left when it checks out.
 * Transient failures throw (the job stops and a rerun resumes); a platform that says the
 * item is gone gives a `problem` instead, so one deleted page does not hold back the rest.
 */
export async function stageItem(
  fetcher: ItemFetcher,
  staging: StagingArea,
  item: ScannedItem,
  options: { signal?: AbortSignal; onBytes?: (delta: number) => void },
): Promise<StagedFiles> {
  let body: StagedBytes | null = null;
  let smallFile: StagedBytes | null = null;
  let filePath: string | null = null;
  try {
    if (item.hasBody) {
      body = staging.earlier('body', item.id)
        ?? staging.keep('body', item.id, Buffer.from(await fetcher.fetchContent(item.id, options.signal ? { signal: options.signal } : {}), 'utf8'));
    }
    const file = item.file;
    if (file !== null && file.size < RESUMABLE_FROM_BYTES) {
      smallFile = staging.earlier('file', item.id, (bytes) => bytes.length === file.size && sha256Of(bytes) === file.sha256);
    }
    if (file !== null && smallFile === null) {
      const target = staging.filePath(item.id);
      const whole: { staged: StagedBytes | null } = { staged: null };
      if (!(staging.hasEarlierFile(item.id) && (await earlierFileIsWhole(target, file)))) {
        await downloadResumable(fetcher, {
          urlPath: item.url && item.url.startsWith('/files/') ? item.url : platformFilePath(item.id, file.name),
          target,
          expectedSize: file.size,
          expectedSha256: file.sha256,
        }, {
          ...(options.signal ? { signal: options.signal } : {}), ...(options.onBytes ? { onBytes: options.onBytes } : {}),
          // Each file is read back from its ZIP and compared with the announced SHA-256 before the
          // ZIP is kept; hashing it on the way in as well would be one more pass over every byte.
          checkFresh: false,
          // A small file, checked whole in memory, is staged like a body.
          writeWhole: async (_target, bytes) => { whole.staged = staging.keep('file', item.id, bytes); },
        });
      }
      if (whole.staged === null) filePath = target;
      else smallFile = whole.staged;
    }
    return { body, smallFile, filePath, problem: null, bodySize: body?.size ?? 0 };
  } catch (error) {
    if (!isPermanent(error)) throw error;
    return { body, smallFile: null, filePath: null, problem: error.message, bodySize: body?.size ?? 0 };
  }
}
