import path from 'node:path';
import type { RulesEngine } from '../../../../shared/rules/rules-engine.ts';
import {
  bulkAccounts, setBulkAccountState, startBulkAccount, upsertBulkAccounts, type BulkAccount,
} from '../../library/bulk-accounts-repository.ts';
import { createJob, getJob, setJobStatus } from '../../library/jobs-repository.ts';
import type { Library } from '../../library/library.ts';
import { createConcurrencyLimiter, type ConcurrencyLimiter } from '../../platform-client/concurrency-limiter.ts';
import { createPlatformClient, type Credentials } from '../../platform-client/platform-client.ts';
import type { BulkReport } from '../../report/bulk-report-model.ts';
import { mapConcurrent } from '../../util/map-concurrent.ts';
import { runArchiveJob } from '../archive-job.ts';
import type { IncludeMode } from '../archive-selection.ts';
import type { BulkEventAccount, BulkEventListener } from './bulk-events.ts';
import { bulkJobId, type BulkJobParams } from './bulk-identity.ts';
import type { BulkAccountOutcome } from './bulk-outcome.ts';
import { bulkReportOf } from './bulk-report-of.ts';
import { writeBulkReport, type BulkReportFiles } from './bulk-report-files.ts';
import { isDiskFull } from './disk-full.ts';

/** Accounts archived side by side unless told otherwise: one slow account does not idle the run. */
export const DEFAULT_ACCOUNTS_AT_ONCE = 2;

/** What a person does to carry on after a stop, as the CLI says it. */
export const RERUN_ADVICE_CLI = 'run the same command again to carry on where it stopped';

/** An account of the queue with no credentials to sign in with (the app lost them in a restart). */
export class NoSessionError extends Error {
  override readonly name = 'NoSessionError';

  constructor() {
    super('TwinArchive has no session for this account any more: sign in again, then carry on.');
  }
}

/** One account of the job file, with what it needs to sign in (never stored). */
export interface BulkAccountInput {
  position: number;
  line: number;
  login: string;
  euLoginEmail: string | null;
  /** Space ids (`personal` for personal items); null for every space. */
  spaces: readonly string[] | null;
  /** The absolute folder of its archives, under the output folder. */
  outDir: string;
  /**
   * How it signs in; null when there is none any more (the app after a restart): an account
   * that still has work to do then fails with NoSessionError, one that is done is skipped anyway.
   */
  credentials: Credentials | null;
  /** The rules with this account's settings (its EU Login e-mail). */
  rules: RulesEngine;
}

export interface BulkJobOptions {
  /** The platform's origin. */
  sourceUrl: string;
  /**
   * The source the job is known by in the library, when the platform's address changes from
   * one start to the next (the embedded sample platform); `sourceUrl` when left out.
   */
  jobSource?: string;
  outRoot: string;
  accounts: readonly BulkAccountInput[];
  library: Library;
  dataDir: string;
  include: IncludeMode;
  splitSize: number;
  /** Requests in flight to the platform at once, over all accounts together. */
  concurrency: number;
  accountsAtOnce?: number;
  /** The one sentence a person reads for an account's failure. */
  describeError: (error: unknown) => string;
  onEvent?: BulkEventListener;
  signal?: AbortSignal;
  now?: () => Date;
  /** What to do to carry on after a stop, in the messages it records (default RERUN_ADVICE_CLI). */
  rerunAdvice?: string;
}

export interface BulkJobResult {
  jobId: string;
  report: BulkReport;
  /** Null when the report could not be written; `reportError` says why. */
  reportFiles: BulkReportFiles | null;
  reportError: string | null;
}

interface BulkRun extends BulkJobOptions {
  jobId: string;
  outRoot: string;
  now: () => Date;
  limiter: ConcurrencyLimiter;
  total: number;
  inputs: ReadonlyMap<string, BulkAccountInput>;
  /** Archived bytes of finished accounts, and the latest count of each running one. */
  doneBytes: number;
  runningBytes: Map<string, number>;
  /** Folders of the accounts this run started. */
  started: Set<string>;
  stoppedBecause: string | null;
}

/**
 * Archives many accounts in one unattended run. The queue (one row per account) lives in the
 * library, so running the same job again after a crash or a stop skips accounts that are done,
 * resumes the one that was running through its own archive job, and retries those that failed.
 * All accounts share one limit of requests in flight to the platform. One account's failure is
 * recorded and the others go on, except a full disk, which would fail them all: then no further
 * account starts. The run report is written to the output folder at the end, whatever happened.
 */
export async function runBulkJob(options: BulkJobOptions): Promise<BulkJobResult> {
  const { library, signal } = options;
  const now = options.now ?? (() => new Date());
  const outRoot = path.resolve(options.outRoot);
  const params = bulkJobParamsOf(options);
  const jobId = bulkJobId(params);
  library.db.transaction(() => {
    if (!getJob(library, jobId)) createJob(library, { id: jobId, kind: 'bulk', params });
    setJobStatus(library, jobId, 'running');
    upsertBulkAccounts(library, jobId, options.accounts.map((account) => ({
      position: account.position, line: account.line, login: account.login, euLoginEmail: account.euLoginEmail,
      spaces: account.spaces, outDir: path.resolve(account.outDir),
    })));
  })();

  const rows = bulkAccounts(library, jobId);
  const run: BulkRun = {
    ...options, jobId, outRoot, now,
    limiter: createConcurrencyLimiter(options.concurrency),
    total: rows.length,
    inputs: new Map(options.accounts.map((account) => [path.resolve(account.outDir), account])),
    doneBytes: 0,
    runningBytes: new Map(),
    started: new Set(),
    stoppedBecause: null,
  };
  for (const row of rows.filter((candidate) => candidate.status === 'done')) {
    run.doneBytes += row.bytes;
    options.onEvent?.({ kind: 'account-skipped', account: eventAccount(run, row), items: row.items, bytes: row.bytes });
  }

  const waiting = rows.filter((row) => row.status !== 'done');
  try {
    await mapConcurrent(waiting, options.accountsAtOnce ?? DEFAULT_ACCOUNTS_AT_ONCE, async (row) => {
      if (run.stoppedBecause !== null || signal?.aborted) return;
      await archiveAccount(run, row);
    });
  } catch (error) {
    // Only the queue itself fails here (the library cannot be written): the report still tells what is known.
    run.stoppedBecause ??= lowerFirst(options.describeError(error));
  }
  const notStarted = waiting.filter((row) => !run.started.has(row.outDir));
  const stopReason = run.stoppedBecause ?? (signal?.aborted ? `the run was stopped: ${rerunAdvice(run)}.` : null);
  if (stopReason !== null && notStarted.length > 0) {
    // A failed account that was not retried keeps its reason.
    recordQuietly(() => {
      for (const row of notStarted.filter((candidate) => candidate.status !== 'failed')) {
        setBulkAccountState(library, jobId, row.outDir, { status: 'queued', error: `Not started because ${stopReason}` });
      }
    });
    options.onEvent?.({ kind: 'run-stopped', reason: stopReason, notStarted: notStarted.length });
  }
  return await finish(run, stopReason);
}

/** The job's parameters as kept in the library: what makes two runs the same job (see bulkJobId). */
export function bulkJobParamsOf(
  options: Pick<BulkJobOptions, 'sourceUrl' | 'jobSource' | 'outRoot' | 'include' | 'splitSize'> & {
    accounts: readonly Pick<BulkAccountInput, 'login' | 'euLoginEmail' | 'spaces' | 'outDir'>[];
  },
): BulkJobParams {
  return {
    source: options.jobSource ?? options.sourceUrl, outRoot: path.resolve(options.outRoot), include: options.include, splitSize: options.splitSize,
    accounts: options.accounts.map((account) => ({
      login: account.login, euLoginEmail: account.euLoginEmail,
      spaces: account.spaces === null ? null : [...account.spaces], outDir: path.resolve(account.outDir),
    })),
  };
}

function rerunAdvice(run: BulkRun): string {
  return run.rerunAdvice ?? RERUN_ADVICE_CLI;
}

/** Writes to the library that must not keep the run report from being written (a full disk). */
function recordQuietly(write: () => void): void {
  try {
    write();
  } catch {
    // What could not be recorded is redone by the next run.
  }
}

function eventAccount(run: BulkRun, row: BulkAccount): BulkEventAccount {
  return { position: row.position, total: run.total, login: row.login, folder: path.relative(run.outRoot, row.outDir).split(path.sep).join('/') };
}

function totalBytes(run: BulkRun): number {
  let sum = run.doneBytes;
  for (const bytes of run.runningBytes.values()) sum += bytes;
  return sum;
}

async function archiveAccount(run: BulkRun, row: BulkAccount): Promise<void> {
  const { library, jobId, signal } = run;
  const input = run.inputs.get(row.outDir);
  if (!input) throw new Error(`Internal error: no account for the folder ${row.outDir}; please report it.`);
  const account = eventAccount(run, row);
  run.started.add(row.outDir);
  const started = startBulkAccount(library, jobId, row.outDir, run.now().toISOString());
  const after = row.attempts === 0 ? 'none' : row.status === 'failed' ? 'failed' : 'interrupted';
  run.onEvent?.({ kind: 'account-started', account, attempt: started.attempts, after });
  run.runningBytes.set(row.outDir, 0);
  const { credentials } = input;
  const client = credentials === null ? null : createPlatformClient({
    baseUrl: run.sourceUrl, credentials, limiter: run.limiter, ...(signal ? { signal } : {}),
  });
  try {
    if (client === null) throw new NoSessionError();
    const result = await runArchiveJob({
      client, sourceUrl: run.sourceUrl, rules: input.rules, library, dataDir: run.dataDir, outDir: row.outDir,
      include: run.include, spaces: input.spaces, splitSize: run.splitSize, concurrency: run.concurrency,
      ...(signal ? { signal } : {}),
      onProgress: (progress) => {
        run.runningBytes.set(row.outDir, progress.bytesDone);
        run.onEvent?.({ kind: 'account-progress', account, progress, totalBytes: totalBytes(run) });
      },
    });
    const outcome: BulkAccountOutcome = {
      accountName: result.scan.account.name,
      archives: result.archives.map((archive) => ({
        path: archive.path, title: archive.title, part: archive.part, parts: archive.parts,
        items: archive.items, size: archive.size, earlier: archive.earlier,
      })),
      problems: result.problems,
    };
    setBulkAccountState(library, jobId, row.outDir, {
      status: 'done', error: null, accountId: result.scan.account.id, archiveJobId: result.jobId,
      items: result.items, bytes: result.bytes, result: outcome, finishedAt: run.now().toISOString(),
    });
    run.runningBytes.delete(row.outDir);
    run.doneBytes += result.bytes;
    run.onEvent?.({
      kind: 'account-finished', account, status: 'done', error: null, items: result.items, bytes: result.bytes,
      archives: result.archives.length, problems: result.problems.length, totalBytes: totalBytes(run),
    });
  } catch (error) {
    run.runningBytes.delete(row.outDir);
    if (signal?.aborted) {
      setBulkAccountState(library, jobId, row.outDir, {
        status: 'queued', error: `Stopped before it finished: ${rerunAdvice(run)}.`,
      });
      run.onEvent?.({ kind: 'account-stopped', account });
      return;
    }
    const reason = run.describeError(error);
    setBulkAccountState(library, jobId, row.outDir, { status: 'failed', error: reason, finishedAt: run.now().toISOString() });
    if (isDiskFull(error)) run.stoppedBecause ??= lowerFirst(reason);
    run.onEvent?.({
      kind: 'account-finished', account, status: 'failed', error: reason, items: 0, bytes: 0, archives: 0, problems: 0,
      totalBytes: totalBytes(run),
    });
  } finally {
    await client?.close();
  }
}

function lowerFirst(text: string): string {
  return text.length > 0 ? `${text.charAt(0).toLowerCase()}${text.slice(1)}` : text;
}

async function finish(run: BulkRun, stoppedBecause: string | null): Promise<BulkJobResult> {
  const { library, jobId, signal } = run;
  const rows = bulkAccounts(library, jobId);
  const failed = rows.filter((row) => row.status === 'failed').length;
  const unfinished = rows.filter((row) => row.status !== 'done').length;
  recordQuietly(() => {
    if (signal?.aborted) setJobStatus(library, jobId, 'cancelled');
    else if (unfinished === 0) setJobStatus(library, jobId, 'done');
    else setJobStatus(library, jobId, 'failed', `${failed} of ${rows.length} accounts failed, ${unfinished - failed} did not finish.`);
  });

  const report = bulkReportOf({
    jobId, source: run.sourceUrl, outRoot: run.outRoot, stoppedBecause, generatedAt: run.now().toISOString(),
  }, rows);
  try {
    return { jobId, report, reportFiles: await writeBulkReport(report), reportError: null };
  } catch (error) {
    return { jobId, report, reportFiles: null, reportError: run.describeError(error) };
  }
}
