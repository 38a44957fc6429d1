import path from 'node:path';
import { cachedStatement, forEachSlice, valuesOf } from './batched-rows.ts';
import type { Library } from './library.ts';
import { StepExpectationError, runSqlSteps, type SqlStep } from './sql-steps.ts';

export interface ArchiveInput {
  source: string;
  accountId: string;
  /** null: the account's personal items */
  spaceId: string | null;
  title: string;
  part: number;
  parts: number;
  /** Absolute path of the ZIP. */
  path: string;
  size: number;
  sha256: string;
  entryCount: number;
  createdAt: string;
}

export interface LibraryArchive extends ArchiveInput {
  id: number;
}

/** Where one item sits inside an archive. `bodyText`, when given, feeds the full-text index. */
export interface ArchivedEntry {
  itemId: string;
  entryPath: string;
  sha256: string;
  bodyText?: string;
}

interface ArchiveRow {
  id: number;
  source: string;
  account_id: string;
  space_id: string | null;
  title: string;
  part: number;
  parts: number;
  path: string;
  size: number;
  sha256: string;
  entry_count: number;
  created_at: string;
}

const ARCHIVE_COLUMNS = 'id, source, account_id, space_id, title, part, parts, path, size, sha256, entry_count, created_at';

function toLibraryArchive(row: ArchiveRow): LibraryArchive {
  return {
    id: row.id,
    source: row.source,
    accountId: row.account_id,
    spaceId: row.space_id,
    title: row.title,
    part: row.part,
    parts: row.parts,
    path: row.path,
    size: row.size,
    sha256: row.sha256,
    entryCount: row.entry_count,
    createdAt: row.created_at,
  };
}

// The item's rowid through the unique key, looked up once per entry: written as a subquery so the
// entries drive the join (SQLite would otherwise walk the whole account for every statement).
const itemRowid = (id: string) => `(SELECT rowid FROM items WHERE source = ? AND account_id = ? AND id = ${id})`;

// Parameters: the archive's path, then source and account id, then the entries.
const pointSql = (values: string) => `
  UPDATE items SET archive_id = (SELECT id FROM archives WHERE path = ?), entry_path = entry.entry_path, sha256 = entry.sha256
  FROM (SELECT ${itemRowid('column1')} AS item_rowid, column2 AS entry_path, column3 AS sha256 FROM (${values})) AS entry
  WHERE items.rowid = entry.item_rowid`;

// Parameters: source and account id, then the entries (item id, text).
const bodiesSql = (values: string) => `
  INSERT INTO item_bodies (item_rowid, body_text)
  SELECT item_rowid, body_text FROM (SELECT ${itemRowid('column1')} AS item_rowid, column2 AS body_text FROM (${values}))
  WHERE item_rowid IS NOT NULL
  ON CONFLICT (item_rowid) DO UPDATE SET body_text = excluded.body_text WHERE body_text IS NOT excluded.body_text`;

const MISSING_ITEM = 'An entry names an item the library does not hold.';

interface PointedEntry {
  itemId: string;
  entryPath: string;
  sha256: string;
  bodyText: string | null;
}

/** One per item, in the order of first mention: the last entry's place wins, and the last text given. */
function entriesPerItem(entries: readonly ArchivedEntry[]): PointedEntry[] {
  const byItem = new Map<string, PointedEntry>();
  for (const entry of entries) {
    const earlier = byItem.get(entry.itemId);
    byItem.set(entry.itemId, {
      itemId: entry.itemId,
      entryPath: entry.entryPath,
      sha256: entry.sha256,
      bodyText: entry.bodyText ?? earlier?.bodyText ?? null,
    });
  }
  return [...byItem.values()];
}

/**
 * The statements that record a written ZIP and point its items at it, to run in ONE
 * transaction (runSqlSteps here, or runSqlStepsInWorker off the main thread): the library never
 * claims an item is archived in a file that is not recorded, nor the reverse. Recording the
 * same path again replaces the earlier record (a resumed job may redo its last step), and its
 * items no longer claimed by the new file lose their archive link. An entry's body text, when
 * given, replaces the item's; without one the item keeps what it had. The batch fails, recording
 * nothing, when an entry names an item the library does not hold (see missingItemError).
 * The last step returns the new record.
 */
export function recordArchiveSteps(archive: ArchiveInput, entries: readonly ArchivedEntry[]): SqlStep[] {
  if (!path.isAbsolute(archive.path)) throw new Error(`The archive path ${archive.path} is not absolute.`);
  const items = entriesPerItem(entries);
  const scope = [archive.source, archive.accountId];
  const steps: SqlStep[] = [
    { sql: 'UPDATE items SET archive_id = NULL, entry_path = NULL WHERE archive_id = (SELECT id FROM archives WHERE path = ?)', params: [archive.path] },
    { sql: 'DELETE FROM archives WHERE path = ?', params: [archive.path] },
    {
      sql: `INSERT INTO archives (source, account_id, space_id, title, part, parts, path, size, sha256, entry_count, created_at)
            VALUES (@source, @account_id, @space_id, @title, @part, @parts, @path, @size, @sha256, @entry_count, @created_at)`,
      params: {
        source: archive.source, account_id: archive.accountId, space_id: archive.spaceId, title: archive.title, part: archive.part,
        parts: archive.parts, path: archive.path, size: archive.size, sha256: archive.sha256, entry_count: archive.entryCount, created_at: archive.createdAt,
      },
    },
  ];
  forEachSlice(items, (slice) => {
    const { sql, params } = valuesOf(slice, 3, (entry) => [entry.itemId, entry.entryPath, entry.sha256]);
    steps.push({ sql: pointSql(sql), params: [archive.path, ...scope, ...params], expectChanges: slice.length, failure: MISSING_ITEM });
  });
  forEachSlice(items.filter((entry) => entry.bodyText !== null), (slice) => {
    const { sql, params } = valuesOf(slice, 2, (entry) => [entry.itemId, entry.bodyText]);
    steps.push({ sql: bodiesSql(sql), params: [...scope, ...params] });
  });
  steps.push({ sql: `SELECT ${ARCHIVE_COLUMNS} FROM archives WHERE path = ?`, params: [archive.path], mode: 'all' });
  return steps;
}

/** The record the last of recordArchiveSteps returned. */
export function recordedArchive(results: readonly (unknown[] | null)[], archivePath: string): LibraryArchive {
  const row = results.at(-1)?.[0] as ArchiveRow | undefined;
  if (!row) throw new Error(`Recording ${archivePath} returned no row.`);
  return toLibraryArchive(row);
}

/**
 * After recordArchiveSteps failed for an item the library does not hold: the error that names
 * it (found on the caller's connection; the failed batch recorded nothing).
 */
function missingItemError(library: Library, archive: ArchiveInput, entries: readonly ArchivedEntry[]): Error {
  const held = cachedStatement<[string, string, string], { found: number }>(library.db, 'SELECT 1 AS found FROM items WHERE source = ? AND account_id = ? AND id = ?');
  const missing = entries.find((entry) => !held.get(archive.source, archive.accountId, entry.itemId)) ?? entries[0];
  return new Error(`Item ${missing?.itemId} is not in the library, so ${path.basename(archive.path)} was not recorded: scan the account again.`);
}

/** A failed batch of recordArchiveSteps, explained: the item missing named when that was it. */
export function explainRecordFailure(error: unknown, library: Library, archive: ArchiveInput, entries: readonly ArchivedEntry[]): unknown {
  return error instanceof StepExpectationError && error.message === MISSING_ITEM ? missingItemError(library, archive, entries) : error;
}

/** recordArchiveSteps on this connection, in one transaction (nested in the caller's, if any). */
export function recordArchive(library: Library, archive: ArchiveInput, entries: readonly ArchivedEntry[]): LibraryArchive {
  try {
    return recordedArchive(runSqlSteps(library.db, recordArchiveSteps(archive, entries), true), archive.path);
  } catch (error) {
    throw explainRecordFailure(error, library, archive, entries);
  }
}

export function listArchives(library: Library): LibraryArchive[] {
  return library.db
    .prepare<[], ArchiveRow>(`SELECT ${ARCHIVE_COLUMNS} FROM archives ORDER BY created_at, id`)
    .all()
    .map(toLibraryArchive);
}

export function getArchive(library: Library, id: number): LibraryArchive | null {
  const row = library.db.prepare<[number], ArchiveRow>(`SELECT ${ARCHIVE_COLUMNS} FROM archives WHERE id = ?`).get(id);
  return row ? toLibraryArchive(row) : null;
}
