import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { ArchiveStart, JobState } from '../../../shared/contract.ts';
import { createRulesEngine } from '../../../shared/rules/rules-engine.ts';
import type { ClassifySettings } from '../../../shared/rules/classification.ts';
import type { RuleSet } from '../../../shared/rules/ruleset-schema.ts';
import { runArchiveJob } from '../jobs/archive-job.ts';
import { archiveJobId, ArchiveJobParamsSchema, type ArchiveJobParams } from '../jobs/job-identity.ts';
import { StagingArea } from '../jobs/staging-area.ts';
import { isBulkAccountFolder } from '../library/bulk-accounts-repository.ts';
import { getJob, setJobStatus, unfinishedJobs } from '../library/jobs-repository.ts';
import type { Library } from '../library/library.ts';
import { createPlatformClient } from '../platform-client/platform-client.ts';
import { AppCallError, toAppCallError } from './call-error.ts';
import { overallProgress, startingProgress } from './job-progress.ts';
import type { ConnectedSession, SessionManager } from './session-manager.ts';
import type { SettingsStore } from './settings-store.ts';
import { createThrottle } from './throttle.ts';

/** ~4 job events a second; status changes go out at once. */
const EVENT_INTERVAL_MS = 250;

export interface ArchiveRunnerOptions {
  dataDir: string;
  ruleSet: RuleSet;
  library: () => Library;
  sessions: SessionManager;
  settings: SettingsStore;
  publish: (state: JobState) => void;
}

export interface ArchiveRunner {
  start(args: ArchiveStart): Promise<JobState>;
  /** Stops the running job keeping everything fetched; resolves once it has stopped. */
  pause(): Promise<JobState | null>;
  /** Runs a paused or failed job again with the same parameters: it carries on where it stopped. */
  resume(): Promise<JobState | null>;
  cancel(): Promise<JobState | null>;
  status(): JobState | null;
  /** Folders archives were written to in this run, for opening them. */
  destinations(): string[];
  close(): Promise<void>;
}

interface Run {
  controller: AbortController;
  stop: 'pause' | 'cancel' | null;
  done: Promise<void>;
}

interface Job {
  params: ArchiveJobParams;
  /** The judgement settings the job started with; a resume keeps them. null: the current ones. */
  classify: ClassifySettings | null;
  state: JobState;
  run: Run | null;
}

/**
 * One archive job at a time, in the background. Pausing aborts it: everything fetched stays in
 * staging and every verified ZIP in the library, so running it again with the same parameters
 * (what resume does) carries on where it stopped. A job left unfinished by a quit or a crash
 * shows up as paused in the next run.
 */
export function createArchiveRunner(options: ArchiveRunnerOptions): ArchiveRunner {
  const { dataDir, ruleSet, sessions } = options;
  const throttle = createThrottle<JobState>(EVENT_INTERVAL_MS, options.publish);
  const destinations = new Set<string>();
  let job: Job | null = null;
  let restored = false;
  let launching = false;

  const publish = (current: Job, force: boolean) => throttle.push(structuredClone(current.state), force);

  function markInLibrary(jobId: string, status: 'paused' | 'cancelled'): void {
    try {
      const library = options.library();
      if (getJob(library, jobId)) setJobStatus(library, jobId, status);
    } catch {
      // Only the label of the stored job: running it again resumes whatever it says.
    }
  }

  const removeStaging = (jobId: string) => rm(new StagingArea(dataDir, jobId).dir, { recursive: true, force: true }).catch(() => undefined);

  /** The most recent job a quit or crash left unfinished, once per service. */
  function restore(): void {
    if (restored || job !== null) return;
    restored = true;
    const library = options.library();
    // A colleague's archive job in a bulk run is that run's to resume (the Bulk screen), not this screen's.
    const unfinished = unfinishedJobs(library, 'archive')
      .filter((candidate) => {
        const candidateParams = ArchiveJobParamsSchema.safeParse(candidate.params);
        return !candidateParams.success || !isBulkAccountFolder(library, candidateParams.data.outDir);
      })
      .at(-1);
    const params = ArchiveJobParamsSchema.safeParse(unfinished?.params);
    if (!unfinished || !params.success) return;
    destinations.add(params.data.outDir);
    const failed = unfinished.status === 'failed';
    job = {
      params: params.data,
      classify: null,
      run: null,
      state: {
        jobId: unfinished.id, status: failed ? 'failed' : 'paused', progress: startingProgress(), destination: params.data.outDir,
        archives: [], problems: [],
        error: failed ? 'The last archive run stopped with a problem: resume it to try again.' : null,
      },
    };
  }

  async function execute(current: Job, run: Run, session: ConnectedSession, concurrency: number, classify: ClassifySettings): Promise<void> {
    const client = createPlatformClient({
      baseUrl: session.baseUrl, credentials: session.credentials, concurrency, signal: run.controller.signal,
    });
    try {
      const result = await runArchiveJob({
        client, sourceUrl: current.params.source, rules: createRulesEngine(ruleSet, classify), library: options.library(), dataDir,
        outDir: current.params.outDir, include: current.params.include, spaces: current.params.spaces,
        splitSize: current.params.splitSize, concurrency, signal: run.controller.signal,
        onProgress: (progress) => {
          // The scan inside the job ends with its own 'done'; the job is not done yet.
          if (progress.phase === 'done' || current.run !== run) return;
          current.state = { ...current.state, progress: overallProgress(progress) };
          publish(current, false);
        },
      });
      current.state = {
        ...current.state, status: 'done', error: null,
        progress: { ...current.state.progress, phase: 'done', fraction: 1, etaSeconds: null },
        archives: result.archives.map(({ path: file, title, part, parts, items, size }) => ({ path: file, title, part, parts, items, size })),
        problems: result.problems,
      };
    } catch (error) {
      if (run.stop === 'pause') {
        current.state = { ...current.state, status: 'paused', error: null };
        markInLibrary(current.state.jobId, 'paused');
      } else if (run.stop === 'cancel') {
        current.state = { ...current.state, status: 'cancelled', error: null };
        await removeStaging(current.state.jobId);
      } else {
        current.state = { ...current.state, status: 'failed', error: toAppCallError(error).message };
      }
    } finally {
      await client.close();
      current.run = null;
      publish(current, true);
    }
  }

  async function launch(current: Job, session: ConnectedSession): Promise<JobState> {
    const settings = await options.settings.get();
    const classify = current.classify ?? { margin: settings.margin, euLoginEmail: settings.euLoginEmail };
    current.classify = classify;
    const run: Run = { controller: new AbortController(), stop: null, done: Promise.resolve() };
    current.run = run;
    current.state = { ...current.state, status: 'running', error: null, progress: startingProgress(), archives: [], problems: [] };
    destinations.add(current.params.outDir);
    publish(current, true);
    run.done = execute(current, run, session, settings.concurrency, classify);
    return structuredClone(current.state);
  }

  /** Guards against a second job while one starts or runs (two clicks, two windows). */
  async function exclusively<T>(work: () => Promise<T>): Promise<T> {
    if (launching || job?.run) {
      throw new AppCallError('An archive job is already running: wait for it to finish, or pause or cancel it first.', 'JOB_RUNNING');
    }
    launching = true;
    try {
      return await work();
    } finally {
      launching = false;
    }
  }

  async function stop(reason: 'pause' | 'cancel'): Promise<JobState | null> {
    const run = job?.run;
    if (!run) return null;
    run.stop ??= reason;
    run.controller.abort();
    await run.done;
    return job ? structuredClone(job.state) : null;
  }

  return {
    start: (args) => exclusively(async () => {
      if (!path.isAbsolute(args.destination)) {
        throw new AppCallError('The destination must be a full folder path: choose the folder again.', 'INVALID_ARGS');
      }
      const session = await sessions.require();
      const params: ArchiveJobParams = {
        source: session.baseUrl, accountId: session.account.id, outDir: path.resolve(args.destination),
        include: args.include, spaces: [...args.spaces], splitSize: args.splitSize,
      };
      restored = true;
      job = {
        params, classify: null, run: null,
        state: {
          jobId: archiveJobId(params), status: 'running', progress: startingProgress(), destination: params.outDir,
          archives: [], problems: [], error: null,
        },
      };
      return await launch(job, session);
    }),

    async pause() {
      restore();
      return (await stop('pause')) ?? (job ? structuredClone(job.state) : null);
    },

    resume: () => {
      restore();
      const current = job;
      if (current === null || current.run !== null || (current.state.status !== 'paused' && current.state.status !== 'failed')) {
        return Promise.resolve(current ? structuredClone(current.state) : null);
      }
      return exclusively(async () => {
        const session = await sessions.require();
        if (session.baseUrl !== current.params.source || session.account.id !== current.params.accountId) {
          throw new AppCallError(`This archive job belongs to another account or platform (${current.params.source}): sign in to it to resume, or start a new job.`, 'NOT_CONNECTED');
        }
        return await launch(current, session);
      });
    },

    async cancel() {
      restore();
      const stopped = await stop('cancel');
      if (stopped) return stopped;
      const current = job;
      if (current === null) return null;
      if (current.state.status === 'paused' || current.state.status === 'failed') {
        current.state = { ...current.state, status: 'cancelled', error: null };
        markInLibrary(current.state.jobId, 'cancelled');
        await removeStaging(current.state.jobId);
        publish(current, true);
      }
      return structuredClone(current.state);
    },

    status() {
      restore();
      return job ? structuredClone(job.state) : null;
    },

    destinations: () => [...destinations],

    async close() {
      // A quit pauses: the next run offers to resume.
      await stop('pause');
      throttle.cancel();
    },
  };
}
