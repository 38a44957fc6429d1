import { forEachSlice, valuesOf } from './batched-rows.ts';
import type { Library } from './library.ts';
import { oneOf } from './row-values.ts';
import { runSqlSteps, type SqlStep } from './sql-steps.ts';

export const JOB_ITEM_STATES = ['pending', 'staged', 'packed', 'failed'] as const;
export type JobItemState = (typeof JOB_ITEM_STATES)[number];

export interface JobItem {
  jobId: string;
  itemId: string;
  /** Which planned ZIP the item goes into. */
  archiveKey: string;
  state: JobItemState;
  stagedPath: string | null;
  bytesDone: number;
  etag: string | null;
  sha256: string | null;
  size: number | null;
  error: string | null;
  attempts: number;
}

export interface PlannedJobItem {
  itemId: string;
  archiveKey: string;
}

/** The fields a step of the job changes; absent ones stay as they are. */
export type JobItemPatch = Partial<Omit<JobItem, 'jobId' | 'itemId' | 'archiveKey'>>;

interface JobItemRow {
  job_id: string;
  item_id: string;
  archive_key: string;
  state: string;
  staged_path: string | null;
  bytes_done: number;
  etag: string | null;
  sha256: string | null;
  size: number | null;
  error: string | null;
  attempts: number;
}

const JOB_ITEM_COLUMNS = 'job_id, item_id, archive_key, state, staged_path, bytes_done, etag, sha256, size, error, attempts';
const toJobItemState = oneOf(JOB_ITEM_STATES, 'job item state');

// A fixed map from patch fields to columns: SET clauses are built only from these names.
const PATCH_COLUMNS = {
  state: 'state',
  stagedPath: 'staged_path',
  bytesDone: 'bytes_done',
  etag: 'etag',
  sha256: 'sha256',
  size: 'size',
  error: 'error',
  attempts: 'attempts',
} as const satisfies Record<keyof JobItemPatch, string>;

type PatchField = keyof typeof PATCH_COLUMNS;
const PATCH_FIELDS = Object.keys(PATCH_COLUMNS) as PatchField[];

function toJobItem(row: JobItemRow): JobItem {
  return {
    jobId: row.job_id,
    itemId: row.item_id,
    archiveKey: row.archive_key,
    state: toJobItemState(row.state),
    stagedPath: row.staged_path,
    bytesDone: row.bytes_done,
    etag: row.etag,
    sha256: row.sha256,
    size: row.size,
    error: row.error,
    attempts: row.attempts,
  };
}

/**
 * Adds items to a job's plan as pending, in one transaction. Planning again moves an item to
 * its new archive key but keeps its progress, so a resumed job never downloads twice.
 */
export function upsertJobItems(library: Library, jobId: string, items: Iterable<PlannedJobItem>): number {
  const statement = library.db.prepare<{ job_id: string; item_id: string; archive_key: string }>(
    `INSERT INTO job_items (job_id, item_id, archive_key, state) VALUES (@job_id, @item_id, @archive_key, 'pending')
     ON CONFLICT (job_id, item_id) DO UPDATE SET archive_key = excluded.archive_key
     WHERE job_items.archive_key IS NOT excluded.archive_key`,
  );
  return library.db.transaction(() => {
    let count = 0;
    for (const item of items) {
      statement.run({ job_id: jobId, item_id: item.itemId, archive_key: item.archiveKey });
      count += 1;
    }
    return count;
  })();
}

export function setJobItemState(library: Library, jobId: string, itemId: string, patch: JobItemPatch): JobItem {
  const fields = PATCH_FIELDS.filter((field) => patch[field] !== undefined);
  const assignments = fields.map((field) => `${PATCH_COLUMNS[field]} = @${field}`);
  const values: Record<string, string | number | null> = { job_id: jobId, item_id: itemId };
  for (const field of fields) values[field] = patch[field] ?? null;
  const sql = assignments.length > 0
    ? `UPDATE job_items SET ${assignments.join(', ')} WHERE job_id = @job_id AND item_id = @item_id RETURNING ${JOB_ITEM_COLUMNS}`
    : `SELECT ${JOB_ITEM_COLUMNS} FROM job_items WHERE job_id = @job_id AND item_id = @item_id`;
  const row = library.db.prepare<Record<string, string | number | null>, JobItemRow>(sql).get(values);
  if (!row) throw new Error(`Item ${itemId} is not part of job ${jobId}.`);
  return toJobItem(row);
}

/** A job's items in plan order, optionally only those in one state. */
export function jobItems(library: Library, jobId: string, state?: JobItemState): JobItem[] {
  return library.db
    .prepare<{ job_id: string; state: string | null }, JobItemRow>(
      `SELECT ${JOB_ITEM_COLUMNS} FROM job_items
       WHERE job_id = @job_id AND (@state IS NULL OR state = @state) ORDER BY rowid`,
    )
    .all({ job_id: jobId, state: state ?? null })
    .map(toJobItem);
}

/** A packed item of a job, with the size of its body when it had one. */
export interface PackedJobItem {
  itemId: string;
  /** Bytes of the body it was packed with; null without a body (or when packed by an older version). */
  bodySize: number | null;
}

/** A job's packed items: what a resumed run skips, and the body sizes its plan was made with. */
export function packedJobItems(library: Library, jobId: string): PackedJobItem[] {
  return library.db
    .prepare<[string], { item_id: string; size: number | null }>(`SELECT item_id, size FROM job_items WHERE job_id = ? AND state = 'packed'`)
    .all(jobId)
    .map((row) => ({ itemId: row.item_id, bodySize: row.size }));
}

/**
 * Marks items packed with the size of their body (a resumed run plans with it), in one
 * transaction; call it inside the one that records their archive.
 */
export function markJobItemsPacked(library: Library, jobId: string, items: readonly PackedJobItem[]): void {
  runSqlSteps(library.db, packedJobItemsSteps(jobId, items), true);
}

/** markJobItemsPacked as steps of a batch (recordPart runs them on the library worker), many items a statement. */
export function packedJobItemsSteps(jobId: string, items: readonly PackedJobItem[]): SqlStep[] {
  const steps: SqlStep[] = [];
  forEachSlice(items, (slice) => {
    const { sql, params } = valuesOf(slice, 2, (item) => [item.itemId, item.bodySize]);
    steps.push({
      sql: `UPDATE job_items SET state = 'packed', size = entry.column2 FROM (${sql}) AS entry
            WHERE job_items.job_id = ? AND job_items.item_id = entry.column1`,
      params: [...params, jobId],
    });
  });
  return steps;
}
