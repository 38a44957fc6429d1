import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { z } from 'zod';
import { StepExpectationError, type SqlStep } from './sql-steps.ts';

/*
 * The same loop as runSqlSteps, as plain JavaScript source for `new Worker(source, { eval: true })`:
 * a worker file would be a TypeScript module that neither the bundled app nor plain Node could
 * load. Its own connection, temp files allowed (a merge of 1,000,000 rows spills its statement
 * journal to disk), and a long busy timeout: the main thread may be reading meanwhile.
 */
const SQL_WORKER_SOURCE = `
'use strict';
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
let db = null;
try {
  db = new Database(workerData.file, { fileMustExist: true, timeout: 30000 });
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = NORMAL');
  db.pragma('temp_store = FILE');
  const run = () => workerData.steps.map((step) => {
    const statement = db.prepare(step.sql);
    if (step.mode === 'all') return step.params ? statement.all(step.params) : statement.all();
    const result = step.params ? statement.run(step.params) : statement.run();
    if (step.expectChanges !== undefined && result.changes !== step.expectChanges) {
      const error = new Error(step.failure || 'Expected ' + step.expectChanges + ' changed rows, got ' + result.changes + '.');
      error.expectation = true;
      throw error;
    }
    return null;
  });
  const results = workerData.transaction ? db.transaction(run).immediate() : run();
  parentPort.postMessage({ results });
} catch (error) {
  parentPort.postMessage({ error: error && error.message ? error.message : String(error), expectation: Boolean(error && error.expectation) });
} finally {
  if (db !== null) db.close();
}
`;

const ReplySchema = z.union([
  z.object({ results: z.array(z.array(z.unknown()).nullable()) }),
  z.object({ error: z.string(), expectation: z.boolean() }),
]);

/**
 * Runs a batch of statements against the library file on a thread of its own, so that seconds
 * of SQLite work (merging a scan of 1,000,000 items) never freeze the app's main process.
 */
export function runSqlStepsInWorker(file: string, steps: readonly SqlStep[], transaction: boolean): Promise<(unknown[] | null)[]> {
  // The driver the core itself loads, wherever the app was installed.
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  return new Promise((resolve, reject) => {
    // Without the parent's flags: a loader such as tsx would only slow the start of plain JS.
    const worker = new Worker(SQL_WORKER_SOURCE, { eval: true, execArgv: [], workerData: { driver, file, steps, transaction } });
    let settled = false;
    worker.once('message', (message: unknown) => {
      settled = true;
      const reply = ReplySchema.safeParse(message);
      if (!reply.success) reject(new Error('The library worker answered something unexpected.'));
      else if ('results' in reply.data) resolve(reply.data.results);
      else reject(reply.data.expectation ? new StepExpectationError(reply.data.error) : new Error(reply.data.error));
    });
    worker.once('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`The library worker stopped (exit code ${code}) before it answered.`));
    });
  });
}
