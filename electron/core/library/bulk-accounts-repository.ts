import { z } from 'zod';
import type { Library } from './library.ts';
import { oneOf } from './row-values.ts';

export const BULK_ACCOUNT_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type BulkAccountStatus = (typeof BULK_ACCOUNT_STATUSES)[number];

/** One account of a bulk job: its place in the queue and the outcome of its last attempt. */
export interface BulkAccount {
  jobId: string;
  position: number;
  line: number;
  login: string;
  euLoginEmail: string | null;
  /** Space ids (`personal` for personal items); null for every space. */
  spaces: string[] | null;
  outDir: string;
  status: BulkAccountStatus;
  attempts: number;
  error: string | null;
  accountId: string | null;
  archiveJobId: string | null;
  items: number;
  bytes: number;
  /** As stored: the bulk job validates it with its schema before use. */
  result: unknown;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface PlannedBulkAccount {
  position: number;
  line: number;
  login: string;
  euLoginEmail: string | null;
  spaces: readonly string[] | null;
  outDir: string;
}

/** What finishing (or stopping) an attempt changes; absent fields stay as they are. */
export interface BulkAccountPatch {
  status?: BulkAccountStatus;
  error?: string | null;
  accountId?: string | null;
  archiveJobId?: string | null;
  items?: number;
  bytes?: number;
  result?: unknown;
  finishedAt?: string | null;
}

interface BulkAccountRow {
  job_id: string;
  position: number;
  line: number;
  login: string;
  eu_login_email: string | null;
  spaces_json: string | null;
  out_dir: string;
  status: string;
  attempts: number;
  error: string | null;
  account_id: string | null;
  archive_job_id: string | null;
  items: number;
  bytes: number;
  result_json: string | null;
  started_at: string | null;
  finished_at: string | null;
}

const COLUMNS = 'job_id, position, line, login, eu_login_email, spaces_json, out_dir, status, attempts, error, '
  + 'account_id, archive_job_id, items, bytes, result_json, started_at, finished_at';
const toStatus = oneOf(BULK_ACCOUNT_STATUSES, 'bulk account status');
const SpacesSchema = z.array(z.string()).nullable();

// A fixed map from patch fields to columns: SET clauses are built only from these names.
const PATCH_COLUMNS = {
  status: 'status',
  error: 'error',
  accountId: 'account_id',
  archiveJobId: 'archive_job_id',
  items: 'items',
  bytes: 'bytes',
  result: 'result_json',
  finishedAt: 'finished_at',
} as const satisfies Record<keyof BulkAccountPatch, string>;
const PATCH_FIELDS = Object.keys(PATCH_COLUMNS) as (keyof BulkAccountPatch)[];

function toBulkAccount(row: BulkAccountRow): BulkAccount {
  return {
    jobId: row.job_id,
    position: row.position,
    line: row.line,
    login: row.login,
    euLoginEmail: row.eu_login_email,
    spaces: SpacesSchema.parse(row.spaces_json === null ? null : JSON.parse(row.spaces_json)),
    outDir: row.out_dir,
    status: toStatus(row.status),
    attempts: row.attempts,
    error: row.error,
    accountId: row.account_id,
    archiveJobId: row.archive_job_id,
    items: row.items,
    bytes: row.bytes,
    result: row.result_json === null ? null : (JSON.parse(row.result_json) as unknown),
    startedAt: row.started_at,
    finishedAt: row.finished_at,
  };
}

/**
 * Puts the job file's accounts in the queue, in one transaction. An account already there (the
 * same folder) keeps its status and outcome; its place and line follow the file.
 */
export function upsertBulkAccounts(library: Library, jobId: string, accounts: Iterable<PlannedBulkAccount>): number {
  const statement = library.db.prepare<{
    job_id: string; position: number; line: number; login: string; eu_login_email: string | null;
    spaces_json: string | null; out_dir: string;
  }>(
    `INSERT INTO bulk_accounts (job_id, position, line, login, eu_login_email, spaces_json, out_dir, status)
     VALUES (@job_id, @position, @line, @login, @eu_login_email, @spaces_json, @out_dir, 'queued')
     ON CONFLICT (job_id, out_dir) DO UPDATE SET position = excluded.position, line = excluded.line`,
  );
  return library.db.transaction(() => {
    let count = 0;
    for (const account of accounts) {
      statement.run({
        job_id: jobId, position: account.position, line: account.line, login: account.login,
        eu_login_email: account.euLoginEmail, spaces_json: account.spaces === null ? null : JSON.stringify(account.spaces),
        out_dir: account.outDir,
      });
      count += 1;
    }
    return count;
  })();
}

/** A bulk job's accounts in the order of its job file. */
export function bulkAccounts(library: Library, jobId: string): BulkAccount[] {
  return library.db
    .prepare<[string], BulkAccountRow>(`SELECT ${COLUMNS} FROM bulk_accounts WHERE job_id = ? ORDER BY position, out_dir`)
    .all(jobId)
    .map(toBulkAccount);
}

/** Marks an attempt as begun: running, one more attempt, the last outcome cleared. */
export function startBulkAccount(library: Library, jobId: string, outDir: string, startedAt: string): BulkAccount {
  const row = library.db
    .prepare<{ job_id: string; out_dir: string; started_at: string }, BulkAccountRow>(
      `UPDATE bulk_accounts SET status = 'running', attempts = attempts + 1, error = NULL, started_at = @started_at, finished_at = NULL
       WHERE job_id = @job_id AND out_dir = @out_dir RETURNING ${COLUMNS}`,
    )
    .get({ job_id: jobId, out_dir: outDir, started_at: startedAt });
  if (!row) throw new Error(`${outDir} is not an account folder of bulk job ${jobId}.`);
  return toBulkAccount(row);
}

export function setBulkAccountState(library: Library, jobId: string, outDir: string, patch: BulkAccountPatch): BulkAccount {
  const fields = PATCH_FIELDS.filter((field) => patch[field] !== undefined);
  const values: Record<string, string | number | null> = { job_id: jobId, out_dir: outDir };
  for (const field of fields) {
    const value = patch[field];
    values[field] = field === 'result' ? (value === null ? null : JSON.stringify(value)) : (value as string | number | null);
  }
  const sql = fields.length > 0
    ? `UPDATE bulk_accounts SET ${fields.map((field) => `${PATCH_COLUMNS[field]} = @${field}`).join(', ')}
       WHERE job_id = @job_id AND out_dir = @out_dir RETURNING ${COLUMNS}`
    : `SELECT ${COLUMNS} FROM bulk_accounts WHERE job_id = @job_id AND out_dir = @out_dir`;
  const row = library.db.prepare<Record<string, string | number | null>, BulkAccountRow>(sql).get(values);
  if (!row) throw new Error(`${outDir} is not an account folder of bulk job ${jobId}.`);
  return toBulkAccount(row);
}

/**
 * Whether `outDir` is an account folder of any bulk job: an archive job writing there belongs
 * to that bulk run (a colleague's account), not to the person signed in to the app.
 */
export function isBulkAccountFolder(library: Library, outDir: string): boolean {
  return library.db.prepare<[string], number>('SELECT 1 FROM bulk_accounts WHERE out_dir = ? LIMIT 1').pluck().get(outDir) !== undefined;
}
