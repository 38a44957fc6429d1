import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { z } from 'zod';
import type { RowidQuery } from '../library/item-list-query.ts';

/**
 * Runs the one slow query of the items list, sorting 1,000,000 rows by a column no index holds
 * (seconds), on a thread of its own with its own connection to the library, so the main
 * process (windows, IPC, the other calls) never waits for it. Source text for
 * `new Worker(source, { eval: true })`, like the compression worker: a worker file would be a
 * TypeScript module that neither the bundled app nor a plain Node worker could load.
 */
const ROWID_WORKER_SOURCE = `
'use strict';
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
let db = null;
let file = null;

parentPort.on('message', (job) => {
  try {
    if (file !== job.file) {
      if (db !== null) db.close();
      db = null;
      db = new Database(job.file, { fileMustExist: true, timeout: 5000 });
      // It only reads: the library's writers are elsewhere.
      db.pragma('query_only = ON');
      file = job.file;
    }
    const rowids = Float64Array.from(db.prepare(job.sql).pluck().all(job.params));
    parentPort.postMessage({ id: job.id, rowids: rowids.buffer }, [rowids.buffer]);
  } catch (error) {
    parentPort.postMessage({ id: job.id, error: error instanceof Error ? error.message : String(error) });
  }
});
`;

const ReplySchema = z.union([
  z.object({ id: z.number(), rowids: z.instanceof(ArrayBuffer) }),
  z.object({ id: z.number(), error: z.string() }),
]);

interface Job {
  resolve(rowids: Float64Array): void;
  reject(error: Error): void;
}

export interface RowidWorker {
  /** The rowids `query` selects from the library in `file`, in order. */
  run(file: string, query: RowidQuery): Promise<Float64Array>;
  close(): Promise<void>;
}

export function createRowidWorker(): RowidWorker {
  const jobs = new Map<number, Job>();
  let thread: Worker | null = null;
  let nextId = 1;

  function failAll(error: Error): void {
    for (const job of jobs.values()) job.reject(error);
    jobs.clear();
  }

  function spawn(): Worker {
    // The driver the core itself loads, wherever the app was installed.
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    // Without the parent's flags: a loader such as tsx would only slow the start of plain JS.
    const worker = new Worker(ROWID_WORKER_SOURCE, { eval: true, execArgv: [], workerData: { driver } });
    worker.on('message', (message: unknown) => {
      const reply = ReplySchema.safeParse(message);
      if (!reply.success) return;
      const job = jobs.get(reply.data.id);
      if (!job) return;
      jobs.delete(reply.data.id);
      if (jobs.size === 0) worker.unref();
      if ('error' in reply.data) job.reject(new Error(reply.data.error));
      else job.resolve(new Float64Array(reply.data.rowids));
    });
    worker.on('error', (error) => failAll(error));
    worker.on('exit', (code) => {
      if (thread === worker) thread = null;
      failAll(new Error(`The items list's worker stopped (exit code ${code}).`));
    });
    return worker;
  }

  return {
    run(file, query) {
      thread ??= spawn();
      const worker = thread;
      const id = nextId++;
      return new Promise<Float64Array>((resolve, reject) => {
        jobs.set(id, { resolve, reject });
        worker.ref();
        worker.postMessage({ id, file, sql: query.sql, params: query.params });
      });
    },
    async close() {
      const worker = thread;
      thread = null;
      await worker?.terminate();
    },
  };
}
