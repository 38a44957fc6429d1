import path from 'node:path';
import type { BulkColleague } from '../../../../shared/contract.ts';
import type { JobProgress } from '../../../../shared/progress.ts';
import { readOutcome } from '../../jobs/bulk/bulk-outcome.ts';
import type { BulkAccount } from '../../library/bulk-accounts-repository.ts';
import type { Credentials } from '../../platform-client/platform-client.ts';

/** Where a colleague is in the run. */
export interface ColleagueRun {
  status: BulkColleague['status'];
  progress: JobProgress | null;
  items: number;
  bytes: number;
  archives: number;
  problems: number;
  error: string | null;
}

/** A colleague of the bulk run as the core keeps them: credentials only in memory. */
export interface Colleague {
  id: string;
  login: string;
  name: string;
  email: string;
  /** The platform's id: signing in again must give the same account. */
  accountId: string;
  signIn: BulkColleague['signIn'];
  spaces: string[] | null;
  folder: string;
  credentials: Credentials | null;
  run: ColleagueRun;
}

export function readyRun(): ColleagueRun {
  return { status: 'ready', progress: null, items: 0, bytes: 0, archives: 0, problems: 0, error: null };
}

/** The colleague's archive folder under the run's destination. */
export function outDirOf(outRoot: string, colleague: Pick<Colleague, 'folder'>): string {
  return path.resolve(outRoot, ...colleague.folder.split('/'));
}

export function toContractColleague(colleague: Colleague, outRoot: string | null): BulkColleague {
  return {
    id: colleague.id, login: colleague.login, name: colleague.name, email: colleague.email, signIn: colleague.signIn,
    signedIn: colleague.credentials !== null, spaces: colleague.spaces === null ? null : [...colleague.spaces], folder: colleague.folder,
    outDir: outRoot === null ? null : outDirOf(outRoot, colleague),
    ...colleague.run, progress: colleague.run.progress === null ? null : { ...colleague.run.progress },
  };
}

/**
 * The colleague's place in the queue as the library has it: the one truth after a run (or a
 * restart). `running` there means cut off (there is no run now): queued again.
 */
export function runFromRow(row: BulkAccount): ColleagueRun {
  const outcome = readOutcome(row.result);
  const done = row.status === 'done';
  return {
    status: row.status === 'running' ? 'queued' : row.status,
    progress: null,
    items: done ? row.items : 0,
    bytes: done ? row.bytes : 0,
    archives: done ? outcome.archives.length : 0,
    problems: done ? outcome.problems.length : 0,
    error: row.status === 'failed' ? row.error : null,
  };
}
