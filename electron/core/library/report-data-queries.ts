import type { Statement } from 'better-sqlite3';
import type { ScannedItem, ScannedSpace } from '../../../shared/inventory.ts';
import type { Localized, RuleId, Verdict } from '../../../shared/model.ts';
import type { ScanChange, ScanRunInfo } from '../../../shared/scan-summary.ts';
import type { AccountScope } from './account-scope.ts';
import type { Library } from './library.ts';
import { toRuleId, toVerdict } from './row-values.ts';
import {
  SCANNED_ITEM_COLUMNS, SCANNED_SPACE_COLUMNS, itemFromRow, spaceFromRow, type ScannedItemRow, type ScannedSpaceRow,
} from './scanned-rows.ts';

/*
 * What the reports read of an account's last finished scan beyond the drill-down pages of
 * report-queries.ts: every row once in a stable order (exports), the spaces in the report's
 * order, the at-risk items of one space by reason, and the changes of a run. Everything streams
 * or is bounded by a limit, so 1,000,000 items never sit in memory. Items are reached through
 * items_by_space (one space at a time) and spaces through their primary key: no query sorts
 * the whole items table.
 */

const LIVE = 'source = @source AND account_id = @account AND gone_at IS NULL AND holder_kind IS NOT NULL';
/**
 * LIVE for queries led by another index (one space, one rule): the unary + keeps the account's
 * own index out of the planner's reach, so it walks items_by_space or items_by_verdict even when
 * stale statistics make a scan of the whole account look as good.
 */
const LIVE_FILTER = '+source = @source AND +account_id = @account AND gone_at IS NULL AND holder_kind IS NOT NULL';

/** `space_id = ?` or `space_id IS NULL`, spelled so that items_by_space serves either. */
function ofSpace(space: string | null): string {
  return space === null ? 'space_id IS NULL' : 'space_id = @space';
}

const statements = new WeakMap<Library['db'], Map<string, Statement>>();

/** Queries run once per space (10,000 times for a large account) are compiled once. */
function prepared<P extends object | unknown[], R>(library: Library, sql: string): Statement<P, R> {
  let cache = statements.get(library.db);
  if (!cache) statements.set(library.db, (cache = new Map()));
  let statement = cache.get(sql);
  if (!statement) cache.set(sql, (statement = library.db.prepare(sql)));
  return statement as unknown as Statement<P, R>;
}

export interface SpaceCounts {
  counts: Record<Verdict, number>;
  atRiskBytes: number;
}

export type ScannedSpaceWithCounts = ScannedSpace & SpaceCounts;

function withCounts(row: ScannedSpaceRow): ScannedSpaceWithCounts {
  return {
    ...spaceFromRow(row),
    counts: { lost: row.lost_items, uncertain: row.uncertain_items, migrates: row.migrates_items },
    atRiskBytes: row.at_risk_bytes,
  };
}

const scopeParams = (scope: AccountScope) => ({ source: scope.source, account: scope.accountId });

/** Accounts with a finished scan in the library, newest scan first. */
export function accountsWithScans(library: Library, source: string | null): ScanRunInfoRef[] {
  return library.db
    .prepare<{ source: string | null }, { id: number; source: string; account_id: string; account_json: string; finished_at: string | null }>(
      `SELECT r.id, r.source, r.account_id, r.account_json, r.finished_at FROM scan_runs r
       WHERE r.status = 'done' AND (@source IS NULL OR r.source = @source)
         AND r.id = (SELECT max(id) FROM scan_runs x WHERE x.source = r.source AND x.account_id = r.account_id AND x.status = 'done')
       ORDER BY r.id DESC`,
    )
    .all({ source })
    .map((row) => {
      const account = JSON.parse(row.account_json) as { name?: unknown };
      return {
        runId: row.id, source: row.source, accountId: row.account_id,
        name: typeof account.name === 'string' ? account.name : '', finishedAt: row.finished_at,
      };
    });
}

export interface ScanRunInfoRef {
  runId: number;
  source: string;
  accountId: string;
  name: string;
  finishedAt: string | null;
}

/** Every space, by id: the order of the CSV and JSON exports. */
export function* iterateSpacesById(library: Library, scope: AccountScope): Generator<ScannedSpace> {
  const statement = library.db.prepare<{ source: string; account: string }, ScannedSpaceRow>(
    `SELECT ${SCANNED_SPACE_COLUMNS} FROM spaces WHERE source = @source AND account_id = @account ORDER BY id`,
  );
  for (const row of statement.iterate(scopeParams(scope))) yield spaceFromRow(row);
}

/** Items of one space (null: the personal items) in the order they were first stored. */
export function* iterateItemsOfSpace(library: Library, scope: AccountScope, space: string | null): Generator<ScannedItem> {
  const statement = prepared<{ source: string; account: string; space: string | null }, ScannedItemRow>(
    library, `SELECT ${SCANNED_ITEM_COLUMNS} FROM items WHERE ${ofSpace(space)} AND ${LIVE_FILTER} ORDER BY rowid`,
  );
  for (const row of statement.iterate({ ...scopeParams(scope), space })) yield itemFromRow(row);
}

/**
 * Every item, space by space in id order, then the personal items; an item whose space the
 * scan did not list (never written by a scan, but possible in an old library) comes last.
 */
export function* iterateItemsBySpace(library: Library, scope: AccountScope, expected: number): Generator<ScannedItem> {
  let seen = 0;
  const ids = library.db.prepare<{ source: string; account: string }, { id: string }>(
    'SELECT id FROM spaces WHERE source = @source AND account_id = @account ORDER BY id',
  );
  for (const { id } of ids.iterate(scopeParams(scope))) {
    for (const item of iterateItemsOfSpace(library, scope, id)) {
      seen += 1;
      yield item;
    }
  }
  for (const item of iterateItemsOfSpace(library, scope, null)) {
    seen += 1;
    yield item;
  }
  if (seen === expected) return;
  const orphans = library.db.prepare<{ source: string; account: string }, ScannedItemRow>(
    `SELECT ${SCANNED_ITEM_COLUMNS} FROM items i WHERE ${LIVE} AND space_id IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM spaces s WHERE s.source = i.source AND s.account_id = i.account_id AND s.id = i.space_id)
     ORDER BY rowid`,
  );
  for (const row of orphans.iterate(scopeParams(scope))) yield itemFromRow(row);
}

const VERDICT_RANK = "CASE verdict WHEN 'lost' THEN 0 WHEN 'uncertain' THEN 1 ELSE 2 END";
/** Oldest first by the instant, not the text: the platform mixes UTC offsets. Unreadable dates last. */
const BY_CREATION = 'julianday(created_at) IS NULL, julianday(created_at)';

/** Spaces lost, then uncertain, then migrating; oldest first within a verdict. */
export function* iterateSpacesForReport(library: Library, scope: AccountScope): Generator<ScannedSpaceWithCounts> {
  const statement = library.db.prepare<{ source: string; account: string }, ScannedSpaceRow>(
    `SELECT ${SCANNED_SPACE_COLUMNS} FROM spaces WHERE source = @source AND account_id = @account
     ORDER BY ${VERDICT_RANK}, ${BY_CREATION}, title, id`,
  );
  for (const row of statement.iterate(scopeParams(scope))) yield withCounts(row);
}

/** The spaces with the most at stake: bytes at risk, then items at risk. */
export function spacesMostAtRisk(library: Library, scope: AccountScope, limit: number): ScannedSpaceWithCounts[] {
  return library.db
    .prepare<{ source: string; account: string; limit: number }, ScannedSpaceRow>(
      `SELECT ${SCANNED_SPACE_COLUMNS} FROM spaces WHERE source = @source AND account_id = @account
       ORDER BY lost_items + uncertain_items = 0, ${VERDICT_RANK}, at_risk_bytes DESC, lost_items + uncertain_items DESC, title, id
       LIMIT @limit`,
    )
    .all({ ...scopeParams(scope), limit })
    .map(withCounts);
}

export interface ReasonCount {
  verdict: Verdict;
  rule: RuleId;
  reason: Localized;
  count: number;
}

/** The at-risk items of one space (null: personal) counted per verdict, rule and reason. */
export function atRiskReasonCounts(library: Library, scope: AccountScope, space: string | null): ReasonCount[] {
  return prepared<{ source: string; account: string; space: string | null }, { verdict: string; rule: string; reason_en: string; reason_nl: string; n: number }>(
    library,
    `SELECT verdict, rule, reason_en, min(reason_nl) AS reason_nl, count(*) AS n FROM items
     WHERE ${ofSpace(space)} AND ${LIVE_FILTER} AND +verdict <> 'migrates'
     GROUP BY verdict, rule, reason_en`,
  )
    .all({ ...scopeParams(scope), space })
    .map((row) => ({
      verdict: toVerdict(row.verdict), rule: toRuleId(row.rule), reason: { en: row.reason_en, nl: row.reason_nl }, count: row.n,
    }));
}

/**
 * The first `limit` items of one reason, oldest first. The oldest are picked by rowid alone and
 * only those rows are read whole: a space of 80,000 items is sorted on two numbers, not on its
 * reasons and quotes.
 */
export function itemsOfReason(
  library: Library, scope: AccountScope, space: string | null, reason: Omit<ReasonCount, 'count'>, limit: number,
): ScannedItem[] {
  if (limit <= 0) return [];
  return prepared<Record<string, string | number | null>, ScannedItemRow>(
    library,
    `SELECT ${SCANNED_ITEM_COLUMNS} FROM items WHERE rowid IN (
       SELECT rowid FROM items
       WHERE ${ofSpace(space)} AND ${LIVE_FILTER} AND +verdict = @verdict AND +rule = @rule AND reason_en = @reason
       ORDER BY ${BY_CREATION}, id LIMIT @limit)
     ORDER BY ${BY_CREATION}, id`,
  )
    .all({ ...scopeParams(scope), space, verdict: reason.verdict, rule: reason.rule, reason: reason.reason.en, limit })
    .map(itemFromRow);
}

/** Creation instant and verdict of every item of one space (null: personal), for the timeline. */
export function* iterateItemMarks(library: Library, scope: AccountScope, space: string | null): Generator<{ createdAt: string; verdict: Verdict }> {
  const statement = prepared<{ source: string; account: string; space: string | null }, { created_at: string; verdict: string }>(
    library, `SELECT created_at, verdict FROM items WHERE ${ofSpace(space)} AND ${LIVE_FILTER}`,
  );
  for (const row of statement.iterate({ ...scopeParams(scope), space })) yield { createdAt: row.created_at, verdict: toVerdict(row.verdict) };
}

/** Creation instants and content activity of every space, for the timeline's years. */
export function* iterateSpaceDates(library: Library, scope: AccountScope): Generator<{ createdAt: string; activity: string | null }> {
  const statement = library.db.prepare<{ source: string; account: string }, { created_at: string; activity_json: string | null }>(
    'SELECT created_at, activity_json FROM spaces WHERE source = @source AND account_id = @account',
  );
  for (const row of statement.iterate(scopeParams(scope))) yield { createdAt: row.created_at, activity: row.activity_json };
}

/** Whether the profile (rule A1) is at risk: it then needs the EU Login advice. */
export function profileAtRisk(library: Library, scope: AccountScope): boolean {
  // verdict IN (…) lets items_by_verdict (verdict, rule, …) find the few A1 rows.
  const row = library.db
    .prepare<{ source: string; account: string }, { found: number }>(
      `SELECT 1 AS found FROM items WHERE verdict IN ('lost', 'uncertain') AND rule = 'A1' AND ${LIVE_FILTER} LIMIT 1`,
    )
    .get(scopeParams(scope));
  return row !== undefined;
}

/**
 * The FAQ sentences the scan quoted for one rule, on spaces and items. With `candidates` (the
 * rule set's sentences for the rule, when the scan used the same rule set) each is only looked
 * for, which stops at the first row that has it; else every row of the rule is read.
 */
export function quotesOfRule(library: Library, scope: AccountScope, rule: RuleId, candidates: readonly string[] | null): string[] {
  const params = { ...scopeParams(scope), rule };
  if (candidates !== null) {
    const inSpaces = prepared<typeof params & { quote: string }, { found: number }>(
      library, 'SELECT 1 AS found FROM spaces WHERE source = @source AND account_id = @account AND rule = @rule AND quote = @quote LIMIT 1',
    );
    // verdict IN (…) lets items_by_verdict (verdict, rule, …) reach the rule's rows.
    const inItems = prepared<typeof params & { quote: string }, { found: number }>(
      library,
      `SELECT 1 AS found FROM items WHERE verdict IN ('lost', 'uncertain', 'migrates') AND rule = @rule AND quote = @quote AND ${LIVE_FILTER} LIMIT 1`,
    );
    return [...new Set(candidates)].filter((quote) => inSpaces.get({ ...params, quote }) !== undefined || inItems.get({ ...params, quote }) !== undefined);
  }
  const quotes = new Set<string>();
  for (const row of library.db
    .prepare<typeof params, { quote: string }>('SELECT DISTINCT quote FROM spaces WHERE source = @source AND account_id = @account AND rule = @rule')
    .all(params)) quotes.add(row.quote);
  for (const row of library.db
    .prepare<typeof params, { quote: string }>(
      `SELECT DISTINCT quote FROM items WHERE verdict IN ('lost', 'uncertain', 'migrates') AND rule = @rule AND ${LIVE_FILTER}`,
    )
    .all(params)) quotes.add(row.quote);
  return [...quotes];
}

/** The columns of scan_changes that `changeFromRow` reads. */
export const CHANGE_COLUMNS = 'record, change, id, space_id, title, before_verdict, before_rule, after_verdict, after_rule, size';

export interface ChangeRow {
  record: string;
  change: string;
  id: string;
  space_id: string | null;
  title: string;
  before_verdict: string | null;
  before_rule: string | null;
  after_verdict: string | null;
  after_rule: string | null;
  size: number;
}

function judged(verdict: string | null, rule: string | null): ScanChange['before'] {
  return verdict === null || rule === null ? null : { verdict: toVerdict(verdict), rule: toRuleId(rule) };
}

export function changeFromRow(row: ChangeRow): ScanChange {
  return {
    record: row.record === 'space' ? 'space' : 'item',
    change: row.change === 'added' ? 'added' : row.change === 'removed' ? 'removed' : 'verdict',
    id: row.id, spaceId: row.space_id, title: row.title,
    before: judged(row.before_verdict, row.before_rule), after: judged(row.after_verdict, row.after_rule), size: row.size,
  };
}

/** Every change a run recorded: spaces first, then items; by kind of change, then id. */
export function* iterateScanChanges(library: Library, run: Pick<ScanRunInfo, 'id'>): Generator<ScanChange> {
  const statement = library.db.prepare<[number], ChangeRow>(
    `SELECT ${CHANGE_COLUMNS} FROM scan_changes WHERE run_id = ? ORDER BY record DESC, change, id`,
  );
  for (const row of statement.iterate(run.id)) yield changeFromRow(row);
}

/**
 * Runs `read` inside one read transaction, so a scan of the same account finishing meanwhile
 * (in another process) cannot mix two scans in one report. The work may await: in WAL mode a
 * reader holds its snapshot without blocking writers.
 */
export async function withReadSnapshot<T>(library: Library, read: () => Promise<T>): Promise<T> {
  if (library.db.inTransaction) return read();
  library.db.exec('BEGIN');
  try {
    // The snapshot starts at the first read, not at BEGIN.
    library.db.prepare('SELECT count(*) FROM scan_runs').get();
    return await read();
  } finally {
    if (library.db.inTransaction) library.db.exec('COMMIT');
  }
}
