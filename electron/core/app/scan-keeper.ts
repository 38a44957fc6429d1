import type { Overview } from '../../../shared/contract.ts';
import type { ScanResult } from '../../../shared/inventory.ts';
import type { JobProgress } from '../../../shared/progress.ts';
import { createRulesEngine } from '../../../shared/rules/rules-engine.ts';
import type { RuleSet } from '../../../shared/rules/ruleset-schema.ts';
import { scanAccount } from '../inventory/scan-account.ts';
import { upsertItems } from '../library/items-repository.ts';
import type { Library } from '../library/library.ts';
import { upsertSpaces } from '../library/spaces-repository.ts';
import { createPlatformClient } from '../platform-client/platform-client.ts';
import { AppCallError } from './call-error.ts';
import { createItemIndex, type ItemIndex } from './item-index.ts';
import { toOverview } from './overview.ts';
import type { SessionManager } from './session-manager.ts';
import type { SettingsStore } from './settings-store.ts';
import { createThrottle } from './throttle.ts';

const EVENT_INTERVAL_MS = 250;

export interface KeptScan {
  scan: ScanResult;
  overview: Overview;
  items: ItemIndex;
}

export interface ScanKeeperOptions {
  ruleSet: RuleSet;
  library: () => Library;
  sessions: SessionManager;
  settings: SettingsStore;
  onProgress: (progress: JobProgress) => void;
}

export interface ScanKeeper {
  /** Scans the signed-in account; a second call while one runs waits for the same scan. */
  run(): Promise<Overview>;
  kept(): KeptScan | null;
  forget(): void;
  close(): Promise<void>;
}

/** The last scan, kept in memory for the overview, the item list and the report, and stored in the library. */
export function createScanKeeper(options: ScanKeeperOptions): ScanKeeper {
  const { sessions } = options;
  let kept: KeptScan | null = null;
  let running: { promise: Promise<Overview>; controller: AbortController } | null = null;

  async function scan(controller: AbortController): Promise<Overview> {
    const session = await sessions.require();
    const settings = await options.settings.get();
    const client = createPlatformClient({
      baseUrl: session.baseUrl, credentials: session.credentials, concurrency: settings.concurrency, signal: controller.signal,
    });
    const progress = createThrottle<JobProgress>(EVENT_INTERVAL_MS, options.onProgress);
    try {
      const result = await scanAccount({
        source: client, sourceUrl: session.baseUrl, concurrency: settings.concurrency, signal: controller.signal,
        rules: createRulesEngine(options.ruleSet, { margin: settings.margin, euLoginEmail: settings.euLoginEmail }),
        onProgress: (update) => progress.push(update, update.phase !== 'listing'),
      });
      if (sessions.current() !== session) {
        throw new AppCallError('You signed out or changed accounts during the scan: scan again.', 'NOT_CONNECTED');
      }
      const library = options.library();
      const scope = { source: result.source, accountId: result.account.id };
      upsertSpaces(library, scope, result.spaces);
      upsertItems(library, scope, result.items);
      const overview = toOverview(result, options.ruleSet);
      kept = { scan: result, overview, items: createItemIndex(result) };
      return overview;
    } finally {
      progress.cancel();
      await client.close();
    }
  }

  return {
    run() {
      if (running) return running.promise;
      const controller = new AbortController();
      const promise = scan(controller).finally(() => {
        running = null;
      });
      running = { promise, controller };
      return promise;
    },
    kept: () => kept,
    forget() {
      kept = null;
    },
    async close() {
      const current = running;
      current?.controller.abort();
      await current?.promise.catch(() => undefined);
      kept = null;
    },
  };
}
