import type { Database } from 'better-sqlite3';
import type { Migration } from './migration.ts';
import * as initial from './001-initial.ts';
import * as bulk from './002-bulk.ts';
import * as scanRuns from './003-scan-runs.ts';
import * as searchAndTotals from './004-search-and-totals.ts';

/** In version order; append, never edit a released one. */
export const MIGRATIONS: readonly Migration[] = [initial, bulk, scanRuns, searchAndTotals];

export const LATEST_VERSION: number = MIGRATIONS.at(-1)?.version ?? 0;

export class NewerLibraryError extends Error {
  readonly foundVersion: number;
  readonly knownVersion: number;

  constructor(foundVersion: number, knownVersion: number) {
    super('This library was written by a newer TwinArchive: update the app.');
    this.name = 'NewerLibraryError';
    this.foundVersion = foundVersion;
    this.knownVersion = knownVersion;
  }
}

export function userVersion(db: Database): number {
  const value = db.pragma('user_version', { simple: true });
  if (typeof value !== 'number') throw new Error(`PRAGMA user_version returned ${String(value)}.`);
  return value;
}

export interface MigrateOptions {
  /** Stop after this version (tests migrate to N-1, seed, then to N). Defaults to the last one. */
  to?: number;
  migrations?: readonly Migration[];
}

/**
 * Applies each pending migration in its own IMMEDIATE transaction together with its
 * `user_version` bump, so a crash or a failing step leaves the previous version intact. The
 * version is re-read inside the lock: two processes opening the same library migrate once.
 */
export function migrate(db: Database, options: MigrateOptions = {}): number {
  const migrations = options.migrations ?? MIGRATIONS;
  assertOrdered(migrations);
  const known = migrations.at(-1)?.version ?? 0;
  const found = userVersion(db);
  if (found > known) throw new NewerLibraryError(found, known);
  const target = options.to ?? known;
  for (const migration of migrations) {
    if (migration.version > target) break;
    db.transaction(() => {
      if (userVersion(db) >= migration.version) return;
      migration.up(db);
      // PRAGMA takes no parameters; the version is an integer checked by assertOrdered.
      db.pragma(`user_version = ${migration.version}`);
    }).immediate();
  }
  return userVersion(db);
}

function assertOrdered(migrations: readonly Migration[]): void {
  migrations.forEach((migration, index) => {
    if (!Number.isInteger(migration.version) || migration.version !== index + 1) {
      throw new Error(`Migration ${index + 1} declares version ${migration.version}: versions must be 1, 2, 3, ...`);
    }
  });
}
