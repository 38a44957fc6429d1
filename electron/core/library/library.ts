import { mkdirSync } from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Database } from 'better-sqlite3';
import { migrate } from './migrations/index.ts';

/** An open library database. Repositories are plain functions of it. */
export interface Library {
  readonly db: Database;
  readonly file: string;
  close(): void;
}

/**
 * How a connection uses memory. `interactive` (the app, search, reports) keeps 32 MB of pages
 * and its statement journals in memory for fast repeated queries; `job` (a long archive or bulk
 * run in its own process) keeps 8 MB and lets statement journals spill to temporary files, which
 * the page cache absorbs: about 55 MB less resident at 70,000 items, no slower.
 */
export type LibraryProfile = 'interactive' | 'job';

const PROFILE_PRAGMAS: Record<LibraryProfile, { cacheKiB: number; tempStore: 'MEMORY' | 'FILE' }> = {
  interactive: { cacheKiB: 32_000, tempStore: 'MEMORY' },
  job: { cacheKiB: 8_000, tempStore: 'FILE' },
};

/**
 * The settings every connection to a library runs with, the worker's included (see
 * sql-worker.ts): a statement must behave the same whichever thread runs it.
 */
export function connectionPragmas(profile: LibraryProfile): string[] {
  const pragmas = PROFILE_PRAGMAS[profile];
  return [
    // NORMAL is durable up to the last checkpoint in WAL mode and never corrupts: a crash can
    // only lose the last transactions, which a resumable job redoes.
    'synchronous = NORMAL',
    'foreign_keys = ON',
    // The rows an INSERT OR REPLACE pushes out of items must leave the search index and the
    // totals through their DELETE triggers, which SQLite runs for REPLACE only with this on.
    'recursive_triggers = ON',
    // In memory, statement journals (every upsert that fires the FTS triggers needs one) cost no
    // syscalls; as temp files, 8 per row when importing 100,000s of items: see LibraryProfile.
    `temp_store = ${pragmas.tempStore}`,
    `cache_size = -${pragmas.cacheKiB}`,
    // After a checkpoint the WAL file is cut back to 64 MB instead of keeping its largest size forever.
    'journal_size_limit = 67108864',
    // Checkpoint every ~40 MB of WAL instead of every 4 MB: each checkpoint syncs the database file,
    // and pages that every commit touches (index leaves, full-text segments being merged) are then
    // copied into it once instead of ten times. Inserting 1,000,000 scanned items took 33 s instead of 60.
    'wal_autocheckpoint = 10000',
  ];
}

/**
 * Opens (creating if needed) the library at `file` and brings its schema up to date.
 * Throws NewerLibraryError when a newer TwinArchive wrote it.
 */
export function openLibrary(file: string, profile: LibraryProfile = 'interactive'): Library {
  mkdirSync(path.dirname(file), { recursive: true });
  const db = new BetterSqlite3(file, { timeout: 5000 });
  try {
    db.pragma('journal_mode = WAL');
    for (const pragma of connectionPragmas(profile)) db.pragma(pragma);
    migrate(db);
  } catch (error) {
    db.close();
    throw explain(error, file);
  }
  return {
    db,
    file,
    close() {
      if (!db.open) return;
      // Recommended before closing: refreshes planner statistics where they went stale, cheaply.
      db.pragma('optimize');
      db.close();
    },
  };
}

function explain(error: unknown, file: string): unknown {
  if (error instanceof BetterSqlite3.SqliteError && error.code === 'SQLITE_NOTADB') {
    return new Error(`${file} is not a TwinArchive library: choose another file or move it away.`, { cause: error });
  }
  return error;
}
