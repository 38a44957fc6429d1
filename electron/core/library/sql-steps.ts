import type { Database } from 'better-sqlite3';
import { cachedStatement } from './batched-rows.ts';

/** One statement of a batch that may run on this thread or on a worker (see sql-worker.ts). */
export interface SqlStep {
  sql: string;
  /** Named parameters, or a list for anonymous ones (`?`). */
  params?: Record<string, string | number | null> | readonly unknown[];
  /** 'all' returns the rows; 'run' (the default) returns null. */
  mode?: 'run' | 'all';
  /** The batch fails with `failure` unless the statement changes exactly this many rows. */
  expectChanges?: number;
  failure?: string;
}

/** A step's expectation did not hold: the whole batch was rolled back. */
export class StepExpectationError extends Error {
  override readonly name = 'StepExpectationError';
}

/** Runs the steps in order, in one IMMEDIATE transaction when asked; returns each step's rows. */
export function runSqlSteps(db: Database, steps: readonly SqlStep[], transaction: boolean): (unknown[] | null)[] {
  const run = () => steps.map((step) => {
    const statement = cachedStatement(db, step.sql);
    if (step.mode === 'all') return step.params ? statement.all(step.params) : statement.all();
    const result = step.params ? statement.run(step.params) : statement.run();
    if (step.expectChanges !== undefined && result.changes !== step.expectChanges) {
      throw new StepExpectationError(step.failure ?? `Expected ${step.expectChanges} changed rows, got ${result.changes}.`);
    }
    return null;
  });
  return transaction ? db.transaction(run).immediate() : run();
}
