import type { ScanRunInfo } from '../../../shared/scan-summary.ts';
import type { AccountScope } from '../library/account-scope.ts';
import type { Library } from '../library/library.ts';
import { finishScanRunOffThread } from '../library/scan-merge.ts';
import { failScanRun, startScanRun } from '../library/scan-runs-repository.ts';
import { ScanStage } from '../library/scan-stage.ts';
import { createYearOf } from './creation-year.ts';
import { reportScanProgress, walkAccount, type WalkOptions } from './walk-account.ts';

interface StartedRun {
  id: number;
  scope: AccountScope;
  stage: ScanStage;
}

export interface ScanIntoLibraryOptions extends WalkOptions {
  sourceUrl: string;
  library: Library;
  now?: () => Date;
}

/**
 * Scans an account of any size: every space and item is judged as it arrives and written to
 * the library's stage, so memory holds the list of spaces and one page per space being read,
 * never the items. When all is seen the run is compared and merged on a worker thread (see scan-merge.ts).
 */
export async function scanIntoLibrary(options: ScanIntoLibraryOptions): Promise<ScanRunInfo> {
  const { rules, library, signal } = options;
  const now = options.now ?? (() => new Date());
  const yearOf = createYearOf(rules.ruleSet.timeZone);
  // Set once the walk has signed in and the run exists; read after the walk, and on failure.
  const started: { run: StartedRun | null } = { run: null };

  try {
    const walked = await walkAccount(options, (me) => {
      const scope = { source: options.sourceUrl, accountId: me.id };
      const id = startScanRun(library, {
        scope, account: me,
        ruleSet: { version: rules.ruleSet.version, faqUpdated: rules.ruleSet.source.updated },
        settings: { margin: rules.settings.margin, euLoginEmail: rules.settings.euLoginEmail },
        startedAt: now().toISOString(),
      });
      const stage = new ScanStage(library, id);
      started.run = { id, scope, stage };
      return {
        space: (space) => stage.addSpace(space),
        item: (item, holder) => stage.addItem({ item, holderKind: holder?.kind ?? 'personal', createdYear: yearOf(item.createdAt) }),
      };
    });
    const { run } = started;
    if (run === null) throw new Error('The scan ended before it started a run.');
    run.stage.flush();
    signal?.throwIfAborted();
    reportScanProgress(options.onProgress, 'indexing', walked.items, walked.items, null);
    // The merge runs on a connection of its own: this one's page cache is dead weight meanwhile.
    library.db.pragma('shrink_memory');
    const finished = await finishScanRunOffThread(library, { runId: run.id, scope: run.scope, finishedAt: now().toISOString() });
    reportScanProgress(options.onProgress, 'done', walked.items, walked.items, null);
    return finished;
  } catch (error) {
    if (started.run !== null) failScanRun(library, started.run.id, error instanceof Error ? error.message : String(error), now().toISOString());
    throw error;
  }
}
