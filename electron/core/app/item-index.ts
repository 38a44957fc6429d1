import type { z } from 'zod';
import type { ItemRow, ItemsPage, ItemsQuerySchema } from '../../../shared/contract.ts';
import type { ScanResult } from '../../../shared/inventory.ts';
import type { Verdict } from '../../../shared/model.ts';

export type ParsedItemsQuery = z.output<typeof ItemsQuerySchema>;
type SortKey = ParsedItemsQuery['sort'];

/** The space id items.query uses for personal items. */
export const PERSONAL_SPACE = 'personal';
/** At risk first, as everywhere in the app. */
const VERDICT_RANK: Record<Verdict, number> = { lost: 0, uncertain: 1, migrates: 2 };

export interface ItemIndex {
  readonly size: number;
  query(query: ParsedItemsQuery): ItemsPage;
}

/** Lower case without accents: "Ideeën" is found by "ideeen". */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * The items of one scan, ready to filter, sort and page in memory. Rows, search text and sort
 * keys are built once per scan and each ordering once on first use, so a query over 100,000
 * items is one pass over an array.
 */
export function createItemIndex(scan: ScanResult): ItemIndex {
  const spaceTitles = new Map(scan.spaces.map((space) => [space.id, space.title]));
  const rows: ItemRow[] = scan.items.map((item) => ({
    id: item.id,
    space: item.space,
    spaceTitle: item.space === null ? null : (spaceTitles.get(item.space) ?? null),
    type: item.type,
    title: item.title,
    createdAt: item.createdAt,
    size: item.size,
    verdict: item.verdict,
    rule: item.rule,
    reason: item.reason,
    quote: item.quote,
  }));
  const count = rows.length;
  const titles = rows.map((row) => foldText(row.title));
  const spaceKeys = rows.map((row) => (row.spaceTitle === null ? '\uffff' : foldText(row.spaceTitle)));
  const searchText = rows.map((row, index) => `${titles[index] ?? ''}\n${row.spaceTitle === null ? '' : (spaceKeys[index] ?? '')}`);
  const times = Float64Array.from(rows, (row) => {
    const ms = Date.parse(row.createdAt);
    return Number.isNaN(ms) ? Number.POSITIVE_INFINITY : ms;
  });
  const orders = new Map<SortKey, Uint32Array>();

  const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const at = <T>(values: readonly T[], index: number): T => values[index] as T;
  const primary: Record<SortKey, (a: number, b: number) => number> = {
    title: (a, b) => compareText(at(titles, a), at(titles, b)),
    createdAt: () => 0,
    size: (a, b) => at(rows, a).size - at(rows, b).size,
    verdict: (a, b) => VERDICT_RANK[at(rows, a).verdict] - VERDICT_RANK[at(rows, b).verdict],
    space: (a, b) => compareText(at(spaceKeys, a), at(spaceKeys, b)),
    type: (a, b) => compareText(at(rows, a).type, at(rows, b).type),
  };

  function orderFor(key: SortKey): Uint32Array {
    let order = orders.get(key);
    if (!order) {
      const compare = primary[key];
      // Ties by date then by scan order, so paging never shows an item twice.
      order = Uint32Array.from({ length: count }, (_, index) => index).sort(
        (a, b) => compare(a, b) || (times[a] ?? 0) - (times[b] ?? 0) || a - b,
      );
      orders.set(key, order);
    }
    return order;
  }

  return {
    size: count,
    query(query) {
      const verdicts = query.verdicts ? new Set(query.verdicts) : null;
      const rules = query.rules ? new Set<string>(query.rules) : null;
      const types = query.types ? new Set<string>(query.types) : null;
      const spaces = query.spaces ? new Set(query.spaces) : null;
      const terms = foldText(query.text ?? '').split(/\s+/u).filter((term) => term !== '');
      const filtered = verdicts !== null || rules !== null || types !== null || spaces !== null || terms.length > 0;
      const matches = (index: number): boolean => {
        const row = at(rows, index);
        if (verdicts !== null && !verdicts.has(row.verdict)) return false;
        if (rules !== null && !rules.has(row.rule)) return false;
        if (types !== null && !types.has(row.type)) return false;
        if (spaces !== null && !spaces.has(row.space ?? PERSONAL_SPACE)) return false;
        if (terms.length > 0) {
          const text = at(searchText, index);
          for (const term of terms) if (!text.includes(term)) return false;
        }
        return true;
      };

      const order = orderFor(query.sort);
      const descending = query.direction === 'desc';
      const end = query.offset + query.limit;
      const items: ItemRow[] = [];
      let total = 0;
      for (let position = 0; position < count; position += 1) {
        if (!filtered && total >= end) {
          total = count;
          break;
        }
        const index = order[descending ? count - 1 - position : position] ?? 0;
        if (filtered && !matches(index)) continue;
        if (total >= query.offset && total < end) items.push(at(rows, index));
        total += 1;
      }
      return { total, offset: query.offset, items };
    },
  };
}
