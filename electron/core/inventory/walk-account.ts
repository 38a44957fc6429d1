import type { ScanAccount, ScannedItem, ScannedSpace } from '../../../shared/inventory.ts';
import type { ProgressListener } from '../../../shared/progress.ts';
import type { RulesEngine } from '../../../shared/rules/rules-engine.ts';
import type { SpaceKind } from '../../../shared/model.ts';
import { mapConcurrent } from '../util/map-concurrent.ts';
import { collect, type InventorySource } from './inventory-source.ts';
import { toScannedItem, toScannedSpace } from './to-scanned.ts';

/** Where an item was found: its space (kind and position in the platform's listing), or null for personal items. */
export type ItemHolder = { kind: SpaceKind; index: number } | null;

/** Receives what a walk judges, as it arrives; items of different spaces interleave. */
export interface AccountSink {
  space(space: ScannedSpace, index: number): void;
  item(item: ScannedItem, holder: ItemHolder): void;
}

export interface WalkOptions {
  source: InventorySource;
  rules: RulesEngine;
  /** Spaces listed at once; the source's own limit still bounds requests. */
  concurrency?: number;
  onProgress?: ProgressListener;
  signal?: AbortSignal;
}

const PROGRESS_EVERY = 100;

export function reportScanProgress(
  onProgress: ProgressListener | undefined,
  phase: 'signing-in' | 'listing' | 'indexing' | 'done', itemsDone: number, itemsTotal: number | null, detail: string | null,
): void {
  onProgress?.({
    phase, fraction: phase === 'done' ? 1 : itemsTotal ? Math.min(1, itemsDone / itemsTotal) : 0,
    itemsDone, itemsTotal, bytesDone: 0, bytesTotal: null, bytesPerSecond: null, etaSeconds: null, detail,
  });
}

/**
 * Signs in, lists every space and item the account can see and judges each one, handing each to
 * the sink `begin` returns once the account is known. Only the account's own spaces (the
 * platform lists no others) and personal items appear. Returns the account and the items seen.
 */
export async function walkAccount(options: WalkOptions, begin: (me: ScanAccount) => AccountSink): Promise<{ me: ScanAccount; items: number }> {
  const { source, rules, signal } = options;
  const report = (phase: 'signing-in' | 'listing', done: number, total: number | null, detail: string | null) =>
    reportScanProgress(options.onProgress, phase, done, total, detail);

  report('signing-in', 0, null, null);
  const me = await source.signIn();
  signal?.throwIfAborted();
  const sink = begin(me);

  const summaries = await collect(source.listSpaces());
  const expectedItems = summaries.reduce((sum, space) => sum + space.itemCount, 0);
  let itemsSeen = 0;
  report('listing', 0, expectedItems, null);

  await mapConcurrent(summaries, options.concurrency ?? 4, async (summary, index) => {
    signal?.throwIfAborted();
    const activity = await collect(source.listActivity(summary.id));
    const classification = rules.classifySpace({ kind: summary.kind, migrationRequest: summary.migrationRequest, activity });
    sink.space(toScannedSpace(summary, activity, rules.judge(classification)), index);
    const holder = { kind: summary.kind, index };
    for await (const metadata of source.listSpaceItems(summary.id)) {
      signal?.throwIfAborted();
      sink.item(toScannedItem(metadata, rules.judge(rules.classifySpaceItem(metadata, { kind: summary.kind, classification }))), holder);
      itemsSeen += 1;
      if (itemsSeen % PROGRESS_EVERY === 0) report('listing', itemsSeen, expectedItems, summary.title);
    }
    report('listing', itemsSeen, expectedItems, summary.title);
  });
  for await (const metadata of source.listPersonalItems()) {
    signal?.throwIfAborted();
    sink.item(toScannedItem(metadata, rules.judge(rules.classifyPersonalItem(metadata, me))), null);
    itemsSeen += 1;
  }
  return { me, items: itemsSeen };
}
