import { computeTotals, type ScanResult, type ScannedItem, type ScannedSpace } from '../../../shared/inventory.ts';
import type { ProgressListener } from '../../../shared/progress.ts';
import type { RulesEngine } from '../../../shared/rules/rules-engine.ts';
import { mapConcurrent } from '../util/map-concurrent.ts';
import { collect, type InventorySource } from './inventory-source.ts';
import { toScannedItem, toScannedSpace } from './to-scanned.ts';

export interface ScanOptions {
  source: InventorySource;
  sourceUrl: string;
  rules: RulesEngine;
  /** Spaces listed at once; the source's own limit still bounds requests. */
  concurrency?: number;
  onProgress?: ProgressListener;
  signal?: AbortSignal;
  now?: () => Date;
}

/**
 * Signs in, lists every space and item the account can see, and judges each one. Only the
 * account's own spaces (the platform lists no others) and personal items appear.
 */
export async function scanAccount(options: ScanOptions): Promise<ScanResult> {
  const { source, rules, signal } = options;
  const report = (phase: 'signing-in' | 'listing' | 'done', itemsDone: number, itemsTotal: number | null, detail: string | null) =>
    options.onProgress?.({
      phase, fraction: phase === 'done' ? 1 : itemsTotal ? itemsDone / itemsTotal : 0,
      itemsDone, itemsTotal, bytesDone: 0, bytesTotal: null, bytesPerSecond: null, etaSeconds: null, detail,
    });

  report('signing-in', 0, null, null);
  const me = await source.signIn();
  signal?.throwIfAborted();

  const summaries = await collect(source.listSpaces());
  const expectedItems = summaries.reduce((sum, space) => sum + space.itemCount, 0);
  let itemsSeen = 0;
  report('listing', 0, expectedItems, null);

  const perSpace = await mapConcurrent(summaries, options.concurrency ?? 4, async (summary) => {
    signal?.throwIfAborted();
    const activity = await collect(source.listActivity(summary.id));
    const classification = rules.classifySpace({
      kind: summary.kind, migrationRequest: summary.migrationRequest, activity,
    });
    const space = toScannedSpace(summary, activity, rules.judge(classification));
    const items: ScannedItem[] = [];
    for await (const metadata of source.listSpaceItems(summary.id)) {
      signal?.throwIfAborted();
      const itemClassification = rules.classifySpaceItem(metadata, { kind: summary.kind, classification });
      items.push(toScannedItem(metadata, rules.judge(itemClassification)));
      itemsSeen += 1;
      if (itemsSeen % 100 === 0) report('listing', itemsSeen, expectedItems, summary.title);
    }
    report('listing', itemsSeen, expectedItems, summary.title);
    return { space, items };
  });

  const spaces: ScannedSpace[] = perSpace.map((entry) => entry.space);
  const items: ScannedItem[] = perSpace.flatMap((entry) => entry.items);
  for await (const metadata of source.listPersonalItems()) {
    signal?.throwIfAborted();
    items.push(toScannedItem(metadata, rules.judge(rules.classifyPersonalItem(metadata, me))));
  }
  report('done', items.length, items.length, null);

  return {
    format: 'twinarchive-scan/1',
    source: options.sourceUrl,
    scannedAt: (options.now?.() ?? new Date()).toISOString(),
    ruleSet: { version: rules.ruleSet.version, faqUpdated: rules.ruleSet.source.updated },
    settings: { margin: rules.settings.margin, euLoginEmail: rules.settings.euLoginEmail },
    account: me,
    spaces,
    items,
    totals: computeTotals(spaces, items),
  };
}
