import type { JobProgress } from '../../../../shared/progress.ts';

/** Which account an event is about: the i of "account i of N". */
export interface BulkEventAccount {
  position: number;
  total: number;
  login: string;
  /** Relative to the output folder. */
  folder: string;
}

/** What a bulk run tells its shell while it works. `totalBytes` is archived bytes over all accounts. */
export type BulkEvent =
  | { kind: 'account-skipped'; account: BulkEventAccount; items: number; bytes: number }
  | {
    kind: 'account-started';
    account: BulkEventAccount;
    attempt: number;
    /** What the attempt before this one came to: none, cut off (a crash, a stop), or a failure. */
    after: 'none' | 'interrupted' | 'failed';
  }
  | { kind: 'account-progress'; account: BulkEventAccount; progress: JobProgress; totalBytes: number }
  | {
    kind: 'account-finished';
    account: BulkEventAccount;
    status: 'done' | 'failed';
    /** Why it failed; null when done. */
    error: string | null;
    items: number;
    bytes: number;
    archives: number;
    /** Items kept as notices only. */
    problems: number;
    totalBytes: number;
  }
  | { kind: 'account-stopped'; account: BulkEventAccount }
  | { kind: 'run-stopped'; reason: string; notStarted: number };

export type BulkEventListener = (event: BulkEvent) => void;
