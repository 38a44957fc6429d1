import { atRiskOf, emptyVerdictTotals, type ScanTotals } from '../../../shared/inventory.ts';
import { VERDICTS, type Verdict } from '../../../shared/model.ts';
import type { Library } from './library.ts';
import { toRuleId, toVerdict } from './row-values.ts';

export interface ItemsAndBytes {
  items: number;
  bytes: number;
}

/** The scan totals of everything in the library, plus how much of it sits in an archive. */
export interface LibrarySummary extends ScanTotals {
  archived: ItemsAndBytes & { byVerdict: Record<Verdict, ItemsAndBytes> };
  archives: { count: number; bytes: number };
}

interface GroupRow {
  verdict: string;
  rule: string;
  items: number;
  bytes: number;
  archived_items: number;
  archived_bytes: number;
}

// item_totals is kept by triggers on items (migration 4): a few dozen rows, whatever the number
// of items. Groups emptied by deletes stay behind with zeros and are left out, as a GROUP BY over
// items would. Exported so a test can hold the query plan to that table.
export const ITEM_GROUPS_SQL = `
  SELECT verdict, rule, sum(items) AS items, sum(bytes) AS bytes, sum(archived_items) AS archived_items, sum(archived_bytes) AS archived_bytes
  FROM item_totals
  WHERE items <> 0
  GROUP BY verdict, rule`;

export function summary(library: Library): LibrarySummary {
  const { db } = library;
  const byVerdict = Object.fromEntries(VERDICTS.map((verdict) => [verdict, emptyVerdictTotals()])) as ScanTotals['byVerdict'];
  const archivedByVerdict = Object.fromEntries(VERDICTS.map((verdict) => [verdict, { items: 0, bytes: 0 }])) as Record<Verdict, ItemsAndBytes>;
  const byRule: ScanTotals['byRule'] = {};
  const totals = { spaces: 0, items: 0, bytes: 0, archivedItems: 0, archivedBytes: 0 };

  for (const row of db.prepare<[], GroupRow>(ITEM_GROUPS_SQL).all()) {
    const verdict = toVerdict(row.verdict);
    const rule = (byRule[toRuleId(row.rule)] ??= { items: 0, bytes: 0 });
    rule.items += row.items;
    rule.bytes += row.bytes;
    byVerdict[verdict].items += row.items;
    byVerdict[verdict].bytes += row.bytes;
    archivedByVerdict[verdict].items += row.archived_items;
    archivedByVerdict[verdict].bytes += row.archived_bytes;
    totals.items += row.items;
    totals.bytes += row.bytes;
    totals.archivedItems += row.archived_items;
    totals.archivedBytes += row.archived_bytes;
  }
  for (const row of db.prepare<[], { verdict: string; spaces: number }>('SELECT verdict, count(*) AS spaces FROM spaces GROUP BY verdict').all()) {
    byVerdict[toVerdict(row.verdict)].spaces += row.spaces;
    totals.spaces += row.spaces;
  }
  const archives = db.prepare<[], { count: number; bytes: number }>('SELECT count(*) AS count, total(size) AS bytes FROM archives').get();

  return {
    spaces: totals.spaces,
    items: totals.items,
    bytes: totals.bytes,
    byVerdict,
    atRisk: atRiskOf(byVerdict),
    byRule,
    archived: { items: totals.archivedItems, bytes: totals.archivedBytes, byVerdict: archivedByVerdict },
    archives: { count: archives?.count ?? 0, bytes: archives?.bytes ?? 0 },
  };
}
