import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { z } from 'zod';
import { connectionPragmas } from './library.ts';
import { StepExpectationError, type SqlStep } from './sql-steps.ts';

/*
 * The same loop as runSqlSteps, as plain JavaScript source for `new Worker(source, { eval: true })`:
 * a worker file would be a TypeScript module that neither the bundled app nor plain Node could
 * load. Its own connection, kept open for the batches that follow, set up like a job's (temp
 * files allowed: a merge of 1,000,000 rows spills its statement journal to disk), and a long
 * busy timeout: the main thread may be reading meanwhile.
 */
const SQL_WORKER_SOURCE = `
'use strict';
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
let db = null;
const statements = new Map();
const prepared = (sql) => {
  let statement = statements.get(sql);
  if (statement === undefined) {
    statement = db.prepare(sql);
    statements.set(sql, statement);
  }
  return statement;
};
parentPort.on('message', ({ id, steps, transaction }) => {
  try {
    if (db === null) {
      db = new Database(workerData.file, { fileMustExist: true, timeout: 30000 });
      for (const pragma of workerData.pragmas) db.pragma(pragma);
    }
    const run = () => steps.map((step) => {
      const statement = prepared(step.sql);
      if (step.mode === 'all') return step.params ? statement.all(step.params) : statement.all();
      const result = step.params ? statement.run(step.params) : statement.run();
      if (step.expectChanges !== undefined && result.changes !== step.expectChanges) {
        const error = new Error(step.failure || 'Expected ' + step.expectChanges + ' changed rows, got ' + result.changes + '.');
        error.expectation = true;
        throw error;
      }
      return null;
    });
    const results = transaction ? db.transaction(run).immediate() : run();
    parentPort.postMessage({ id, results });
  } catch (error) {
    parentPort.postMessage({ id, error: error && error.message ? error.message : String(error), expectation: Boolean(error && error.expectation) });
  }
});
`;

const ReplySchema = z.union([
  z.object({ id: z.number(), results: z.array(z.array(z.unknown()).nullable()) }),
  z.object({ id: z.number(), error: z.string(), expectation: z.boolean() }),
]);

/** A worker with nothing to do stops after this long; the next batch starts another. */
const IDLE_MS = 5_000;

interface Batch {
  resolve: (results: (unknown[] | null)[]) => void;
  reject: (error: Error) => void;
}

/**
 * One worker thread and connection per library file, reused batch after batch (an archive job
 * records a part every few seconds; starting a thread and loading the driver each time cost
 * more than a small batch). It holds the process open only while it has work.
 */
class LibraryWorker {
  readonly #thread: Worker;
  readonly #batches = new Map<number, Batch>();
  readonly #onStop: () => void;
  #nextId = 1;
  #idleTimer: NodeJS.Timeout | null = null;
  #stopped = false;

  constructor(file: string, onStop: () => void) {
    this.#onStop = onStop;
    // The driver the core itself loads, wherever the app was installed.
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    // Without the parent's flags: a loader such as tsx would only slow the start of plain JS.
    this.#thread = new Worker(SQL_WORKER_SOURCE, { eval: true, execArgv: [], workerData: { driver, file, pragmas: connectionPragmas('job') } });
    this.#thread.on('message', (message: unknown) => this.#answer(message));
    this.#thread.once('error', (error) => this.#stop(error));
    this.#thread.once('exit', (code) => this.#stop(new Error(`The library worker stopped (exit code ${code}) before it answered.`)));
    this.#thread.unref();
  }

  get stopped(): boolean {
    return this.#stopped;
  }

  run(steps: readonly SqlStep[], transaction: boolean): Promise<(unknown[] | null)[]> {
    if (this.#idleTimer !== null) clearTimeout(this.#idleTimer);
    this.#idleTimer = null;
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#batches.set(id, { resolve, reject });
      this.#thread.ref();
      this.#thread.postMessage({ id, steps, transaction });
    });
  }

  #answer(message: unknown): void {
    const reply = ReplySchema.safeParse(message);
    const id = reply.success ? reply.data.id : null;
    const batch = id === null ? undefined : this.#batches.get(id);
    if (!reply.success || id === null || batch === undefined) {
      this.#stop(new Error('The library worker answered something unexpected.'));
      return;
    }
    this.#batches.delete(id);
    if ('results' in reply.data) batch.resolve(reply.data.results);
    else batch.reject(reply.data.expectation ? new StepExpectationError(reply.data.error) : new Error(reply.data.error));
    if (this.#batches.size === 0) this.#idle();
  }

  #idle(): void {
    this.#thread.unref();
    this.#idleTimer = setTimeout(() => {
      this.#onStop();
      this.#stopped = true;
      void this.#thread.terminate();
    }, IDLE_MS);
    this.#idleTimer.unref();
  }

  #stop(error: Error): void {
    if (this.#idleTimer !== null) clearTimeout(this.#idleTimer);
    if (!this.#stopped) this.#onStop();
    this.#stopped = true;
    for (const batch of this.#batches.values()) batch.reject(error);
    this.#batches.clear();
    void this.#thread.terminate();
  }
}

const workers = new Map<string, LibraryWorker>();

/**
 * Runs a batch of statements against the library file on a thread of its own, so that seconds
 * of SQLite work (merging a scan of 1,000,000 items, indexing an archive part) never freeze the
 * main thread. Batches for the same file run one after another, in the order given.
 */
export function runSqlStepsInWorker(file: string, steps: readonly SqlStep[], transaction: boolean): Promise<(unknown[] | null)[]> {
  let worker = workers.get(file);
  if (worker === undefined || worker.stopped) {
    const started: LibraryWorker = new LibraryWorker(file, () => {
      if (workers.get(file) === started) workers.delete(file);
    });
    worker = started;
    workers.set(file, worker);
  }
  return worker.run(steps, transaction);
}
