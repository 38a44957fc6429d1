import path from 'node:path';
import type { Library } from './library.ts';

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

/**
 * Records a written ZIP and points its items at it, in ONE transaction: the library never
 * claims an item is archived in a file that is not recorded, nor the reverse. Recording the
 * same path again replaces the earlier record (a resumed job may redo its last step), and its
 * items no longer claimed by the new file lose their archive link.
 * Throws, recording nothing, when an entry names an item the library does not hold.
 */
export function recordArchive(library: Library, archive: ArchiveInput, entries: readonly ArchivedEntry[]): LibraryArchive {
  if (!path.isAbsolute(archive.path)) throw new Error(`The archive path ${archive.path} is not absolute.`);
  const { db } = library;
  const previous = db.prepare<[string], { id: number }>('SELECT id FROM archives WHERE path = ?');
  const unlink = db.prepare<[number]>('UPDATE items SET archive_id = NULL, entry_path = NULL WHERE archive_id = ?');
  const remove = db.prepare<[number]>('DELETE FROM archives WHERE id = ?');
  const insert = db.prepare<Omit<ArchiveRow, 'id'>, ArchiveRow>(
    `INSERT INTO archives (source, account_id, space_id, title, part, parts, path, size, sha256, entry_count, created_at)
     VALUES (@source, @account_id, @space_id, @title, @part, @parts, @path, @size, @sha256, @entry_count, @created_at)
     RETURNING ${ARCHIVE_COLUMNS}`,
  );
  const point = db.prepare<{
    archive_id: number; entry_path: string; sha256: string; body_text: string | null; source: string; account_id: string; id: string;
  }>(
    `UPDATE items SET archive_id = @archive_id, entry_path = @entry_path, sha256 = @sha256,
       body_text = COALESCE(@body_text, body_text)
     WHERE source = @source AND account_id = @account_id AND id = @id`,
  );
  return db.transaction(() => {
    const replaced = previous.get(archive.path);
    if (replaced) {
      unlink.run(replaced.id);
      remove.run(replaced.id);
    }
    const row = insert.get({
      source: archive.source,
      account_id: archive.accountId,
      space_id: archive.spaceId,
      title: archive.title,
      part: archive.part,
      parts: archive.parts,
      path: archive.path,
      size: archive.size,
      sha256: archive.sha256,
      entry_count: archive.entryCount,
      created_at: archive.createdAt,
    });
    if (!row) throw new Error(`Recording ${archive.path} returned no row.`);
    for (const entry of entries) {
      const { changes } = point.run({
        archive_id: row.id,
        entry_path: entry.entryPath,
        sha256: entry.sha256,
        body_text: entry.bodyText ?? null,
        source: archive.source,
        account_id: archive.accountId,
        id: entry.itemId,
      });
      if (changes !== 1) {
        throw new Error(`Item ${entry.itemId} is not in the library, so ${path.basename(archive.path)} was not recorded: scan the account again.`);
      }
    }
    return toLibraryArchive(row);
  })();
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
