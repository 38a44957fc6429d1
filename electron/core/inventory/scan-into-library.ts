import type { ScanAccount } from '../../../shared/inventory.ts';
import type { ProgressListener } from '../../../shared/progress.ts';
import type { RulesEngine } from '../../../shared/rules/rules-engine.ts';
import type { ScanRunInfo } from '../../../shared/scan-summary.ts';
import type { Library } from '../library/library.ts';
import { finishScanRunOffThread } from '../library/scan-merge.ts';
import { failScanRun, startScanRun } from '../library/scan-runs-repository.ts';
import { ScanStage } from '../library/scan-stage.ts';
import { mapConcurrent } from '../util/map-concurrent.ts';
import { createYearOf } from './creation-year.ts';
import { collect, type InventorySource } from './inventory-source.ts';
import { toScannedItem, toScannedSpace } from './to-scanned.ts';

export interface ScanIntoLibraryOptions {
  source: InventorySource;
  sourceUrl: string;
  rules: RulesEngine;
  library: Library;
  /** Spaces listed at once; the source's own limit still bounds requests. */
  concurrency?: number;
  onProgress?: ProgressListener;
  signal?: AbortSignal;
  now?: () => Date;
}

const PROGRESS_EVERY = 100;

/**
 * Scans an account of any size: every space and item is judged as it arrives and written to
 * the library's stage, so memory holds the list of spaces and one page per space being read,
 * never the items. When all is seen the run is compared and merged on a worker thread (see scan-merge.ts).
 */
export async function scanIntoLibrary(options: ScanIntoLibraryOptions): Promise<ScanRunInfo> {
  const { source, rules, library, signal } = options;
  const now = options.now ?? (() => new Date());
  const report = (phase: 'signing-in' | 'listing' | 'indexing' | 'done', itemsDone: number, itemsTotal: number | null, detail: string | null) =>
    options.onProgress?.({
      phase, fraction: phase === 'done' ? 1 : itemsTotal ? Math.min(1, itemsDone / itemsTotal) : 0,
      itemsDone, itemsTotal, bytesDone: 0, bytesTotal: null, bytesPerSecond: null, etaSeconds: null, detail,
    });

  report('signing-in', 0, null, null);
  const me: ScanAccount = await source.signIn();
  signal?.throwIfAborted();
  const scope = { source: options.sourceUrl, accountId: me.id };
  const runId = startScanRun(library, {
    scope, account: me,
    ruleSet: { version: rules.ruleSet.version, faqUpdated: rules.ruleSet.source.updated },
    settings: { margin: rules.settings.margin, euLoginEmail: rules.settings.euLoginEmail },
    startedAt: now().toISOString(),
  });

  try {
    const stage = new ScanStage(library, runId);
    const yearOf = createYearOf(rules.ruleSet.timeZone);
    const summaries = await collect(source.listSpaces());
    const expectedItems = summaries.reduce((sum, space) => sum + space.itemCount, 0);
    let itemsSeen = 0;
    const counted = (detail: string | null) => {
      itemsSeen += 1;
      if (itemsSeen % PROGRESS_EVERY === 0) report('listing', itemsSeen, expectedItems, detail);
    };
    report('listing', 0, expectedItems, null);

    await mapConcurrent(summaries, options.concurrency ?? 4, async (summary) => {
      signal?.throwIfAborted();
      const activity = await collect(source.listActivity(summary.id));
      const classification = rules.classifySpace({ kind: summary.kind, migrationRequest: summary.migrationRequest, activity });
      stage.addSpace(toScannedSpace(summary, activity, rules.judge(classification)));
      for await (const metadata of source.listSpaceItems(summary.id)) {
        signal?.throwIfAborted();
        const judgement = rules.judge(rules.classifySpaceItem(metadata, { kind: summary.kind, classification }));
        stage.addItem({ item: toScannedItem(metadata, judgement), holderKind: summary.kind, createdYear: yearOf(metadata.createdAt) });
        counted(summary.title);
      }
    });
    for await (const metadata of source.listPersonalItems()) {
      signal?.throwIfAborted();
      const judgement = rules.judge(rules.classifyPersonalItem(metadata, me));
      stage.addItem({ item: toScannedItem(metadata, judgement), holderKind: 'personal', createdYear: yearOf(metadata.createdAt) });
      counted(null);
    }
    stage.flush();
    signal?.throwIfAborted();
    report('indexing', itemsSeen, itemsSeen, null);
    // The merge runs on a connection of its own: this one's page cache is dead weight meanwhile.
    library.db.pragma('shrink_memory');
    const run = await finishScanRunOffThread(library, { runId, scope, finishedAt: now().toISOString() });
    report('done', itemsSeen, itemsSeen, null);
    return run;
  } catch (error) {
    failScanRun(library, runId, error instanceof Error ? error.message : String(error), now().toISOString());
    throw error;
  }
}
