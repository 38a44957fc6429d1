import type { ProgressListener } from '../../shared/progress.ts';
import type { ScanRunInfo } from '../../shared/scan-summary.ts';
import { scanIntoLibrary } from '../core/inventory/scan-into-library.ts';
import type { Library } from '../core/library/library.ts';
import { createPlatformClient } from '../core/platform-client/platform-client.ts';
import type { AccountSettings } from './account-options.ts';

function clientOf(settings: AccountSettings, signal: AbortSignal) {
  return createPlatformClient({
    baseUrl: settings.baseUrl,
    credentials: settings.credentials,
    concurrency: settings.concurrency,
    signal,
  });
}

/**
 * Signs in and streams the account's scan into the library as a run: memory stays bounded for
 * an account of any size, and the run is compared with the account's previous one.
 */
export async function scanIntoLibraryWithSettings(
  settings: AccountSettings, library: Library, signal: AbortSignal, onProgress?: ProgressListener,
): Promise<ScanRunInfo> {
  const client = clientOf(settings, signal);
  let merging = false;
  try {
    return await scanIntoLibrary({
      source: client,
      sourceUrl: settings.baseUrl,
      rules: settings.rules,
      library,
      concurrency: settings.concurrency,
      signal,
      onProgress(progress) {
        // From 'indexing' on, the run is merged by a worker with a connection of its own: the
        // pages this connection cached while staging (up to 32 MB) are of no more use, and
        // giving them back keeps a 1,000,000-item scan under 300 MB.
        if (progress.phase === 'indexing' && !merging) {
          merging = true;
          library.db.pragma('shrink_memory');
        }
        onProgress?.(progress);
      },
    });
  } finally {
    await client.close();
  }
}
