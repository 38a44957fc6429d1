import type { ScanRunInfo, ScanRunSummary } from '../../../shared/scan-summary.ts';
import type { AccountScope } from './account-scope.ts';
import type { Library } from './library.ts';
import { DROP_STALE_STAGES, getScanRun } from './scan-runs-repository.ts';
import { runSqlSteps, StepExpectationError, type SqlStep } from './sql-steps.ts';
import { runSqlStepsInWorker } from './sql-worker.ts';
import { STAGE_ITEM_GROUPS_SQL, STAGE_SPACE_GROUPS_SQL, summarizeStage, summaryFromWorkerRows } from './stage-summary.ts';

export class ScanRunSupersededError extends Error {
  override readonly name = 'ScanRunSupersededError';
}

const STAGED_ITEMS = `scan_stage_items st JOIN scan_stage_judgements j ON j.run_id = st.run_id AND j.key = st.judgement`;
const STAGED_SPACES = `scan_stage_spaces ss JOIN scan_stage_judgements j ON j.run_id = ss.run_id AND j.key = ss.judgement`;
const CURRENT_ITEM = 'i.source = @source AND i.account_id = @account AND i.id = st.id AND i.gone_at IS NULL';
const CURRENT_SPACE = 's.source = @source AND s.account_id = @account AND s.id = ss.id';
const CHANGE_COLUMNS = 'run_id, record, id, space_id, title, change, before_verdict, before_rule, after_verdict, after_rule, size';
// A first scan has nothing to compare with: every row would read as added.
const COMPARED = 'EXISTS (SELECT 1 FROM scan_runs WHERE id = @run AND previous_run_id IS NOT NULL)';

// What changed, before the merge overwrites it. Compared with what the library holds, which is
// the last finished scan (or what an archive job of an older version recorded).
const RECORD_CHANGES = [
  `INSERT INTO scan_changes (${CHANGE_COLUMNS})
   SELECT @run, 'item', st.id, st.space_id, st.title, 'added', NULL, NULL, j.verdict, j.rule, st.size FROM ${STAGED_ITEMS}
   WHERE ${COMPARED} AND st.run_id = @run AND NOT EXISTS (SELECT 1 FROM items i WHERE ${CURRENT_ITEM})`,
  `INSERT INTO scan_changes (${CHANGE_COLUMNS})
   SELECT @run, 'item', st.id, st.space_id, st.title, 'verdict', i.verdict, i.rule, j.verdict, j.rule, st.size
   FROM ${STAGED_ITEMS} JOIN items i ON ${CURRENT_ITEM}
   WHERE ${COMPARED} AND st.run_id = @run AND (i.verdict <> j.verdict OR i.rule <> j.rule)`,
  `INSERT INTO scan_changes (${CHANGE_COLUMNS})
   SELECT @run, 'item', i.id, i.space_id, i.title, 'removed', i.verdict, i.rule, NULL, NULL, i.size
   FROM temp.scan_missing m JOIN items i ON i.rowid = m.item_rowid WHERE ${COMPARED} AND i.gone_at IS NULL`,
  `INSERT INTO scan_changes (${CHANGE_COLUMNS})
   SELECT @run, 'space', ss.id, NULL, ss.title, 'added', NULL, NULL, j.verdict, j.rule, 0 FROM ${STAGED_SPACES}
   WHERE ${COMPARED} AND ss.run_id = @run AND NOT EXISTS (SELECT 1 FROM spaces s WHERE ${CURRENT_SPACE})`,
  `INSERT INTO scan_changes (${CHANGE_COLUMNS})
   SELECT @run, 'space', ss.id, NULL, ss.title, 'verdict', s.verdict, s.rule, j.verdict, j.rule, 0
   FROM ${STAGED_SPACES} JOIN spaces s ON ${CURRENT_SPACE}
   WHERE ${COMPARED} AND ss.run_id = @run AND (s.verdict <> j.verdict OR s.rule <> j.rule)`,
  `INSERT INTO scan_changes (${CHANGE_COLUMNS})
   SELECT @run, 'space', s.id, NULL, s.title, 'removed', s.verdict, s.rule, NULL, NULL, 0 FROM spaces s
   WHERE ${COMPARED} AND s.source = @source AND s.account_id = @account
     AND NOT EXISTS (SELECT 1 FROM scan_stage_spaces ss WHERE ss.run_id = @run AND ss.id = s.id)`,
];

const ITEM_FIELDS = [
  'space_id', 'holder_kind', 'type', 'title', 'created_at', 'created_year', 'updated_at', 'parent', 'owner', 'origin',
  'organizer', 'has_body', 'file_json', 'url', 'size', 'verdict', 'rule', 'reason_en', 'reason_nl', 'quote',
];
const SPACE_FIELDS = [
  'kind', 'title', 'created_at', 'migration_request', 'project_id', 'item_count', 'activity_json', 'last_activity_at',
  'verdict', 'rule', 'reason_en', 'reason_nl', 'quote', 'lost_items', 'uncertain_items', 'migrates_items', 'at_risk_bytes',
];
const setAll = (fields: readonly string[]) => fields.map((field) => `${field} = excluded.${field}`).join(', ');
const anyDiffers = (table: string, fields: readonly string[]) =>
  fields.map((field) => `${table}.${field} IS NOT excluded.${field}`).join(' OR ');

// Unchanged rows are skipped: a rescan of 1,000,000 items rewrites only what moved. Archive
// facts (archive_id, entry_path, sha256, body_text) are never touched by a scan.
const MERGE_ITEMS = `
  INSERT INTO items (source, account_id, id, ${ITEM_FIELDS.join(', ')})
  SELECT @source, @account, st.id, st.space_id, st.holder_kind, st.type, st.title, st.created_at, st.created_year,
    st.updated_at, st.parent, st.owner, st.origin, st.organizer, st.has_body, st.file_json, st.url, st.size,
    j.verdict, j.rule, j.reason_en, j.reason_nl, j.quote
  FROM ${STAGED_ITEMS} WHERE st.run_id = @run
  ON CONFLICT (source, account_id, id) DO UPDATE SET ${setAll(ITEM_FIELDS)}, gone_at = NULL
  WHERE items.gone_at IS NOT NULL OR ${anyDiffers('items', ITEM_FIELDS)}`;

const MERGE_SPACES = `
  INSERT INTO spaces (source, account_id, id, ${SPACE_FIELDS.join(', ')})
  SELECT @source, @account, ss.id, ss.kind, ss.title, ss.created_at, ss.migration_request, ss.project_id, ss.item_count,
    ss.activity_json, ss.last_activity_at, j.verdict, j.rule, j.reason_en, j.reason_nl, j.quote,
    coalesce(c.lost, 0), coalesce(c.uncertain, 0), coalesce(c.migrates, 0), coalesce(c.at_risk_bytes, 0)
  FROM ${STAGED_SPACES}
  LEFT JOIN (
    SELECT st.space_id,
      sum(j.verdict = 'lost') AS lost, sum(j.verdict = 'uncertain') AS uncertain, sum(j.verdict = 'migrates') AS migrates,
      total(CASE WHEN j.verdict = 'migrates' THEN 0 ELSE st.size END) AS at_risk_bytes
    FROM ${STAGED_ITEMS} WHERE st.run_id = @run AND st.space_id IS NOT NULL GROUP BY st.space_id
  ) AS c ON c.space_id = ss.id
  WHERE ss.run_id = @run
  ON CONFLICT (source, account_id, id) DO UPDATE SET ${setAll(SPACE_FIELDS)}
  WHERE ${anyDiffers('spaces', SPACE_FIELDS)}`;

// The account's items this scan did not see, found with one pass of 1,000,000 lookups and then
// used three times (changes, delete, mark).
const FIND_MISSING_ITEMS = [
  'DROP TABLE IF EXISTS temp.scan_missing',
  'CREATE TEMP TABLE scan_missing (item_rowid INTEGER PRIMARY KEY)',
  `INSERT INTO temp.scan_missing SELECT rowid FROM items
   WHERE source = @source AND account_id = @account
     AND NOT EXISTS (SELECT 1 FROM scan_stage_items st WHERE st.run_id = @run AND st.id = items.id)`,
];
// An archived item the platform no longer has stays searchable and openable: it is only marked.
const RETIRE_ITEMS = [
  'DELETE FROM items WHERE rowid IN (SELECT item_rowid FROM temp.scan_missing) AND archive_id IS NULL',
  `UPDATE items SET gone_at = @finished
   WHERE rowid IN (SELECT item_rowid FROM temp.scan_missing) AND archive_id IS NOT NULL AND gone_at IS NULL`,
  `DELETE FROM spaces WHERE source = @source AND account_id = @account
     AND NOT EXISTS (SELECT 1 FROM scan_stage_spaces ss WHERE ss.run_id = @run AND ss.id = spaces.id)`,
  'DROP TABLE temp.scan_missing',
];

export interface FinishScanRun {
  runId: number;
  scope: AccountScope;
  finishedAt: string;
}

const SUPERSEDED = 'Another scan of this account started while this one ran, so this one was set aside: scan again when the other has finished.';

/**
 * The merge as one batch: first the run is marked done (only if it is still running: a newer
 * scan may have set it aside), then what changed is recorded, then the stage becomes the
 * library's view of the account. All or nothing, in one transaction.
 */
function mergeSteps(finish: FinishScanRun, summary: ScanRunSummary): SqlStep[] {
  const params = { run: finish.runId, source: finish.scope.source, account: finish.scope.accountId, finished: finish.finishedAt };
  const step = (sql: string): SqlStep => (/@\w/.test(sql) ? { sql, params } : { sql });
  return [
    {
      sql: `UPDATE scan_runs SET status = 'done', finished_at = @finished, summary_json = @summary,
              previous_run_id = (SELECT max(id) FROM scan_runs
                                 WHERE source = @source AND account_id = @account AND status = 'done' AND id <> @run)
            WHERE id = @run AND status = 'running'`,
      params: { ...params, summary: JSON.stringify(summary) },
      expectChanges: 1,
      failure: SUPERSEDED,
    },
    ...FIND_MISSING_ITEMS.map(step),
    ...RECORD_CHANGES.map(step),
    step(MERGE_SPACES),
    step(MERGE_ITEMS),
    ...RETIRE_ITEMS.map(step),
    ...DROP_STALE_STAGES.map(step),
  ];
}

const summarySteps = (runId: number): SqlStep[] => [
  { sql: STAGE_ITEM_GROUPS_SQL, params: { run: runId }, mode: 'all' },
  { sql: STAGE_SPACE_GROUPS_SQL, params: { run: runId }, mode: 'all' },
];

function finishedRun(library: Library, runId: number): ScanRunInfo {
  const info = getScanRun(library, runId);
  if (!info) throw new Error(`Scan run ${runId} vanished from the library.`);
  return info;
}

function superseded(error: unknown): unknown {
  return error instanceof StepExpectationError ? new ScanRunSupersededError(error.message, { cause: error }) : error;
}

/**
 * Ends a run on this thread: counts it, compares it with the last finished run of the account,
 * and makes it the library's view of the account. For scans held in memory (small accounts).
 */
export function finishScanRun(library: Library, finish: FinishScanRun): ScanRunInfo {
  const { db } = library;
  const summary = summarizeStage(library, finish.runId);
  // The merge may rewrite every row of the account in one statement: with temp files allowed
  // SQLite spills its statement journal to disk instead of holding it in memory (880 MB at
  // 1,000,000 items, against 320 MB for the whole scan).
  db.pragma('temp_store = FILE');
  try {
    runSqlSteps(db, mergeSteps(finish, summary), true);
  } catch (error) {
    throw superseded(error);
  } finally {
    db.pragma('temp_store = MEMORY');
  }
  return finishedRun(library, finish.runId);
}

/**
 * The same on a worker thread with its own connection: counting and merging 1,000,000 items
 * takes tens of seconds that the app's main process must not spend frozen.
 */
export async function finishScanRunOffThread(library: Library, finish: FinishScanRun): Promise<ScanRunInfo> {
  const [itemGroups, spaceGroups] = await runSqlStepsInWorker(library.file, summarySteps(finish.runId), false);
  const summary = summaryFromWorkerRows(itemGroups, spaceGroups);
  try {
    await runSqlStepsInWorker(library.file, mergeSteps(finish, summary), true);
  } catch (error) {
    throw superseded(error);
  }
  return finishedRun(library, finish.runId);
}
