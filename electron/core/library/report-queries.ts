import type { ScanResult, ScannedFile, ScannedItem, ScannedSpace } from '../../../shared/inventory.ts';
import type { ItemType, RuleId, SpaceKind, Verdict } from '../../../shared/model.ts';
import type { ChangeKind, ChangeRecord, HolderKind, ScanChange, ScanRunInfo } from '../../../shared/scan-summary.ts';
import type { AccountScope } from './account-scope.ts';
import { pageItemList } from './item-list-query.ts';
import type { Library } from './library.ts';
import { CHANGE_COLUMNS, changeFromRow, type ChangeRow } from './report-data-queries.ts';
import { latestFinishedScanRun } from './scan-runs-repository.ts';
import {
  SCANNED_ITEM_COLUMNS, SCANNED_SPACE_COLUMNS, itemFromRow, spaceFromRow, type ScannedItemRow, type ScannedSpaceRow,
} from './scanned-rows.ts';

/** Drill-down from a scan's summary: pages of spaces, items and changes straight from the index. */

export interface Paging {
  offset?: number;
  /** 1..1000, default 100 */
  limit?: number;
}

export interface Page<T> {
  total: number;
  rows: T[];
}

export interface ReportItemFilter {
  verdicts?: readonly Verdict[];
  rules?: readonly RuleId[];
  holderKinds?: readonly HolderKind[];
  /** Creation years; null picks items with an unreadable date. */
  years?: readonly (number | null)[];
  types?: readonly ItemType[];
  /** A space id, or 'personal' for the account's own items. */
  space?: string;
}

export interface ReportSpaceFilter {
  verdicts?: readonly Verdict[];
  rules?: readonly RuleId[];
  kinds?: readonly SpaceKind[];
}

export interface ScannedSpaceWithCounts extends ScannedSpace {
  counts: Record<Verdict, number>;
  atRiskBytes: number;
}

const LIVE_ITEMS = 'source = @source AND account_id = @account AND gone_at IS NULL AND holder_kind IS NOT NULL';
const inList = (column: string, parameter: string) =>
  `(@${parameter} IS NULL OR ${column} IN (SELECT value FROM json_each(@${parameter})))`;

const listParam = (values: readonly unknown[] | undefined): string | null =>
  values === undefined || values.length === 0 ? null : JSON.stringify(values);

function clampPaging(paging: Paging): { offset: number; limit: number } {
  const limit = Math.min(1000, Math.max(1, Math.trunc(paging.limit ?? 100)));
  const offset = Math.max(0, Math.trunc(paging.offset ?? 0));
  return { offset, limit };
}

/** Items of the account's last finished scan matching the filter, oldest first. */
export function pageScannedItems(library: Library, scope: AccountScope, filter: ReportItemFilter, paging: Paging = {}): Page<ScannedItem> {
  const { space, ...rest } = filter;
  const page = pageItemList(
    library, scope, { ...rest, ...(space === undefined ? {} : { spaces: [space] }) }, { key: 'createdAt', direction: 'asc' }, clampPaging(paging),
  );
  return { total: page.total, rows: page.rows.map(({ spaceTitle: _spaceTitle, ...item }) => item) };
}

const SPACE_WHERE = `source = @source AND account_id = @account
  AND ${inList('verdict', 'verdicts')} AND ${inList('rule', 'rules')} AND ${inList('kind', 'kinds')}`;

function spaceWithCounts(row: ScannedSpaceRow): ScannedSpaceWithCounts {
  return {
    ...spaceFromRow(row),
    counts: { lost: row.lost_items, uncertain: row.uncertain_items, migrates: row.migrates_items },
    atRiskBytes: row.at_risk_bytes,
  };
}

/** Spaces of the last finished scan, most at risk first. */
export function pageScannedSpaces(library: Library, scope: AccountScope, filter: ReportSpaceFilter, paging: Paging = {}): Page<ScannedSpaceWithCounts> {
  const params = {
    source: scope.source, account: scope.accountId,
    verdicts: listParam(filter.verdicts), rules: listParam(filter.rules), kinds: listParam(filter.kinds),
  };
  const { offset, limit } = clampPaging(paging);
  const total = library.db.prepare<typeof params, { n: number }>(`SELECT count(*) AS n FROM spaces WHERE ${SPACE_WHERE}`).get(params)?.n ?? 0;
  const rows = library.db
    .prepare<typeof params & { offset: number; limit: number }, ScannedSpaceRow>(
      `SELECT ${SCANNED_SPACE_COLUMNS} FROM spaces WHERE ${SPACE_WHERE}
       ORDER BY at_risk_bytes DESC, lost_items + uncertain_items DESC, verdict = 'migrates', created_at, id LIMIT @limit OFFSET @offset`,
    )
    .all({ ...params, offset, limit });
  return { total, rows: rows.map(spaceWithCounts) };
}

export interface ChangeFilter {
  record?: ChangeRecord;
  changes?: readonly ChangeKind[];
  /** Verdict moves: the verdict before and after (a row of the summary's transitions). */
  before?: Verdict;
  after?: Verdict;
}

/**
 * Ids of the spaces with anything at risk (or judged at risk themselves), most at risk first:
 * at most `limit`, the most an archive run takes.
 */
export function atRiskSpaceIds(library: Library, scope: AccountScope, limit = 10_000): string[] {
  return library.db
    .prepare<[string, string, number], string>(
      `SELECT id FROM spaces WHERE source = ? AND account_id = ? AND (lost_items + uncertain_items > 0 OR verdict <> 'migrates')
       ORDER BY lost_items + uncertain_items DESC, at_risk_bytes DESC, title, id LIMIT ?`,
    )
    .pluck()
    .all(scope.source, scope.accountId, limit);
}

/** What a run found changed since the run before it; spaces first. */
export function pageScanChanges(library: Library, runId: number, filter: ChangeFilter = {}, paging: Paging = {}): Page<ScanChange> {
  const params = {
    run: runId, record: filter.record ?? null, changes: listParam(filter.changes), before: filter.before ?? null, after: filter.after ?? null,
  };
  const where = `run_id = @run AND (@record IS NULL OR record = @record) AND ${inList('change', 'changes')}
    AND (@before IS NULL OR before_verdict = @before) AND (@after IS NULL OR after_verdict = @after)`;
  const { offset, limit } = clampPaging(paging);
  const total = library.db.prepare<typeof params, { n: number }>(`SELECT count(*) AS n FROM scan_changes WHERE ${where}`).get(params)?.n ?? 0;
  const rows = library.db
    .prepare<typeof params & { offset: number; limit: number }, ChangeRow>(
      `SELECT ${CHANGE_COLUMNS} FROM scan_changes WHERE ${where} ORDER BY record DESC, change, id LIMIT @limit OFFSET @offset`,
    )
    .all({ ...params, offset, limit });
  return { total, rows: rows.map(changeFromRow) };
}

/** The file a scan listed for an item (its media type and size), or null. */
export function scannedFileOf(library: Library, scope: AccountScope, itemId: string): ScannedFile | null {
  const row = library.db
    .prepare<[string, string, string], ScannedItemRow>(`SELECT ${SCANNED_ITEM_COLUMNS} FROM items WHERE source = ? AND account_id = ? AND id = ?`)
    .get(scope.source, scope.accountId, itemId);
  return row ? itemFromRow(row).file : null;
}

/** Every space of the last finished scan, in creation order, one row at a time. */
export function* iterateScannedSpaces(library: Library, scope: AccountScope): Generator<ScannedSpace> {
  const statement = library.db.prepare<[string, string], ScannedSpaceRow>(
    `SELECT ${SCANNED_SPACE_COLUMNS} FROM spaces WHERE source = ? AND account_id = ? ORDER BY created_at, id`,
  );
  for (const row of statement.iterate(scope.source, scope.accountId)) yield spaceFromRow(row);
}

/** Every item of the last finished scan, one row at a time: exports of 1,000,000 items stream. */
export function* iterateScannedItems(library: Library, scope: AccountScope): Generator<ScannedItem> {
  const statement = library.db.prepare<{ source: string; account: string }, ScannedItemRow>(
    `SELECT ${SCANNED_ITEM_COLUMNS} FROM items WHERE ${LIVE_ITEMS} ORDER BY rowid`,
  );
  for (const row of statement.iterate({ source: scope.source, account: scope.accountId })) yield itemFromRow(row);
}

/** A finished run as the in-memory scan it stands for; for accounts small enough to hold. */
export function scanResultOfRun(library: Library, run: ScanRunInfo): ScanResult {
  if (run.status !== 'done' || run.summary === null) throw new Error(`Scan run ${run.id} has not finished.`);
  const scope = { source: run.source, accountId: run.accountId };
  // The tables hold the latest finished run only; an older run survives as its summary.
  if (latestFinishedScanRun(library, scope)?.id !== run.id) throw new Error(`Scan run ${run.id} is not the account's latest.`);
  return {
    format: 'twinarchive-scan/1',
    source: run.source,
    scannedAt: run.finishedAt ?? run.startedAt,
    ruleSet: run.ruleSet,
    settings: run.settings,
    account: run.account,
    spaces: [...iterateScannedSpaces(library, scope)],
    items: [...iterateScannedItems(library, scope)],
    totals: run.summary.totals,
  };
}
