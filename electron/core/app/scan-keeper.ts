import type { Overview } from '../../../shared/contract.ts';
import type { JobProgress } from '../../../shared/progress.ts';
import { createRulesEngine } from '../../../shared/rules/rules-engine.ts';
import type { RuleSet } from '../../../shared/rules/ruleset-schema.ts';
import type { ScanRunInfo, ScanRunSummary } from '../../../shared/scan-summary.ts';
import { scanIntoLibrary } from '../inventory/scan-into-library.ts';
import type { AccountScope } from '../library/account-scope.ts';
import type { Library } from '../library/library.ts';
import { latestFinishedScanRun } from '../library/scan-runs-repository.ts';
import { createPlatformClient } from '../platform-client/platform-client.ts';
import { AppCallError } from './call-error.ts';
import { overviewOfRun } from './overview.ts';
import type { SessionManager } from './session-manager.ts';
import type { SettingsStore } from './settings-store.ts';
import { createThrottle } from './throttle.ts';

const EVENT_INTERVAL_MS = 250;

export type FinishedRun = ScanRunInfo & { summary: ScanRunSummary };

/** The signed-in account's last finished scan: its run (counts, changes) and the overview. Its items stay in the library. */
export interface KeptScan {
  scope: AccountScope;
  run: FinishedRun;
  overview: Overview;
}

export interface ScanKeeperOptions {
  ruleSet: RuleSet;
  library: () => Library;
  sessions: SessionManager;
  settings: SettingsStore;
  onProgress: (progress: JobProgress) => void;
}

export interface ScanKeeper {
  /** Scans the signed-in account into the library; a second call while one runs waits for the same scan. */
  run(): Promise<Overview>;
  /** Stops the running scan, if any; it then fails and the last finished scan stays. */
  cancel(): void;
  /** The signed-in account's last finished scan in the library (this run's, an earlier one's, or an archive job's), or null. */
  kept(): KeptScan | null;
  forget(): void;
  close(): Promise<void>;
}

const isFinished = (run: ScanRunInfo | null): run is FinishedRun => run !== null && run.status === 'done' && run.summary !== null;

/**
 * Scans stream into the library as runs (scanIntoLibrary), so memory holds the run's counts and
 * the overview, never the items: the items list, the report and the drill-downs page through
 * the library. The overview is built once per run.
 */
export function createScanKeeper(options: ScanKeeperOptions): ScanKeeper {
  const { sessions } = options;
  let cached: KeptScan | null = null;
  let running: { promise: Promise<Overview>; controller: AbortController } | null = null;

  // Run ids are never reused in a library: the same id is the same scan of the same account.
  function keep(scope: AccountScope, run: FinishedRun): KeptScan {
    if (cached?.run.id !== run.id) cached = { scope, run, overview: overviewOfRun(options.library(), run, options.ruleSet) };
    return cached;
  }

  async function scan(controller: AbortController): Promise<Overview> {
    const session = await sessions.require();
    const settings = await options.settings.get();
    const library = options.library();
    const client = createPlatformClient({
      baseUrl: session.baseUrl, credentials: session.credentials, concurrency: settings.concurrency, signal: controller.signal,
    });
    const progress = createThrottle<JobProgress>(EVENT_INTERVAL_MS, options.onProgress);
    try {
      const run = await scanIntoLibrary({
        source: client, sourceUrl: session.baseUrl, library, concurrency: settings.concurrency, signal: controller.signal,
        rules: createRulesEngine(options.ruleSet, { margin: settings.margin, euLoginEmail: settings.euLoginEmail }),
        onProgress: (update) => progress.push(update, update.phase !== 'listing'),
      });
      if (sessions.current() !== session) {
        throw new AppCallError('You signed out or changed accounts during the scan: scan again.', 'NOT_CONNECTED');
      }
      if (!isFinished(run)) throw new Error(`Scan run ${run.id} ended without its counts.`);
      return keep({ source: session.baseUrl, accountId: session.account.id }, run).overview;
    } catch (error) {
      if (controller.signal.aborted) {
        throw new AppCallError('The scan was stopped before it finished, so the last finished scan stays as it was: scan again when you want.', 'FAILED');
      }
      throw error;
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
    cancel() {
      running?.controller.abort();
    },
    kept() {
      const session = sessions.current();
      if (!session) return null;
      const scope = { source: session.baseUrl, accountId: session.account.id };
      const run = latestFinishedScanRun(options.library(), scope);
      return isFinished(run) ? keep(scope, run) : null;
    },
    forget() {
      cached = null;
    },
    async close() {
      const current = running;
      current?.controller.abort();
      await current?.promise.catch(() => undefined);
      cached = null;
    },
  };
}
