import type { Database } from 'better-sqlite3';
import { cachedStatement } from './batched-rows.ts';
import type { Library } from './library.ts';

export interface SnippetSource {
  /** Any integer unique within one call, such as the item's rowid. */
  key: number;
  title: string;
  bodyText: string | null;
}

/*
 * Snippets for one page of hits, written by FTS5 itself on a scratch index of just those rows in
 * the connection's temp schema: the same tokenizer, columns (title, body_text) and snippet() as
 * the single index of library version 3, so the same passages. Asking the library's indexes for
 * them row by row would rebuild the match list of a prefix query ("a*") once per row.
 */
const SETUP = `
  CREATE TEMP TABLE IF NOT EXISTS search_snippet_rows (rowid INTEGER PRIMARY KEY, title TEXT, body_text TEXT);
  CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_snippets USING fts5(
    title, body_text,
    content = 'search_snippet_rows', content_rowid = 'rowid',
    tokenize = 'unicode61 remove_diacritics 2'
  );`;

const prepared = new WeakSet<Database>();

/** The snippet of every source that matches `match` (an FTS5 query from toFtsQuery), by key. */
export function snippetsOf(library: Library, match: string, sources: readonly SnippetSource[]): Map<number, string> {
  const { db } = library;
  if (sources.length === 0) return new Map();
  if (!prepared.has(db)) {
    db.exec(SETUP);
    prepared.add(db);
  }
  const addRow = cachedStatement<[number, string, string | null]>(db, 'INSERT INTO temp.search_snippet_rows (rowid, title, body_text) VALUES (?, ?, ?)');
  const addIndex = cachedStatement<[number, string, string | null]>(db, 'INSERT INTO temp.search_snippets (rowid, title, body_text) VALUES (?, ?, ?)');
  const snippets = cachedStatement<[string], { key: number; snippet: string }>(
    db,
    `SELECT rowid AS key, snippet(search_snippets, -1, '«', '»', '…', 16) AS snippet FROM temp.search_snippets WHERE search_snippets MATCH ?`,
  );
  return db.transaction(() => {
    try {
      for (const source of sources) {
        addRow.run(source.key, source.title, source.bodyText);
        addIndex.run(source.key, source.title, source.bodyText);
      }
      return new Map(snippets.all(match).map((row) => [row.key, row.snippet]));
    } finally {
      cachedStatement(db, "INSERT INTO temp.search_snippets (search_snippets) VALUES ('delete-all')").run();
      cachedStatement(db, 'DELETE FROM temp.search_snippet_rows').run();
    }
  })();
}
