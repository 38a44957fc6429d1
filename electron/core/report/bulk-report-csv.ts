import { CSV_BOM, csvRecord } from './csv.ts';
import type { BulkAccountStatus } from '../library/bulk-accounts-repository.ts';
import type { BulkReport } from './bulk-report-model.ts';

const STATUS: Readonly<Record<BulkAccountStatus, string>> = { done: 'done', failed: 'failed', queued: 'not-finished', running: 'not-finished' };

export const BULK_REPORT_CSV_COLUMNS = [
  'record', 'position', 'login', 'account_name', 'folder', 'status', 'attempts', 'items', 'bytes',
  'started_at', 'finished_at', 'seconds', 'reason', 'archive_path', 'archive_bytes', 'item_id', 'item_title',
] as const;

/**
 * One `account` row per account (items and bytes only once it is done), then an `archive` row per ZIP it has and a `problem` row per
 * item kept as a notice only. Only account rows fill `bytes` (the archived items' bytes), so
 * summing that column gives the run's total; ZIP sizes are in `archive_bytes`.
 */
export function renderBulkReportCsv(report: BulkReport): string {
  const lines: string[] = [CSV_BOM + csvRecord(BULK_REPORT_CSV_COLUMNS)];
  for (const account of report.accounts) {
    const who = [account.position, account.login, account.accountName, account.folder] as const;
    lines.push(csvRecord([
      'account', ...who, STATUS[account.status], account.attempts,
      account.status === 'done' ? account.items : null, account.status === 'done' ? account.bytes : null,
      account.startedAt, account.finishedAt, account.seconds === null ? null : Math.round(account.seconds),
      account.error, null, null, null, null,
    ]));
    for (const archive of account.archives) {
      lines.push(csvRecord([
        'archive', ...who, null, null, archive.items, null, null, null, null, null, archive.path, archive.size, null, archive.title,
      ]));
    }
    for (const problem of account.problems) {
      lines.push(csvRecord([
        'problem', ...who, null, null, null, null, null, null, null, problem.problem, null, null, problem.itemId, problem.title,
      ]));
    }
  }
  return lines.join('');
}
