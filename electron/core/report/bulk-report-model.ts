import type { BulkAccountStatus } from '../library/bulk-accounts-repository.ts';

/** One archive an account's run left in its folder. */
export interface BulkReportArchive {
  /** Relative to the output folder, `/`-separated: where the report lies. */
  path: string;
  title: string;
  part: number;
  parts: number;
  items: number;
  size: number;
  earlier: boolean;
}

export interface BulkReportAccount {
  position: number;
  login: string;
  /** The name the platform gives the account, once it was archived. */
  accountName: string | null;
  /** The account's folder, relative to the output folder. */
  folder: string;
  status: BulkAccountStatus;
  attempts: number;
  /** Why it failed, or why it did not finish. */
  error: string | null;
  items: number;
  bytes: number;
  archives: BulkReportArchive[];
  /** Items the platform would not give: archived as notices only. */
  problems: { itemId: string; title: string; problem: string }[];
  startedAt: string | null;
  finishedAt: string | null;
  /** How long its last attempt took. */
  seconds: number | null;
}

/** What a bulk run did, for the coordinator who left it running. */
export interface BulkReport {
  jobId: string;
  source: string;
  outRoot: string;
  generatedAt: string;
  /** Why the run stopped before every account had its turn (a full disk, a stop). */
  stoppedBecause: string | null;
  accounts: BulkReportAccount[];
}

export interface BulkReportTotals {
  accounts: number;
  done: number;
  failed: number;
  notFinished: number;
  items: number;
  bytes: number;
}

export function bulkReportTotals(report: BulkReport): BulkReportTotals {
  const done = report.accounts.filter((account) => account.status === 'done');
  return {
    accounts: report.accounts.length,
    done: done.length,
    failed: report.accounts.filter((account) => account.status === 'failed').length,
    notFinished: report.accounts.filter((account) => account.status === 'queued' || account.status === 'running').length,
    items: done.reduce((sum, account) => sum + account.items, 0),
    bytes: done.reduce((sum, account) => sum + account.bytes, 0),
  };
}

export const BULK_STATUS_LABELS: Readonly<Record<BulkAccountStatus, string>> = {
  done: 'Done',
  failed: 'Failed',
  queued: 'Not finished',
  running: 'Not finished',
};
