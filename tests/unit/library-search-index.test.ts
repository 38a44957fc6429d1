import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { recordArchive, type ArchiveInput } from '../../electron/core/library/archives-repository.ts';
import { upsertItems } from '../../electron/core/library/items-repository.ts';
import type { Library } from '../../electron/core/library/library.ts';
import { migrate } from '../../electron/core/library/migrations/index.ts';
import * as searchAndTotals from '../../electron/core/library/migrations/004-search-and-totals.ts';
import { search } from '../../electron/core/library/search.ts';
import { runSqlStepsInWorker } from '../../electron/core/library/sql-worker.ts';
import { summary } from '../../electron/core/library/summary.ts';
import { SCOPE, item } from './library-fixtures.ts';
import { useTempLibraries } from './library-temp.ts';

const temp = useTempLibraries();

const archive = (file: string, extra: Partial<ArchiveInput> = {}): ArchiveInput => ({
  source: SCOPE.source, accountId: SCOPE.accountId, spaceId: 'g-1', title: 'G1', part: 1, parts: 1,
  path: file, size: 1_000, sha256: 'f'.repeat(64), entryCount: 1, createdAt: '2025-11-29T00:00:00Z', ...extra,
});

const ids = (library: Library, query: string, options?: Parameters<typeof search>[2]) => search(library, query, options).map((hit) => hit.itemId);

/**
 * Holds both full-text indexes and the kept totals to what items and item_bodies say: FTS5's own
 * check re-reads every indexed text through the content tables and compares, and the totals are
 * compared with a count over items.
 */
function expectIndexesExact(library: Library): void {
  const { db } = library;
  expect(() => db.prepare("INSERT INTO items_fts (items_fts, rank) VALUES ('integrity-check', 1)").run()).not.toThrow();
  expect(() => db.prepare("INSERT INTO item_bodies_fts (item_bodies_fts, rank) VALUES ('integrity-check', 1)").run()).not.toThrow();
  const count = (sql: string) => db.prepare(sql).pluck().get();
  expect(count('SELECT count(*) FROM item_bodies_fts_docsize')).toBe(count('SELECT count(*) FROM item_bodies'));

  const kept = db
    .prepare(`SELECT source, account_id, verdict, rule, items, bytes, archived_items, archived_bytes
              FROM item_totals WHERE items <> 0 ORDER BY 1, 2, 3, 4`)
    .all();
  const counted = db
    .prepare(`SELECT source, account_id, verdict, rule, count(*) AS items, sum(size) AS bytes,
                count(archive_id) AS archived_items, sum(CASE WHEN archive_id IS NULL THEN 0 ELSE size END) AS archived_bytes
              FROM items GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`)
    .all();
  expect(kept).toEqual(counted);
  expect(count('SELECT count(*) FROM item_totals WHERE items = 0 AND (bytes <> 0 OR archived_items <> 0 OR archived_bytes <> 0)')).toBe(0);
}

describe('migration 4: search index and totals', () => {
  it('moves the archived bodies of a version 3 library into item_bodies, keeps them searchable, and counts the totals', () => {
    const file = path.join(temp.folder(), 'library.sqlite');
    const db = new BetterSqlite3(file);
    expect(migrate(db, { to: 3 })).toBe(3);
    db.exec(`
      INSERT INTO archives (id, source, account_id, space_id, title, part, parts, path, size, sha256, entry_count, created_at)
      VALUES (7, 's', 'u-1', 'g-1', 'Rivers', 1, 1, '/a.zip', 10, '${'0'.repeat(64)}', 2, '2024-01-01T00:00:00Z');
      INSERT INTO items (source, account_id, id, space_id, type, title, created_at, verdict, rule, reason_en, reason_nl, quote, size,
                         sha256, archive_id, entry_path, body_text)
      VALUES
        ('s', 'u-1', 'i-1', 'g-1', 'page', 'Lente in de tuin', '2019-03-01T10:00:00Z', 'lost', 'G2', 'x', 'y', 'q', 100,
         '${'1'.repeat(64)}', 7, 'Pages/lente.html', 'Bloesem in de boomgaard, bijen overal.'),
        ('s', 'u-1', 'i-2', 'g-1', 'page', 'Herfst', '2019-10-01T10:00:00Z', 'lost', 'G2', 'x', 'y', 'q', 50,
         '${'2'.repeat(64)}', 7, 'Pages/herfst.html', NULL),
        ('s', 'u-1', 'i-3', NULL, 'photo', 'Klimaatactie op school', '2020-01-01T10:00:00Z', 'migrates', 'P1', 'x', 'y', 'q', 7,
         NULL, NULL, NULL, NULL);
    `);
    db.close();

    const library = temp.open(file);
    expect(library.db.pragma('user_version', { simple: true })).toBe(searchAndTotals.version);
    const columns = library.db.prepare("SELECT name FROM pragma_table_info('items')").pluck().all();
    expect(columns).not.toContain('body_text');
    expect(library.db.prepare('SELECT item_rowid, body_text FROM item_bodies').all()).toEqual([
      { item_rowid: 1, body_text: 'Bloesem in de boomgaard, bijen overal.' },
    ]);
    expect(ids(library, 'boomgaard')).toEqual(['i-1']);
    expect(ids(library, 'lente bijen')).toEqual(['i-1']);
    expect(ids(library, 'herfst')).toEqual(['i-2']);
    expect(ids(library, 'klimaat')).toEqual(['i-3']);
    expect(search(library, 'boomgaard')[0]).toMatchObject({ archivePath: '/a.zip', entryPath: 'Pages/lente.html', snippet: expect.stringContaining('«boomgaard»') });
    expect(summary(library)).toMatchObject({
      items: 3, bytes: 157,
      archived: { items: 2, bytes: 150, byVerdict: { lost: { items: 2, bytes: 150 }, migrates: { items: 0, bytes: 0 } } },
      byRule: { G2: { items: 2, bytes: 150 }, P1: { items: 1, bytes: 7 } },
    });
    expectIndexesExact(library);
  });
});

describe('the search index and the totals', () => {
  it('stay exact through the repositories and through plain SQL on items and item_bodies', () => {
    const library = temp.open();
    const { db } = library;
    upsertItems(library, SCOPE, [
      item('a', { title: 'Klimaat en water', size: 10 }),
      item('b', { title: 'Water', verdict: 'migrates', rule: 'G2', size: 20 }),
      item('c', { title: 'Een verslag over de rivier', verdict: 'uncertain', rule: 'T1', size: 30 }),
      item('d', { title: 'Foto', size: 40 }),
    ]);
    recordArchive(library, archive('/archives/1.zip'), [
      { itemId: 'a', entryPath: 'a', sha256: '1'.repeat(64), bodyText: 'De rivier stroomt naar zee.' },
      { itemId: 'c', entryPath: 'c', sha256: '3'.repeat(64), bodyText: 'Leerlingen meten het water.' },
    ]);
    expectIndexesExact(library);

    // A rescan as scan-merge writes it: one INSERT … SELECT … ON CONFLICT DO UPDATE.
    db.exec(`
      INSERT INTO items (source, account_id, id, space_id, type, title, created_at, verdict, rule, reason_en, reason_nl, quote, size)
      SELECT '${SCOPE.source}', '${SCOPE.accountId}', column1, 'g-1', 'page', column2, '2020-01-01T00:00:00Z', column3, 'G1', 'r', 'r', 'q', column4
      FROM (VALUES ('a', 'Klimaat, water en lucht', 'lost', 11), ('b', 'Water', 'lost', 20), ('e', 'Nieuw verslag', 'uncertain', 5)) WHERE true
      ON CONFLICT (source, account_id, id) DO UPDATE SET title = excluded.title, verdict = excluded.verdict, rule = excluded.rule, size = excluded.size
      WHERE items.title IS NOT excluded.title OR items.verdict IS NOT excluded.verdict OR items.size IS NOT excluded.size;
    `);
    expectIndexesExact(library);
    expect(ids(library, 'lucht')).toEqual(['a']);
    expect(ids(library, 'verslag')).toEqual(['c', 'e']);

    db.exec("UPDATE item_bodies SET body_text = 'De beek stroomt naar zee.' WHERE item_rowid = (SELECT rowid FROM items WHERE id = 'a')");
    db.exec("DELETE FROM item_bodies WHERE item_rowid = (SELECT rowid FROM items WHERE id = 'c')");
    db.exec("UPDATE items SET title = '  Foto   van de beek ' WHERE id = 'd'");
    db.exec("UPDATE items SET archive_id = NULL WHERE id = 'a'");
    db.exec("UPDATE items SET size = size + 1, verdict = 'migrates' WHERE id = 'c'");
    expectIndexesExact(library);
    expect(ids(library, 'rivier')).toEqual(['c']);
    expect(ids(library, 'beek')).toEqual(['d', 'a']);
    expect(ids(library, 'meten')).toEqual([]);

    db.exec("DELETE FROM items WHERE id IN ('a', 'b')");
    db.exec(`INSERT OR REPLACE INTO items (rowid, source, account_id, id, space_id, type, title, created_at, verdict, rule, reason_en, reason_nl, quote, size)
             SELECT rowid, source, account_id, id, space_id, type, 'Vervangen', created_at, verdict, rule, reason_en, reason_nl, quote, 99 FROM items WHERE id = 'e'`);
    expectIndexesExact(library);
    expect(db.prepare('SELECT count(*) AS n FROM item_bodies').get()).toEqual({ n: 0 });
    expect(ids(library, 'beek')).toEqual(['d']);
    expect(ids(library, 'vervangen')).toEqual(['e']);
    expect(summary(library)).toMatchObject({ items: 3, bytes: 40 + 31 + 99, archived: { items: 1, bytes: 31 } });

    // Deleting an archive row unlinks its items through ON DELETE SET NULL, an UPDATE like any other.
    db.exec("DELETE FROM archives WHERE path = '/archives/1.zip'");
    expectIndexesExact(library);
    expect(summary(library).archived).toMatchObject({ items: 0, bytes: 0 });
  });

  it('stay exact when the library worker writes: its connection is set up like every other', async () => {
    const library = temp.open();
    upsertItems(library, SCOPE, [item('a', { title: 'Klimaat en water', size: 10 }), item('b', { title: 'Water', size: 20 })]);
    recordArchive(library, archive('/archives/1.zip'), [
      { itemId: 'a', entryPath: 'a', sha256: '1'.repeat(64), bodyText: 'De rivier stroomt naar zee.' },
    ]);
    // REPLACE deletes the old row first: without recursive_triggers its DELETE triggers would
    // not run, and the old title and body would stay findable.
    await runSqlStepsInWorker(library.file, [{
      sql: `INSERT OR REPLACE INTO items (rowid, source, account_id, id, space_id, type, title, created_at, verdict, rule, reason_en, reason_nl, quote, size)
            SELECT rowid, source, account_id, id, space_id, type, 'Vervangen', created_at, verdict, rule, reason_en, reason_nl, quote, 99 FROM items WHERE id = 'a'`,
    }], true);
    expectIndexesExact(library);
    expect(ids(library, 'klimaat')).toEqual([]);
    expect(ids(library, 'rivier')).toEqual([]);
    expect(ids(library, 'vervangen')).toEqual(['a']);
    const settings = await runSqlStepsInWorker(library.file, ['recursive_triggers', 'foreign_keys', 'wal_autocheckpoint']
      .map((pragma) => ({ sql: `PRAGMA ${pragma}`, mode: 'all' as const })), false);
    expect(settings).toEqual([[{ recursive_triggers: 1 }], [{ foreign_keys: 1 }], [{ wal_autocheckpoint: 10_000 }]]);
  });

  it('write thousands of rows per statement, in one transaction, and still refuse an unknown item', () => {
    const library = temp.open();
    const many = Array.from({ length: 2_500 }, (_, index) => item(`i-${index}`, { title: `Verslag ${index}`, size: index }));
    // The same id twice in one call: the later one wins, as it would row by row.
    expect(upsertItems(library, SCOPE, [...many, item('i-7', { title: 'Verslag zeven', size: 7 })])).toBe(2_501);
    expect(library.db.prepare('SELECT count(*) AS n FROM items').get()).toEqual({ n: 2_500 });
    expect(ids(library, 'zeven')).toEqual(['i-7']);

    const entries = many.map((entry, index) => ({ itemId: entry.id, entryPath: `p/${entry.id}`, sha256: '1'.repeat(64), bodyText: `inhoud${index}q` }));
    recordArchive(library, archive('/archives/big.zip', { entryCount: 2_500 }), [
      ...entries,
      // A second entry for an item: the last place wins, and a body given earlier stays.
      { itemId: 'i-2', entryPath: 'p/again', sha256: '2'.repeat(64) },
    ]);
    expect(summary(library).archived).toMatchObject({ items: 2_500 });
    expect(search(library, 'inhoud2q')).toMatchObject([{ itemId: 'i-2', entryPath: 'p/again' }]);
    expectIndexesExact(library);

    expect(() =>
      recordArchive(library, archive('/archives/broken.zip'), [...entries.slice(0, 2_000), { itemId: 'nope', entryPath: 'x', sha256: '0'.repeat(64) }]),
    ).toThrow('Item nope is not in the library, so broken.zip was not recorded: scan the account again.');
    expect(library.db.prepare("SELECT count(*) AS n FROM items WHERE entry_path LIKE 'p/%'").get()).toEqual({ n: 2_500 });
  });
});

describe('ranking', () => {
  it('puts every title match first, in library order, then body matches by bm25', () => {
    const library = temp.open();
    upsertItems(library, SCOPE, [
      item('long', { title: 'Een heel lang verslag over het water in de stad' }),
      item('short', { title: 'Water', verdict: 'migrates', rule: 'G2' }),
      item('body-many', { title: 'Zonder dat woord' }),
      item('body-once', { title: 'Ook niet' }),
      item('middle', { title: 'Schoon water' }),
      item('split', { title: 'Rivier', verdict: 'migrates', rule: 'G2' }),
    ]);
    recordArchive(library, archive('/archives/r.zip'), [
      { itemId: 'body-many', entryPath: 'x', sha256: '1'.repeat(64), bodyText: 'water water water water water' },
      { itemId: 'body-once', entryPath: 'y', sha256: '2'.repeat(64), bodyText: 'Er was eens een lang verhaal met ergens water erin en nog veel meer woorden.' },
      { itemId: 'split', entryPath: 'z', sha256: '3'.repeat(64), bodyText: 'Het water van de rivier.' },
    ]);

    expect(ids(library, 'water')).toEqual(['long', 'short', 'middle', 'body-many', 'split', 'body-once']);
    // One word in the title, the other in the body: found, after the items with both in the title.
    expect(ids(library, 'rivier water')).toEqual(['split']);
    expect(ids(library, 'water', { limit: 2, offset: 2 })).toEqual(['middle', 'body-many']);
    expect(ids(library, 'water', { verdict: 'migrates' })).toEqual(['short', 'split']);
    expect(ids(library, 'water', { limit: 10, offset: 5 })).toEqual(['body-once']);
    expect(ids(library, 'water', { offset: 6 })).toEqual([]);
    expect(search(library, 'water')[3]?.snippet).toBe('«water» «water» «water» «water» «water»');
  });
});
