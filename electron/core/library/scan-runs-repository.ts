import { z } from 'zod';
import type { ScanAccount } from '../../../shared/inventory.ts';
import type { ScanRunInfo, ScanRunStatus, ScanRunSummary } from '../../../shared/scan-summary.ts';
import { summarizeChanges } from './change-summary.ts';
import type { AccountScope } from './account-scope.ts';
import type { Library } from './library.ts';

export interface NewScanRun {
  scope: AccountScope;
  account: ScanAccount;
  ruleSet: { version: string; faqUpdated: string };
  settings: { margin: number; euLoginEmail: string | null };
  startedAt: string;
}

interface ScanRunRow {
  id: number;
  source: string;
  account_id: string;
  account_json: string;
  rule_set_version: string;
  faq_updated: string;
  margin: number;
  eu_login_email: string | null;
  started_at: string;
  finished_at: string | null;
  status: string;
  error: string | null;
  summary_json: string | null;
  previous_run_id: number | null;
  previous_scanned_at: string | null;
}

const AccountJson = z.object({
  id: z.string(), name: z.string(), email: z.string(), hasEtwinningAccount: z.boolean(), hasSegAccount: z.boolean(),
});
const StatusSchema = z.enum(['running', 'done', 'failed']);

// Written by this code only, but read back across versions: parsed as JSON, shape trusted.
function parseJson<T>(text: string | null): T | null {
  return text === null ? null : (JSON.parse(text) as T);
}

function toScanRunInfo(library: Library, row: ScanRunRow): ScanRunInfo {
  return {
    id: row.id,
    source: row.source,
    accountId: row.account_id,
    account: AccountJson.parse(JSON.parse(row.account_json)),
    ruleSet: { version: row.rule_set_version, faqUpdated: row.faq_updated },
    settings: { margin: row.margin, euLoginEmail: row.eu_login_email },
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    status: StatusSchema.parse(row.status),
    error: row.error,
    summary: parseJson<ScanRunSummary>(row.summary_json),
    changes: row.status === 'done' && row.previous_run_id !== null
      ? summarizeChanges(library, row.id, row.previous_run_id, row.previous_scanned_at ?? '')
      : null,
  };
}

const RUN_COLUMNS = `id, source, account_id, account_json, rule_set_version, faq_updated, margin, eu_login_email,
  started_at, finished_at, status, error, summary_json, previous_run_id,
  (SELECT coalesce(previous.finished_at, previous.started_at) FROM scan_runs previous WHERE previous.id = scan_runs.previous_run_id)
    AS previous_scanned_at`;

/**
 * Opens a run for one account. A run of the same account left 'running' by a crash (or one
 * still going in another process) is marked failed: the newer scan wins, the older one finds
 * out when it tries to finish. Stage rows of runs that are no longer running are dropped.
 */
export function startScanRun(library: Library, run: NewScanRun): number {
  const { db } = library;
  return db.transaction(() => {
    db.prepare(
      `UPDATE scan_runs SET status = 'failed', error = 'interrupted: a newer scan of the account started', finished_at = ?
       WHERE source = ? AND account_id = ? AND status = 'running'`,
    ).run(run.startedAt, run.scope.source, run.scope.accountId);
    dropStaleStages(library);
    const result = db.prepare(
      `INSERT INTO scan_runs (source, account_id, account_json, rule_set_version, faq_updated, margin, eu_login_email, started_at, status)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'running')`,
    ).run(
      run.scope.source, run.scope.accountId, JSON.stringify(run.account), run.ruleSet.version, run.ruleSet.faqUpdated,
      run.settings.margin, run.settings.euLoginEmail, run.startedAt,
    );
    return Number(result.lastInsertRowid);
  })();
}

const STALE_RUNS = "SELECT id FROM scan_runs WHERE status <> 'running'";
export const DROP_STALE_STAGES = [
  `DELETE FROM scan_stage_items WHERE run_id IN (${STALE_RUNS})`,
  `DELETE FROM scan_stage_spaces WHERE run_id IN (${STALE_RUNS})`,
  `DELETE FROM scan_stage_judgements WHERE run_id IN (${STALE_RUNS})`,
];

export function dropStaleStages(library: Library): void {
  for (const sql of DROP_STALE_STAGES) library.db.prepare(sql).run();
}

export function failScanRun(library: Library, runId: number, error: string, finishedAt: string): void {
  library.db.transaction(() => {
    library.db.prepare("UPDATE scan_runs SET status = 'failed', error = ?, finished_at = ? WHERE id = ? AND status = 'running'")
      .run(error, finishedAt, runId);
    dropStaleStages(library);
  })();
}

export function scanRunStatus(library: Library, runId: number): ScanRunStatus | null {
  const row = library.db.prepare<[number], { status: string }>('SELECT status FROM scan_runs WHERE id = ?').get(runId);
  return row ? StatusSchema.parse(row.status) : null;
}

export function getScanRun(library: Library, runId: number): ScanRunInfo | null {
  const row = library.db.prepare<[number], ScanRunRow>(`SELECT ${RUN_COLUMNS} FROM scan_runs WHERE id = ?`).get(runId);
  return row ? toScanRunInfo(library, row) : null;
}

/** The account's runs, newest first. */
export function listScanRuns(library: Library, scope: AccountScope, limit = 50): ScanRunInfo[] {
  return library.db
    .prepare<[string, string, number], ScanRunRow>(
      `SELECT ${RUN_COLUMNS} FROM scan_runs WHERE source = ? AND account_id = ? ORDER BY id DESC LIMIT ?`,
    )
    .all(scope.source, scope.accountId, limit)
    .map((row) => toScanRunInfo(library, row));
}

/** The account's last finished run, or null. */
export function latestFinishedScanRun(library: Library, scope: AccountScope): ScanRunInfo | null {
  const row = library.db
    .prepare<[string, string], ScanRunRow>(
      `SELECT ${RUN_COLUMNS} FROM scan_runs WHERE source = ? AND account_id = ? AND status = 'done' ORDER BY id DESC LIMIT 1`,
    )
    .get(scope.source, scope.accountId);
  return row ? toScanRunInfo(library, row) : null;
}
