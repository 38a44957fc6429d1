import type { Database, Statement } from 'better-sqlite3';

/*
 * Writes that carry many rows in one statement, as `VALUES (?, …), (?, …)`.
 *
 * FTS5 writes its pending terms out as a new index segment whenever a statement that needs a
 * statement journal starts, and every statement that fires the search-index triggers does. One
 * statement per row would write one tiny segment per row and spend most of its time merging
 * them; one statement per batch writes one segment per batch. It also saves the journal and the
 * binding overhead of a statement per row.
 *
 * Row counts are rounded up to a power of two with rows of NULLs, which each statement skips, so
 * a connection prepares at most seven variants of each statement (16 to 1,024 rows; the largest,
 * for items, holds about 2 MB).
 */
export const MAX_ROWS = 1024;

const statements = new WeakMap<Database, Map<string, unknown>>();

type Prepared<BindParameters, Result> = BindParameters extends unknown[] ? Statement<BindParameters, Result> : Statement<[BindParameters], Result>;

/**
 * `db.prepare(sql)`, once per connection: preparing costs tens of microseconds, a lot for calls
 * made 10,000 times in a run (one per ZIP). The statements here are few and fixed.
 */
export function cachedStatement<BindParameters extends unknown[] | object = unknown[], Result = unknown>(
  db: Database,
  sql: string,
): Prepared<BindParameters, Result> {
  let cache = statements.get(db);
  if (!cache) {
    cache = new Map();
    statements.set(db, cache);
  }
  let statement = cache.get(sql);
  if (statement === undefined) {
    statement = db.prepare<BindParameters, Result>(sql);
    cache.set(sql, statement);
  }
  return statement as Prepared<BindParameters, Result>;
}

/** Calls `write` for slices of at most MAX_ROWS rows. */
export function forEachSlice<T>(rows: readonly T[], write: (slice: readonly T[]) => void): void {
  for (let start = 0; start < rows.length; start += MAX_ROWS) write(rows.slice(start, start + MAX_ROWS));
}

/**
 * `VALUES (?, ?), (?, ?)` for the rows, `columns` values each, padded, and the flat parameter
 * list: `values(row)` gives one row's values, the padding rows are NULLs.
 */
export function valuesOf<T>(rows: readonly T[], columns: number, values: (row: T) => readonly unknown[]): { sql: string; params: unknown[] } {
  const padded = Math.max(16, 2 ** Math.ceil(Math.log2(Math.max(1, rows.length))));
  const params: unknown[] = [];
  for (const row of rows) {
    const rowValues = values(row);
    if (rowValues.length !== columns) throw new Error(`Expected ${columns} values for a row, got ${rowValues.length}.`);
    params.push(...rowValues);
  }
  for (let index = params.length; index < padded * columns; index += 1) params.push(null);
  const tuple = `(${Array.from({ length: columns }, () => '?').join(', ')})`;
  return { sql: `VALUES ${Array.from({ length: padded }, () => tuple).join(', ')}`, params };
}
