import type { ScannedItem } from '../../../shared/inventory.ts';
import { filePath as platformFilePath } from '../../../shared/platform-api.ts';
import { downloadResumable, type FileOpener } from '../archive/staging/resumable-download.ts';
import { PlatformClientError } from '../platform-client/errors.ts';
import { writeFileAtomic } from '../util/write-file-atomic.ts';
import type { StagingArea } from './staging-area.ts';
import { pathExists } from '../util/path-exists.ts';

export interface ItemFetcher extends FileOpener {
  fetchContent(itemId: string, options?: { signal?: AbortSignal }): Promise<string>;
}

export interface StagedFiles {
  bodyPath: string | null;
  filePath: string | null;
  /** Set when the platform would not give the item (deleted, no access): packed as a notice. */
  problem: string | null;
}

/** Errors that asking again will not mend: the item is gone or not ours to read. */
function isPermanent(error: unknown): error is PlatformClientError {
  return error instanceof PlatformClientError && (error.code === 'NOT_FOUND' || error.code === 'ACCESS_DENIED');
}

/**
 * Puts an item's body and file on disk, skipping what is already there from an earlier run.
 * Transient failures throw (the job stops and a rerun resumes); a platform that says the
 * item is gone gives a `problem` instead, so one deleted page does not hold back the rest.
 */
export async function stageItem(
  fetcher: ItemFetcher,
  staging: StagingArea,
  item: ScannedItem,
  options: { signal?: AbortSignal; onBytes?: (delta: number) => void },
): Promise<StagedFiles> {
  const bodyPath = item.hasBody ? staging.bodyPath(item.id) : null;
  const filePath = item.file ? staging.filePath(item.id) : null;
  try {
    if (bodyPath !== null && !(await pathExists(bodyPath))) {
      const body = await fetcher.fetchContent(item.id, options.signal ? { signal: options.signal } : {});
      await writeFileAtomic(bodyPath, body);
    }
    if (filePath !== null && item.file && !(await pathExists(filePath))) {
      await downloadResumable(fetcher, {
        urlPath: item.url && item.url.startsWith('/files/') ? item.url : platformFilePath(item.id, item.file.name),
        target: filePath,
        expectedSize: item.file.size,
        expectedSha256: item.file.sha256,
      }, { ...(options.signal ? { signal: options.signal } : {}), ...(options.onBytes ? { onBytes: options.onBytes } : {}) });
    }
    return { bodyPath, filePath, problem: null };
  } catch (error) {
    if (!isPermanent(error)) throw error;
    return {
      bodyPath: bodyPath !== null && (await pathExists(bodyPath)) ? bodyPath : null,
      filePath: filePath !== null && (await pathExists(filePath)) ? filePath : null,
      problem: error.message,
    };
  }
}
