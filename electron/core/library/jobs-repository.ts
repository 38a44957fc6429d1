import { randomUUID } from 'node:crypto';
import type { Library } from './library.ts';
import { oneOf } from './row-values.ts';

export const JOB_STATUSES = ['running', 'paused', 'done', 'failed', 'cancelled'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/** Statuses a job can be resumed from; `running` ones were cut off by a crash or a quit. */
export const UNFINISHED_JOB_STATUSES: readonly JobStatus[] = ['running', 'paused', 'failed'];

export interface Job {
  id: string;
  kind: string;
  /** As stored: the jobs module validates it with its schema before use. */
  params: unknown;
  status: JobStatus;
  createdAt: string;
  updatedAt: string;
  error: string | null;
}

export interface NewJob {
  kind: string;
  params: unknown;
  id?: string;
  status?: JobStatus;
}

interface JobRow {
  id: string;
  kind: string;
  params_json: string;
  status: string;
  created_at: string;
  updated_at: string;
  error: string | null;
}

const JOB_COLUMNS = 'id, kind, params_json, status, created_at, updated_at, error';
const toJobStatus = oneOf(JOB_STATUSES, 'job status');

function toJob(row: JobRow): Job {
  return {
    id: row.id,
    kind: row.kind,
    params: JSON.parse(row.params_json) as unknown,
    status: toJobStatus(row.status),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    error: row.error,
  };
}

export function createJob(library: Library, job: NewJob): Job {
  const now = new Date().toISOString();
  const row = library.db
    .prepare<JobRow, JobRow>(
      `INSERT INTO jobs (${JOB_COLUMNS}) VALUES (@id, @kind, @params_json, @status, @created_at, @updated_at, @error)
       RETURNING ${JOB_COLUMNS}`,
    )
    .get({
      id: job.id ?? randomUUID(),
      kind: job.kind,
      params_json: JSON.stringify(job.params ?? null),
      status: job.status ?? 'running',
      created_at: now,
      updated_at: now,
      error: null,
    });
  if (!row) throw new Error(`Creating the ${job.kind} job returned no row.`);
  return toJob(row);
}

export function getJob(library: Library, id: string): Job | null {
  const row = library.db.prepare<[string], JobRow>(`SELECT ${JOB_COLUMNS} FROM jobs WHERE id = ?`).get(id);
  return row ? toJob(row) : null;
}

/** Sets the status; `error` is kept only for a failed job and cleared otherwise. */
export function setJobStatus(library: Library, id: string, status: JobStatus, error: string | null = null): Job {
  const row = library.db
    .prepare<{ id: string; status: JobStatus; error: string | null; updated_at: string }, JobRow>(
      `UPDATE jobs SET status = @status, error = @error, updated_at = @updated_at WHERE id = @id RETURNING ${JOB_COLUMNS}`,
    )
    .get({ id, status, error: status === 'failed' ? error : null, updated_at: new Date().toISOString() });
  if (!row) throw new Error(`Job ${id} does not exist.`);
  return toJob(row);
}

/** Jobs that are neither done nor cancelled, oldest first. */
export function unfinishedJobs(library: Library, kind?: string): Job[] {
  const statuses = JSON.stringify(UNFINISHED_JOB_STATUSES);
  return library.db
    .prepare<{ statuses: string; kind: string | null }, JobRow>(
      `SELECT ${JOB_COLUMNS} FROM jobs
       WHERE status IN (SELECT value FROM json_each(@statuses)) AND (@kind IS NULL OR kind = @kind)
       ORDER BY created_at, id`,
    )
    .all({ statuses, kind: kind ?? null })
    .map(toJob);
}
