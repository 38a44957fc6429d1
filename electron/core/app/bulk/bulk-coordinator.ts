import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { BulkSignIn, BulkSource, BulkSpace, BulkState } from '../../../../shared/contract.ts';
import { createRulesEngine } from '../../../../shared/rules/rules-engine.ts';
import type { RuleSet } from '../../../../shared/rules/ruleset-schema.ts';
import type { BulkEvent } from '../../jobs/bulk/bulk-events.ts';
import { bulkJobId } from '../../jobs/bulk/bulk-identity.ts';
import { BULK_REPORT_CSV, BULK_REPORT_HTML } from '../../jobs/bulk/bulk-report-files.ts';
import { bulkJobParamsOf, DEFAULT_ACCOUNTS_AT_ONCE, runBulkJob, type BulkAccountInput } from '../../jobs/bulk/run-bulk-job.ts';
import { archiveJobId } from '../../jobs/job-identity.ts';
import { StagingArea } from '../../jobs/staging-area.ts';
import { bulkAccounts, setBulkAccountState } from '../../library/bulk-accounts-repository.ts';
import { getJob, setJobStatus } from '../../library/jobs-repository.ts';
import type { Library } from '../../library/library.ts';
import type { Credentials } from '../../platform-client/platform-client.ts';
import { pathExists } from '../../util/path-exists.ts';
import { AppCallError, toAppCallError } from '../call-error.ts';
import { overallProgress, startingProgress } from '../job-progress.ts';
import type { SettingsStore } from '../settings-store.ts';
import type { ShellAdapters } from '../shell-adapters.ts';
import { createThrottle } from '../throttle.ts';
import { outDirOf, readyRun, runFromRow, toContractColleague, type Colleague } from './bulk-colleagues.ts';
import { checkFolder, defaultFolder, folderClash } from './bulk-folders.ts';
import { loadBulkRunRecord, removeBulkRunRecord, saveBulkRunRecord, type BulkRunRecord } from './bulk-run-file.ts';
import { createBulkSecrets } from './bulk-secrets.ts';
import { listColleagueSpaces, signInColleague } from './bulk-sign-in.ts';
import { createBulkSourceHolder, normalizeSource, sameSource } from './bulk-source.ts';
import { bulkTotals, type RunClock } from './bulk-totals.ts';

/** ~4 bulk events a second; status changes go out at once. */
const EVENT_INTERVAL_MS = 250;
/** What the stop messages kept in the queue tell a person to do. */
const RERUN_ADVICE = 'resume the run in TwinArchive to carry on where it stopped';

export interface BulkCoordinatorOptions {
  dataDir: string;
  ruleSet: RuleSet;
  library: () => Library;
  settings: SettingsStore;
  adapters: ShellAdapters;
  sampleSnapshotPath?: string;
  publish: (state: BulkState) => void;
}

export interface ColleagueChange {
  colleagueId: string;
  spaces?: string[] | null | undefined;
  folder?: string | undefined;
}

export interface BulkCoordinator {
  status(): Promise<BulkState>;
  setSource(source: BulkSource): Promise<BulkState>;
  addColleague(signIn: BulkSignIn): Promise<BulkState>;
  signInAgain(colleagueId: string, signIn: BulkSignIn): Promise<BulkState>;
  updateColleague(change: ColleagueChange): Promise<BulkState>;
  removeColleague(colleagueId: string): Promise<BulkState>;
  listSpaces(colleagueId: string): Promise<BulkSpace[]>;
  start(destination: string): Promise<BulkState>;
  /** Stops the run keeping everything done; resolves once it has stopped. */
  pause(): Promise<BulkState>;
  resume(): Promise<BulkState>;
  cancel(): Promise<BulkState>;
  clear(): Promise<BulkState>;
  /** The run's destination, for opening its folders and report. */
  destinations(): string[];
  /** Pauses a running run (it can be resumed after the next start) and stops the sample platform. */
  close(): Promise<void>;
}

interface Plan {
  jobId: string;
  outRoot: string;
  include: 'at-risk' | 'all';
  splitSize: number;
  margin: number;
}

interface ActiveRun {
  controller: AbortController;
  stop: 'pause' | 'cancel' | null;
  done: Promise<void>;
  clock: RunClock;
}

const notNow = (message: string) => new AppCallError(message, 'NOT_NOW');

/**
 * The app's bulk run: the coordinator adds colleagues one by one (each signs in there and then),
 * then starts one run of all of them through runBulkJob. Its queue lives in the library; a small
 * record in the data folder and the colleagues' credentials in the shell's secret store let a run
 * cut off by a quit or a crash go on after the next start. Credentials are held only while the
 * run needs them: a colleague's go when they are done, everyone's when the run ends.
 */
export function createBulkCoordinator(options: BulkCoordinatorOptions): BulkCoordinator {
  const { dataDir, ruleSet, adapters } = options;
  const source = createBulkSourceHolder(options.sampleSnapshotPath);
  const secrets = createBulkSecrets(adapters.secrets);
  const throttle = createThrottle<BulkState>(EVENT_INTERVAL_MS, options.publish);
  let status: BulkState['status'] = 'setup';
  let colleagues: Colleague[] = [];
  let plan: Plan | null = null;
  let report: BulkState['report'] = null;
  let runError: string | null = null;
  let restored = false;
  let active: ActiveRun | null = null;
  let launching = false;
  let restoring: Promise<void> | null = null;

  function snapshot(): BulkState {
    const list = colleagues.map((colleague) => toContractColleague(colleague, plan?.outRoot ?? null));
    return {
      status, runId: plan?.jobId ?? null, source: source.current(), destination: plan?.outRoot ?? null, colleagues: list,
      totals: bulkTotals(list, status === 'running' ? (active?.clock ?? null) : null, Date.now()),
      report, error: runError, restored,
    };
  }

  const publish = (force: boolean) => throttle.push(snapshot(), force);
  const changed = (): BulkState => {
    publish(true);
    return snapshot();
  };

  function colleagueById(colleagueId: string): Colleague {
    const found = colleagues.find((colleague) => colleague.id === colleagueId);
    if (!found) throw new AppCallError('That colleague is no longer in the list: look at the list again.', 'NOT_FOUND');
    return found;
  }

  function requireSetup(what: string): void {
    if (status !== 'setup' || launching) throw notNow(`${what} only before the run starts: when this run has ended, start a new one.`);
  }

  /** Keeps the credentials of everyone still to be archived, for a resume after a restart; nobody's before the run starts. */
  async function keepSecrets(): Promise<void> {
    if (plan === null) return;
    const kept = new Map<string, Credentials>();
    for (const colleague of colleagues) {
      if (colleague.credentials !== null && colleague.run.status !== 'done') kept.set(colleague.id, colleague.credentials);
    }
    await secrets.save(plan.jobId, kept);
  }

  const keepSecretsQuietly = () => {
    // Only the resume after a restart needs them; without a keychain the store keeps them in memory.
    keepSecrets().catch(() => undefined);
  };

  /** The run has ended: nobody's session is kept any longer. */
  async function endSessions(): Promise<void> {
    for (const colleague of colleagues) colleague.credentials = null;
    await secrets.forget().catch(() => undefined);
  }

  function refreshFromLibrary(): void {
    if (plan === null) return;
    const rows = new Map(bulkAccounts(options.library(), plan.jobId).map((row) => [row.outDir, row]));
    for (const colleague of colleagues) {
      const row = rows.get(outDirOf(plan.outRoot, colleague));
      if (row) colleague.run = runFromRow(row);
    }
  }

  async function existingReport(outRoot: string): Promise<BulkState['report']> {
    const files = { html: path.join(outRoot, BULK_REPORT_HTML), csv: path.join(outRoot, BULK_REPORT_CSV) };
    return (await pathExists(files.html)) ? files : null;
  }

  async function restore(): Promise<void> {
    const record = await loadBulkRunRecord(dataDir);
    if (record === null) return;
    const library = options.library();
    const job = getJob(library, record.jobId);
    if (job === null) {
      await removeBulkRunRecord(dataDir);
      await secrets.forget().catch(() => undefined);
      return;
    }
    await source.set(record.source);
    plan = { jobId: record.jobId, outRoot: record.outRoot, include: record.include, splitSize: record.splitSize, margin: record.margin };
    colleagues = record.colleagues.map((colleague) => ({ ...colleague, credentials: null, run: readyRun() }));
    refreshFromLibrary();
    if (job.status === 'running' || job.status === 'paused') {
      status = 'paused';
      restored = true;
      const kept = await secrets.load(record.jobId);
      for (const colleague of colleagues) {
        if (colleague.run.status !== 'done') colleague.credentials = kept.get(colleague.id) ?? null;
      }
    } else {
      status = job.status === 'cancelled' ? 'cancelled' : 'finished';
      report = await existingReport(record.outRoot);
      await secrets.forget().catch(() => undefined);
    }
  }

  /** Picks up a run an earlier start left, once; a library that cannot be opened leaves an empty setup. */
  async function ready(): Promise<void> {
    restoring ??= restore().catch(() => undefined);
    await restoring;
  }

  function onEvent(run: ActiveRun, event: BulkEvent): void {
    if (active !== run) return;
    if (event.kind === 'run-stopped') {
      if (!run.controller.signal.aborted) runError = `Not every colleague had a turn: ${event.reason}`;
      publish(true);
      return;
    }
    const colleague = colleagues[event.account.position - 1];
    if (!colleague) return;
    switch (event.kind) {
      case 'account-skipped':
        colleague.run = { ...colleague.run, status: 'done', progress: null, items: event.items, bytes: event.bytes, error: null };
        break;
      case 'account-started':
        colleague.run = { ...readyRun(), status: 'running', progress: startingProgress() };
        break;
      case 'account-progress':
        colleague.run = { ...colleague.run, status: 'running', progress: overallProgress(event.progress) };
        publish(false);
        return;
      case 'account-finished':
        if (event.status === 'done') {
          colleague.run = {
            status: 'done', progress: null, items: event.items, bytes: event.bytes, archives: event.archives, problems: event.problems, error: null,
          };
          // Done: this colleague's session is not needed any more.
          colleague.credentials = null;
          keepSecretsQuietly();
        } else {
          colleague.run = { ...readyRun(), status: 'failed', error: event.error };
        }
        break;
      case 'account-stopped':
        colleague.run = { ...readyRun(), status: 'queued' };
        break;
    }
    publish(true);
  }

  /** What a cancelled run fetched for colleagues it did not finish is of no use: its staging goes. */
  async function removeStaging(run: Plan, sourceUrl: string | null): Promise<void> {
    // A sample platform started anew has a new address: what the old one left is not found (and is small).
    if (sourceUrl === null) return;
    for (const colleague of colleagues.filter((candidate) => candidate.run.status !== 'done')) {
      const jobId = archiveJobId({
        source: sourceUrl, accountId: colleague.accountId, outDir: outDirOf(run.outRoot, colleague), include: run.include,
        spaces: colleague.spaces, splitSize: run.splitSize,
      });
      await rm(new StagingArea(dataDir, jobId).dir, { recursive: true, force: true }).catch(() => undefined);
    }
  }

  async function execute(run: ActiveRun, current: Plan, inputs: BulkAccountInput[], sourceUrl: string, concurrency: number): Promise<void> {
    try {
      const result = await runBulkJob({
        sourceUrl, ...(source.jobSource() ? { jobSource: source.jobSource() } : {}), outRoot: current.outRoot, accounts: inputs,
        library: options.library(), dataDir, include: current.include, splitSize: current.splitSize, concurrency,
        accountsAtOnce: DEFAULT_ACCOUNTS_AT_ONCE, describeError: (error) => toAppCallError(error).message,
        onEvent: (event) => onEvent(run, event), signal: run.controller.signal, rerunAdvice: RERUN_ADVICE,
      });
      refreshFromLibrary();
      if (run.stop === 'pause') {
        // The queue says cancelled after any stop; a pause is one to carry on from.
        setJobStatus(options.library(), current.jobId, 'paused');
        status = 'paused';
        return;
      }
      status = run.stop === 'cancel' ? 'cancelled' : 'finished';
      report = result.reportFiles;
      if (result.reportError !== null) runError = `The run report could not be written to ${current.outRoot}: ${result.reportError}`;
      if (run.stop === 'cancel') await removeStaging(current, sourceUrl);
      await endSessions();
    } catch (error) {
      // Only the queue itself fails here (the library cannot be written): resuming tries again.
      runError = toAppCallError(error).message;
      status = 'paused';
    } finally {
      active = null;
      publish(true);
    }
  }

  async function launch(current: Plan): Promise<void> {
    const settings = await options.settings.get();
    const sourceUrl = await source.url();
    const rules = createRulesEngine(ruleSet, { margin: current.margin, euLoginEmail: null });
    const inputs: BulkAccountInput[] = colleagues.map((colleague, index) => ({
      position: index + 1, line: index + 1, login: colleague.login, euLoginEmail: null, spaces: colleague.spaces,
      outDir: outDirOf(current.outRoot, colleague), credentials: colleague.credentials, rules,
    }));
    for (const colleague of colleagues) {
      if (colleague.run.status !== 'done') colleague.run = { ...readyRun(), status: 'queued' };
    }
    const before = bulkTotals(colleagues.map((colleague) => toContractColleague(colleague, current.outRoot)), null, Date.now());
    const run: ActiveRun = { controller: new AbortController(), stop: null, done: Promise.resolve(), clock: { startedAt: Date.now(), startFraction: before.fraction } };
    active = run;
    status = 'running';
    restored = false;
    runError = null;
    report = null;
    publish(true);
    run.done = execute(run, current, inputs, sourceUrl, settings.concurrency);
  }

  /** One start or resume at a time (two clicks, two windows). */
  async function exclusively<T>(work: () => Promise<T>): Promise<T> {
    if (launching || active !== null) throw new AppCallError('The bulk run is already running: pause or cancel it first.', 'JOB_RUNNING');
    launching = true;
    try {
      return await work();
    } finally {
      launching = false;
    }
  }

  async function stop(reason: 'pause' | 'cancel'): Promise<boolean> {
    const run = active;
    if (run === null) return false;
    run.stop ??= reason;
    run.controller.abort();
    await run.done;
    return true;
  }

  function needingSignIn(): Colleague[] {
    return colleagues.filter((colleague) => colleague.run.status !== 'done' && colleague.credentials === null);
  }

  function signInFirst(waiting: readonly Colleague[]): AppCallError {
    const names = waiting.map((colleague) => colleague.name || colleague.login).join(', ');
    return new AppCallError(`Sign in again for ${names} first (“Sign in again” next to their name): TwinArchive no longer has their session.`, 'NEEDS_SIGN_IN');
  }

  /** A new colleague's folder must fit in with the others'. */
  function checkedFolder(value: string, colleague: Colleague | null): string {
    const checked = checkFolder(value);
    if ('problem' in checked) throw new AppCallError(checked.problem, 'INVALID_ARGS');
    const others = colleagues.filter((other) => other !== colleague).map((other) => ({ folder: other.folder, name: other.name || other.login }));
    const clash = folderClash(checked.folder, others);
    if (clash !== null) throw new AppCallError(clash, 'INVALID_ARGS');
    return checked.folder;
  }

  return {
    async status() {
      await ready();
      return snapshot();
    },

    async setSource(next) {
      await ready();
      requireSetup('The platform can be changed');
      if (colleagues.length > 0 && !sameSource(source.current(), normalizeSource(next))) {
        throw notNow('The colleagues in the list signed in on the current platform: remove them first to choose another one.');
      }
      await source.set(next);
      return changed();
    },

    async addColleague(signIn) {
      await ready();
      requireSetup('Colleagues can be added');
      const chosen = source.current();
      const signedIn = await signInColleague(adapters, await source.url(), signIn);
      // The sign-in can take minutes in a login window: the list may have changed meanwhile.
      requireSetup('Colleagues can be added');
      if (!sameSource(source.current(), chosen)) throw notNow('The platform was changed while the colleague signed in: add them again.');
      const { account } = signedIn;
      const twin = colleagues.find((colleague) => colleague.accountId === account.id);
      if (twin) throw new AppCallError(`${account.name || signedIn.login} is already in the list (as ${twin.login}).`, 'ALREADY_ADDED');
      colleagues.push({
        id: randomUUID(), login: signedIn.login, name: account.name, email: account.email, accountId: account.id, signIn: signedIn.signIn,
        spaces: null, folder: defaultFolder(account.name, signedIn.login, colleagues.map((colleague) => colleague.folder)),
        credentials: signedIn.credentials, run: readyRun(),
      });
      return changed();
    },

    async signInAgain(colleagueId, signIn) {
      await ready();
      const colleague = colleagueById(colleagueId);
      const signedIn = await signInColleague(adapters, await source.url(), signIn);
      if (signedIn.account.id !== colleague.accountId) {
        throw new AppCallError(`That signed in ${signedIn.account.name || signedIn.login}, not ${colleague.name || colleague.login}: sign in with ${colleague.name || colleague.login}’s own account.`, 'WRONG_ACCOUNT');
      }
      colleague.credentials = signedIn.credentials;
      colleague.signIn = signedIn.signIn;
      await keepSecrets().catch(() => undefined);
      return changed();
    },

    async updateColleague(change) {
      await ready();
      requireSetup('What is archived for a colleague can be changed');
      const colleague = colleagueById(change.colleagueId);
      const folder = change.folder === undefined ? colleague.folder : checkedFolder(change.folder, colleague);
      if (change.spaces !== undefined) colleague.spaces = change.spaces === null ? null : [...new Set(change.spaces)];
      colleague.folder = folder;
      return changed();
    },

    async removeColleague(colleagueId) {
      await ready();
      requireSetup('Colleagues can be removed');
      const colleague = colleagueById(colleagueId);
      colleague.credentials = null;
      colleagues = colleagues.filter((other) => other !== colleague);
      return changed();
    },

    async listSpaces(colleagueId) {
      await ready();
      const colleague = colleagueById(colleagueId);
      if (colleague.credentials === null) throw signInFirst([colleague]);
      return await listColleagueSpaces(await source.url(), colleague.credentials);
    },

    start: async (destination) => {
      await ready();
      return await exclusively(async () => {
        if (status !== 'setup') throw notNow('This run has already started: when it has ended, start a new one.');
        if (colleagues.length === 0) throw new AppCallError('Add at least one colleague, then start the run.', 'INVALID_ARGS');
        if (!path.isAbsolute(destination)) throw new AppCallError('The destination must be a full folder path: choose the folder again.', 'INVALID_ARGS');
        const waiting = needingSignIn();
        if (waiting.length > 0) throw signInFirst(waiting);
        for (const colleague of colleagues) checkedFolder(colleague.folder, colleague);
        const settings = await options.settings.get();
        const sourceUrl = await source.url();
        const chosen = source.current();
        if (chosen === null) throw notNow('Choose the platform your colleagues are on first.');
        const outRoot = path.resolve(destination);
        const params = bulkJobParamsOf({
          sourceUrl, ...(source.jobSource() ? { jobSource: source.jobSource() } : {}), outRoot, include: 'at-risk', splitSize: settings.splitSize,
          accounts: colleagues.map((colleague) => ({ login: colleague.login, euLoginEmail: null, spaces: colleague.spaces, outDir: outDirOf(outRoot, colleague) })),
        });
        const next: Plan = { jobId: bulkJobId(params), outRoot, include: 'at-risk', splitSize: settings.splitSize, margin: settings.margin };
        // A new run the person asked for does every colleague again, even if the same one ran before.
        const library = options.library();
        if (getJob(library, next.jobId)) {
          for (const row of bulkAccounts(library, next.jobId)) {
            setBulkAccountState(library, next.jobId, row.outDir, { status: 'queued', error: null, items: 0, bytes: 0, result: null, finishedAt: null });
          }
        }
        const record: BulkRunRecord = {
          format: 'twinarchive-bulk-run/1', jobId: next.jobId, source: chosen, outRoot, include: next.include, splitSize: next.splitSize,
          margin: next.margin,
          colleagues: colleagues.map(({ id, login, name, email, accountId, signIn, spaces, folder }) => ({ id, login, name, email, accountId, signIn, spaces, folder })),
        };
        await saveBulkRunRecord(dataDir, record);
        plan = next;
        await keepSecrets().catch(() => undefined);
        await launch(next);
        return snapshot();
      });
    },

    async pause() {
      await ready();
      await stop('pause');
      return snapshot();
    },

    async resume() {
      await ready();
      const current = plan;
      const retry = status === 'finished' && colleagues.some((colleague) => colleague.run.status === 'failed');
      if (current === null || active !== null || (status !== 'paused' && !retry)) return snapshot();
      return await exclusively(async () => {
        const waiting = needingSignIn();
        if (waiting.length > 0) throw signInFirst(waiting);
        await keepSecrets().catch(() => undefined);
        await launch(current);
        return snapshot();
      });
    },

    async cancel() {
      await ready();
      if (await stop('cancel')) return snapshot();
      const current = plan;
      const open = status === 'paused' || (status === 'finished' && colleagues.some((colleague) => colleague.run.status !== 'done'));
      if (current === null || !open) return snapshot();
      try {
        setJobStatus(options.library(), current.jobId, 'cancelled');
      } catch {
        // Only the queue's label: without the record nothing offers to resume it.
      }
      status = 'cancelled';
      restored = false;
      report = await existingReport(current.outRoot);
      await removeStaging(current, source.knownUrl());
      await endSessions();
      return changed();
    },

    async clear() {
      await ready();
      if (active !== null || launching || status === 'running' || status === 'paused') {
        throw notNow('The run has not ended: cancel it first, or let it finish.');
      }
      await endSessions();
      await removeBulkRunRecord(dataDir);
      status = 'setup';
      colleagues = [];
      plan = null;
      report = null;
      runError = null;
      restored = false;
      return changed();
    },

    destinations: () => (plan === null ? [] : [plan.outRoot]),

    async close() {
      await restoring;
      // A quit pauses: the next start offers to resume.
      await stop('pause');
      throttle.cancel();
      await source.close();
    },
  };
}
