import path from 'node:path';
import type { BulkAccount } from '../../library/bulk-accounts-repository.ts';
import type { BulkReport, BulkReportAccount } from '../../report/bulk-report-model.ts';
import { readOutcome } from './bulk-outcome.ts';

/** `file` relative to `root`, with `/` whatever the system: as a link in the report reads it. */
function relativeTo(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join('/');
}

function secondsBetween(start: string | null, end: string | null): number | null {
  if (start === null || end === null) return null;
  const ms = Date.parse(end) - Date.parse(start);
  return Number.isFinite(ms) && ms >= 0 ? ms / 1000 : null;
}

export function reportAccountOf(outRoot: string, row: BulkAccount): BulkReportAccount {
  const outcome = readOutcome(row.result);
  return {
    position: row.position,
    login: row.login,
    accountName: outcome.accountName === '' ? null : outcome.accountName,
    folder: relativeTo(outRoot, row.outDir),
    status: row.status,
    attempts: row.attempts,
    error: row.error,
    items: row.items,
    bytes: row.bytes,
    archives: outcome.archives.map((archive) => ({ ...archive, path: relativeTo(outRoot, archive.path) })),
    problems: outcome.problems,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
    seconds: secondsBetween(row.startedAt, row.finishedAt),
  };
}

export function bulkReportOf(
  job: { jobId: string; source: string; outRoot: string; stoppedBecause: string | null; generatedAt: string },
  rows: readonly BulkAccount[],
): BulkReport {
  return { ...job, accounts: rows.map((row) => reportAccountOf(job.outRoot, row)) };
}
