import type { ScanResult } from '../../shared/inventory.ts';
import { scanAccount } from '../core/inventory/scan-account.ts';
import { createPlatformClient } from '../core/platform-client/platform-client.ts';
import type { AccountSettings } from './account-options.ts';

/** Signs in with the command line's account settings and scans the account. */
export async function scanWithSettings(settings: AccountSettings, signal: AbortSignal): Promise<ScanResult> {
  const client = createPlatformClient({
    baseUrl: settings.baseUrl,
    credentials: settings.credentials,
    concurrency: settings.concurrency,
    signal,
  });
  try {
    return await scanAccount({
      source: client,
      sourceUrl: settings.baseUrl,
      rules: settings.rules,
      concurrency: settings.concurrency,
      signal,
    });
  } finally {
    await client.close();
  }
}
