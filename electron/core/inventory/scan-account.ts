import { computeTotals, type ScanResult, type ScannedItem, type ScannedSpace } from '../../../shared/inventory.ts';
import { reportScanProgress, walkAccount, type WalkOptions } from './walk-account.ts';

export interface ScanOptions extends WalkOptions {
  sourceUrl: string;
  now?: () => Date;
}

/**
 * Scans an account into memory: spaces in the platform's order, then each space's items, then
 * the personal items. For accounts of any size, scanIntoLibrary streams into the library instead.
 */
export async function scanAccount(options: ScanOptions): Promise<ScanResult> {
  const spaces: ScannedSpace[] = [];
  const itemsBySpace: ScannedItem[][] = [];
  const personal: ScannedItem[] = [];
  const { me } = await walkAccount(options, () => ({
    space: (space, index) => { spaces[index] = space; },
    item: (item, holder) => {
      if (holder === null) personal.push(item);
      else (itemsBySpace[holder.index] ??= []).push(item);
    },
  }));
  // Spaces are judged concurrently; the result keeps the listing order whatever finished first.
  const orderedSpaces = spaces.filter((space) => space !== undefined);
  const items = [...itemsBySpace.flatMap((list) => list ?? []), ...personal];
  reportScanProgress(options.onProgress, 'done', items.length, items.length, null);

  const { rules } = options;
  return {
    format: 'twinarchive-scan/1',
    source: options.sourceUrl,
    scannedAt: (options.now?.() ?? new Date()).toISOString(),
    ruleSet: { version: rules.ruleSet.version, faqUpdated: rules.ruleSet.source.updated },
    settings: { margin: rules.settings.margin, euLoginEmail: rules.settings.euLoginEmail },
    account: me,
    spaces: orderedSpaces,
    items,
    totals: computeTotals(orderedSpaces, items),
  };
}
