import type { Library } from './library.ts';
import { runSqlSteps, type SqlStep } from './sql-steps.ts';
import { oneOf } from './row-values.ts';

export const JOB_ARCHIVE_STATES = ['planned', 'written', 'verified', 'recorded'] as const;
export type JobArchiveState = (typeof JOB_ARCHIVE_STATES)[number];

export interface JobArchive {
  jobId: string;
  archiveKey: string;
  part: number;
  parts: number;
  finalPath: string | null;
  state: JobArchiveState;
}

export interface PlannedJobArchive {
  archiveKey: string;
  part: number;
  parts: number;
}

interface JobArchiveRow {
  job_id: string;
  archive_key: string;
  part: number;
  parts: number;
  final_path: string | null;
  state: string;
}

const JOB_ARCHIVE_COLUMNS = 'job_id, archive_key, part, parts, final_path, state';
const toJobArchiveState = oneOf(JOB_ARCHIVE_STATES, 'job archive state');

function toJobArchive(row: JobArchiveRow): JobArchive {
  return {
    jobId: row.job_id,
    archiveKey: row.archive_key,
    part: row.part,
    parts: row.parts,
    finalPath: row.final_path,
    state: toJobArchiveState(row.state),
  };
}

/** Adds planned ZIPs to a job; planning again updates `parts` and keeps the state. */
export function upsertJobArchives(library: Library, jobId: string, archives: Iterable<PlannedJobArchive>): number {
  const statement = library.db.prepare<{ job_id: string; archive_key: string; part: number; parts: number }>(
    `INSERT INTO job_archives (job_id, archive_key, part, parts, state) VALUES (@job_id, @archive_key, @part, @parts, 'planned')
     ON CONFLICT (job_id, archive_key, part) DO UPDATE SET parts = excluded.parts`,
  );
  return library.db.transaction(() => {
    let count = 0;
    for (const archive of archives) {
      statement.run({ job_id: jobId, archive_key: archive.archiveKey, part: archive.part, parts: archive.parts });
      count += 1;
    }
    return count;
  })();
}

export function jobArchives(library: Library, jobId: string): JobArchive[] {
  return library.db
    .prepare<[string], JobArchiveRow>(`SELECT ${JOB_ARCHIVE_COLUMNS} FROM job_archives WHERE job_id = ? ORDER BY archive_key, part`)
    .all(jobId)
    .map(toJobArchive);
}

/**
 * Moving one planned ZIP to `state` (`finalPath`, when given, is where it now lies), as a step
 * of a batch (recordPart runs it with the part's records, on the library worker): the batch
 * fails unless the part is the job's.
 */
export function jobArchiveStateStep(jobId: string, archiveKey: string, part: number, state: JobArchiveState, finalPath?: string): SqlStep {
  return {
    sql: `UPDATE job_archives SET state = @state, final_path = COALESCE(@final_path, final_path)
          WHERE job_id = @job_id AND archive_key = @archive_key AND part = @part`,
    params: { job_id: jobId, archive_key: archiveKey, part, state, final_path: finalPath ?? null },
    expectChanges: 1,
    failure: `Archive ${archiveKey} part ${part} is not part of job ${jobId}.`,
  };
}

/** jobArchiveStateStep on this connection; returns the ZIP's new state. */
export function setJobArchiveState(
  library: Library,
  jobId: string,
  archiveKey: string,
  part: number,
  state: JobArchiveState,
  finalPath?: string,
): JobArchive {
  const [, rows] = runSqlSteps(library.db, [
    jobArchiveStateStep(jobId, archiveKey, part, state, finalPath),
    {
      sql: `SELECT ${JOB_ARCHIVE_COLUMNS} FROM job_archives WHERE job_id = ? AND archive_key = ? AND part = ?`,
      params: [jobId, archiveKey, part],
      mode: 'all',
    },
  ], true);
  const row = rows?.[0] as JobArchiveRow | undefined;
  if (!row) throw new Error(`Internal error: archive ${archiveKey} part ${part} of job ${jobId} was updated but not found.`);
  return toJobArchive(row);
}
