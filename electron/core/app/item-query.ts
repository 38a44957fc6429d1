import type { z } from 'zod';
import type { ItemRow, ItemsPage, ItemsQuerySchema } from '../../../shared/contract.ts';
import {
  itemRowidsQuery, listedItems, orderedItemRowids, pageItemList, totalFromSummary, type ItemListFilter, type ItemSort, type ListedItem,
} from '../library/item-list-query.ts';
import type { Library } from '../library/library.ts';
import { createRowidWorker } from './rowid-worker.ts';
import type { KeptScan } from './scan-keeper.ts';

export type ParsedItemsQuery = z.output<typeof ItemsQuerySchema>;

/**
 * How deep the date order is read straight from its index; deeper pages, and every other order,
 * come from the list's rowids sorted once (the index walk costs what the offset does).
 */
const DIRECT_OFFSET = 5000;
/** Accounts above this many items sort on the worker: a sort of theirs takes longer than a frame or two. */
const WORKER_ABOVE_ITEMS = 20_000;

function toItemRow(item: ListedItem): ItemRow {
  return {
    id: item.id,
    space: item.space,
    spaceTitle: item.spaceTitle,
    type: item.type,
    title: item.title,
    createdAt: item.createdAt,
    size: item.size,
    verdict: item.verdict,
    rule: item.rule,
    reason: item.reason,
    quote: item.quote,
  };
}

export interface ItemQueries {
  /** One page of the kept scan's items, read from the library. */
  query(library: Library, kept: KeptScan | null, query: ParsedItemsQuery): Promise<ItemsPage>;
  /** Drops the sorted list kept for paging. */
  forget(): void;
  close(): Promise<void>;
}

export interface ItemQueriesOptions {
  /** Accounts with more items sort on a worker thread; default 20,000. */
  workerAboveItems?: number;
}

/**
 * The Items list over the library. The first pages in date order, and the last ones, walk the
 * date index and take their count from the run's summary when it has it, so they cost the same
 * for 100 items or 1,000,000. A list sorted otherwise, filtered beyond what the summary counted,
 * or read in the middle, is sorted once into its rowids (8 MB for 1,000,000 items, one list kept
 * at a time; descending reads it backwards), on a worker thread for a large account; every
 * page after that is a lookup by rowid, as scrolling asks for page after page.
 */
export function createItemQueries(options: ItemQueriesOptions = {}): ItemQueries {
  const workerAbove = options.workerAboveItems ?? WORKER_ABOVE_ITEMS;
  const worker = createRowidWorker();
  let order: { key: string; rowids: Promise<Float64Array> } | null = null;

  function sortedRowids(library: Library, kept: KeptScan, filter: ItemListFilter, sort: ItemSort): Promise<Float64Array> {
    const ascending: ItemSort = { key: sort.key, direction: 'asc' };
    const query = itemRowidsQuery(kept.scope, filter, ascending);
    if (query === null) return Promise.resolve(new Float64Array(0));
    const here = () => Float64Array.from(orderedItemRowids(library, kept.scope, filter, ascending));
    if (kept.run.summary.totals.items <= workerAbove) return Promise.resolve(here());
    // Should the worker fail (a driver it cannot load), the list is still there, only slower.
    return worker.run(library.file, query).catch(() => here());
  }

  async function fromRowids(library: Library, kept: KeptScan, filter: ItemListFilter, sort: ItemSort, query: ParsedItemsQuery): Promise<ItemsPage> {
    const key = JSON.stringify([kept.run.id, kept.scope, filter, sort.key]);
    if (order?.key !== key) {
      const rowids = sortedRowids(library, kept, filter, sort);
      order = { key, rowids };
      // A failed sort is not kept: the next page tries again.
      rowids.catch(() => {
        if (order?.key === key) order = null;
      });
    }
    const rowids = await order.rowids;
    const total = rowids.length;
    const start = Math.min(total, query.offset);
    const end = Math.min(total, query.offset + query.limit);
    const wanted = sort.direction === 'asc'
      ? Array.from(rowids.subarray(start, end))
      : Array.from(rowids.subarray(total - end, total - start)).reverse();
    return { total, offset: query.offset, items: listedItems(library, wanted).map(toItemRow) };
  }

  return {
    async query(library, kept, query) {
      if (kept === null) return { total: 0, offset: query.offset, items: [] };
      const filter: ItemListFilter = {
        ...(query.verdicts && { verdicts: query.verdicts }),
        ...(query.rules && { rules: query.rules }),
        ...(query.kinds && { holderKinds: query.kinds }),
        ...(query.years && { years: query.years }),
        ...(query.types && { types: query.types }),
        ...(query.spaces && { spaces: query.spaces }),
        ...(query.text !== undefined && query.text.trim() !== '' && { text: query.text }),
      };
      const sort: ItemSort = { key: query.sort, direction: query.direction };
      if (sort.key === 'createdAt') {
        const known = totalFromSummary(kept.run.summary, filter);
        // Counting a large account's rows is a pass over all of them: the worker does it, with the sort.
        const countable = known !== null || kept.run.summary.totals.items <= workerAbove;
        if (countable && query.offset < DIRECT_OFFSET) {
          const page = pageItemList(library, kept.scope, filter, sort, { offset: query.offset, limit: query.limit }, known);
          return { total: page.total, offset: query.offset, items: page.rows.map(toItemRow) };
        }
        // Near the end (the End key): the same index walked from the other end, read backwards.
        if (known !== null && known - query.offset < DIRECT_OFFSET) {
          const end = Math.min(known, query.offset + query.limit);
          if (end <= query.offset) return { total: known, offset: query.offset, items: [] };
          const flipped: ItemSort = { key: sort.key, direction: sort.direction === 'asc' ? 'desc' : 'asc' };
          const page = pageItemList(library, kept.scope, filter, flipped, { offset: known - end, limit: end - query.offset }, known);
          return { total: known, offset: query.offset, items: page.rows.reverse().map(toItemRow) };
        }
      }
      return await fromRowids(library, kept, filter, sort, query);
    },
    forget() {
      order = null;
    },
    close: () => worker.close(),
  };
}
