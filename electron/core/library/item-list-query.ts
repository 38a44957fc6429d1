import type { ScannedItem } from '../../../shared/inventory.ts';
import type { ItemType, RuleId, Verdict } from '../../../shared/model.ts';
import type { HolderKind, ScanRunSummary } from '../../../shared/scan-summary.ts';
import type { AccountScope } from './account-scope.ts';
import { toFtsQuery } from './fts-query.ts';
import type { Library } from './library.ts';
import { SCANNED_ITEM_COLUMNS, itemFromRow, type ScannedItemRow } from './scanned-rows.ts';

/**
 * The items of an account's last finished scan, filtered, sorted and paged in SQL, for lists of
 * any length. The plans lean on the indexes the library has: the default order walks
 * items_by_created_at and stops after one page, whatever the item count; a space uses
 * items_by_space, a year a range of items_by_created_at, words the full-text index. Other orders
 * sort every matching row (bounded by the page: SQLite keeps only offset + limit rows).
 */

/** The id items lists use for the account's own (personal) items. */
export const PERSONAL_SPACE = 'personal';

export interface ItemListFilter {
  verdicts?: readonly Verdict[];
  rules?: readonly RuleId[];
  holderKinds?: readonly HolderKind[];
  /** Creation years in the rule set's zone; null picks items with an unreadable date. */
  years?: readonly (number | null)[];
  types?: readonly ItemType[];
  /** Space ids, PERSONAL_SPACE for the account's own items. */
  spaces?: readonly string[];
  /** Words of the title, each a word start (as in the library search): "rivier" finds "Rivieren". */
  text?: string;
}

export const ITEM_SORT_KEYS = ['title', 'createdAt', 'size', 'verdict', 'space', 'type'] as const;
export type ItemSortKey = (typeof ITEM_SORT_KEYS)[number];

export interface ItemSort {
  key: ItemSortKey;
  direction: 'asc' | 'desc';
}

export interface ItemListPaging {
  offset: number;
  /** 1..1000 */
  limit: number;
}

export interface ListedItem extends ScannedItem {
  spaceTitle: string | null;
}

export interface ItemListPage {
  total: number;
  rows: ListedItem[];
}

const MAX_LIMIT = 1000;

// At risk first, as everywhere in the app. Ties go by creation then by rowid (scan order), in the
// same direction, so paging never shows an item twice and desc is exactly asc reversed.
const ORDER_BY: Record<ItemSortKey, string> = {
  createdAt: 'i.created_at',
  title: 'i.title COLLATE NOCASE',
  size: 'i.size',
  verdict: "CASE i.verdict WHEN 'lost' THEN 0 WHEN 'uncertain' THEN 1 ELSE 2 END",
  // Personal items have no space: after every space title.
  space: 's.title IS NULL, s.title COLLATE NOCASE',
  type: 'i.type',
};

type Params = Record<string, string | number>;

interface Where {
  sql: string;
  params: Params;
  /** Words that cannot match anything: the answer is empty without asking. */
  empty: boolean;
}

const jsonList = (values: readonly unknown[]) => JSON.stringify(values);

/**
 * The WHERE of a filter. Scope and enum filters carry a unary `+`: otherwise SQLite walks the
 * (source, account_id, id) key, which every row of a one-account library matches, and sorts all
 * of them for one page. With it, the order's index or a selective one (space, year, words) wins.
 */
function whereOf(scope: AccountScope, filter: ItemListFilter): Where {
  const params: Params = { source: scope.source, account: scope.accountId };
  const clauses = ['+i.source = @source', '+i.account_id = @account', 'i.gone_at IS NULL', 'i.holder_kind IS NOT NULL'];
  const list = (column: string, name: string, values: readonly string[] | undefined) => {
    if (values === undefined || values.length === 0) return;
    params[name] = jsonList(values);
    clauses.push(`+${column} IN (SELECT value FROM json_each(@${name}))`);
  };
  list('i.verdict', 'verdicts', filter.verdicts);
  list('i.rule', 'rules', filter.rules);
  list('i.holder_kind', 'kinds', filter.holderKinds);
  list('i.type', 'types', filter.types);

  if (filter.years !== undefined && filter.years.length > 0) {
    const years = filter.years.filter((year): year is number => year !== null);
    const unknown = years.length < filter.years.length;
    const parts: string[] = [];
    if (years.length > 0) {
      params['years'] = jsonList(years);
      const inYears = '+i.created_year IN (SELECT value FROM json_each(@years))';
      // The stored timestamps are ISO 8601 with an offset of at most a day: the local dates of a
      // year's items lie within a day of it, so this range of the date index holds them all.
      const from = Math.min(...years) - 1;
      const to = Math.max(...years) + 1;
      if (unknown || from < 1000 || to > 9999) parts.push(inYears);
      else {
        params['from'] = `${from}-12-31`;
        params['to'] = `${to}-01-02`;
        parts.push(`(${inYears} AND i.created_at >= @from AND i.created_at < @to)`);
      }
    }
    if (unknown) parts.push('i.created_year IS NULL');
    clauses.push(parts.length === 1 ? (parts[0] ?? '') : `(${parts.join(' OR ')})`);
  }

  if (filter.spaces !== undefined && filter.spaces.length > 0) {
    const ids = filter.spaces.filter((space) => space !== PERSONAL_SPACE);
    const personal = ids.length < filter.spaces.length;
    const parts: string[] = [];
    if (ids.length > 0) {
      params['spaces'] = jsonList(ids);
      parts.push('i.space_id IN (SELECT value FROM json_each(@spaces))');
    }
    if (personal) parts.push('i.space_id IS NULL');
    clauses.push(parts.length === 1 ? (parts[0] ?? '') : `(${parts.join(' OR ')})`);
  }

  let empty = false;
  const text = filter.text?.trim() ?? '';
  if (text !== '') {
    const match = toFtsQuery(text);
    if (match === null) empty = true;
    else {
      params['match'] = `title : (${match})`;
      clauses.push('i.rowid IN (SELECT rowid FROM items_fts WHERE items_fts MATCH @match)');
    }
  }
  return { sql: clauses.join(' AND '), params, empty };
}

const FROM = `items i LEFT JOIN spaces s ON s.source = i.source AND s.account_id = i.account_id AND s.id = i.space_id`;
const COLUMNS = SCANNED_ITEM_COLUMNS.split(',').map((column) => `i.${column.trim()}`).join(', ');

interface ListedRow extends ScannedItemRow {
  space_title: string | null;
}

/** How many items match: one pass over the matching rows (see totalFromSummary for a shortcut). */
export function countItemList(library: Library, scope: AccountScope, filter: ItemListFilter): number {
  const where = whereOf(scope, filter);
  if (where.empty) return 0;
  return library.db.prepare<Params, { n: number }>(`SELECT count(*) AS n FROM items i WHERE ${where.sql}`).get(where.params)?.n ?? 0;
}

function orderOf(sort: ItemSort): string {
  const direction = sort.direction === 'desc' ? 'DESC' : 'ASC';
  return [...ORDER_BY[sort.key].split(', '), 'i.created_at', 'i.rowid'].map((term) => `${term} ${direction}`).join(', ');
}

/**
 * One page of the items matching `filter` in `sort` order. `knownTotal`, when the caller already
 * knows the count (see totalFromSummary), saves a pass over the matching rows.
 */
export function pageItemList(
  library: Library, scope: AccountScope, filter: ItemListFilter, sort: ItemSort, paging: ItemListPaging, knownTotal: number | null = null,
): ItemListPage {
  const where = whereOf(scope, filter);
  if (where.empty) return { total: 0, rows: [] };
  const limit = Math.min(MAX_LIMIT, Math.max(1, Math.trunc(paging.limit)));
  const offset = Math.max(0, Math.trunc(paging.offset));
  const total = knownTotal ?? countItemList(library, scope, filter);
  if (offset >= total) return { total, rows: [] };
  const rows = library.db
    .prepare<Params, ListedRow>(
      `SELECT ${COLUMNS}, s.title AS space_title FROM ${FROM} WHERE ${where.sql} ORDER BY ${orderOf(sort)} LIMIT @limit OFFSET @offset`,
    )
    .all({ ...where.params, limit, offset });
  return { total, rows: rows.map((row) => ({ ...itemFromRow(row), spaceTitle: row.space_title })) };
}

export interface RowidQuery {
  /** Selects one column, the rowid. */
  sql: string;
  params: Params;
}

/**
 * The query of the rowids of every matching item in `sort` order, or null when nothing can
 * match: for paging through a long list sorted by something no index holds, sorted once (on
 * any connection to the library, a worker's too), then each page a lookup by rowid
 * (listedItems). 1,000,000 rowids take a few megabytes.
 */
export function itemRowidsQuery(scope: AccountScope, filter: ItemListFilter, sort: ItemSort): RowidQuery | null {
  const where = whereOf(scope, filter);
  if (where.empty) return null;
  return {
    sql: `SELECT i.rowid FROM ${sort.key === 'space' ? FROM : 'items i'} WHERE ${where.sql} ORDER BY ${orderOf(sort)}`,
    params: where.params,
  };
}

/** itemRowidsQuery run here and now. */
export function orderedItemRowids(library: Library, scope: AccountScope, filter: ItemListFilter, sort: ItemSort): number[] {
  const query = itemRowidsQuery(scope, filter, sort);
  return query === null ? [] : library.db.prepare<Params, number>(query.sql).pluck().all(query.params);
}

/** Items by rowid, in the order given; rows gone since (a newer scan) are left out. */
export function listedItems(library: Library, rowids: readonly number[]): ListedItem[] {
  if (rowids.length === 0) return [];
  const rows = library.db
    .prepare<{ rowids: string }, ListedRow & { rowid: number }>(
      `SELECT i.rowid AS rowid, ${COLUMNS}, s.title AS space_title FROM ${FROM}
       WHERE i.rowid IN (SELECT value FROM json_each(@rowids))`,
    )
    .all({ rowids: JSON.stringify(rowids) });
  const byRowid = new Map(rows.map((row) => [row.rowid, row]));
  return rowids.flatMap((rowid) => {
    const row = byRowid.get(rowid);
    return row ? [{ ...itemFromRow(row), spaceTitle: row.space_title }] : [];
  });
}

/**
 * The count of a filter the run's summary already holds (verdict, rule, kind or year, each with
 * verdicts), or null when it must be counted. Exact: the summary was counted from the very rows
 * the library holds for the run. Each rule has one verdict per account (A1's depends on the
 * account's e-mail only), so a rule's row carries it.
 */
export function totalFromSummary(summary: ScanRunSummary, filter: ItemListFilter): number | null {
  if ((filter.types?.length ?? 0) > 0 || (filter.spaces?.length ?? 0) > 0 || (filter.text?.trim() ?? '') !== '') return null;
  const verdicts = filter.verdicts !== undefined && filter.verdicts.length > 0 ? new Set(filter.verdicts) : null;
  const dimensions = [filter.rules, filter.holderKinds, filter.years].filter((values) => values !== undefined && values.length > 0);
  if (dimensions.length > 1) return null;
  const sum = <T>(rows: readonly T[], count: (row: T) => number) => rows.reduce((total, row) => total + count(row), 0);
  const inVerdicts = (byVerdict: Record<Verdict, { items: number }>) =>
    verdicts === null ? null : sum([...verdicts], (verdict) => byVerdict[verdict].items);

  if (filter.rules !== undefined && filter.rules.length > 0) {
    const rules = new Set(filter.rules);
    return sum(summary.byRule.filter((row) => rules.has(row.rule) && (verdicts === null || verdicts.has(row.verdict))), (row) => row.items);
  }
  if (filter.holderKinds !== undefined && filter.holderKinds.length > 0) {
    return sum([...new Set(filter.holderKinds)], (kind) => inVerdicts(summary.byKind[kind].byVerdict) ?? summary.byKind[kind].items);
  }
  if (filter.years !== undefined && filter.years.length > 0) {
    const years = new Set(filter.years);
    return sum(summary.byYear.filter((row) => years.has(row.year)), (row) => inVerdicts(row.byVerdict) ?? row.items);
  }
  return inVerdicts(summary.totals.byVerdict) ?? summary.totals.items;
}
