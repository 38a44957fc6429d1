import { describe, expect, it } from 'vitest';
import {
  getArchive, listArchives, recordArchive, type ArchiveInput,
} from '../../electron/core/library/archives-repository.ts';
import { findItem, itemsOfArchive, upsertItems } from '../../electron/core/library/items-repository.ts';
import type { Library } from '../../electron/core/library/library.ts';
import { listSpaces, upsertSpaces } from '../../electron/core/library/spaces-repository.ts';
import { SCOPE, item, space } from './library-fixtures.ts';
import { useTempLibraries } from './library-temp.ts';

const temp = useTempLibraries();

function archive(path: string, extra: Partial<ArchiveInput> = {}): ArchiveInput {
  return {
    source: SCOPE.source,
    accountId: SCOPE.accountId,
    spaceId: 'g-1',
    title: 'Klimaatgroep',
    part: 1,
    parts: 1,
    path,
    size: 4096,
    sha256: 'a'.repeat(64),
    entryCount: 2,
    createdAt: '2025-11-29T10:00:00.000Z',
    ...extra,
  };
}

function count(library: Library, table: string): number {
  const row = library.db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM ${table}`).get();
  return row?.n ?? -1;
}

describe('spaces', () => {
  it('upserts idempotently and refreshes what changed', () => {
    const library = temp.open();
    expect(upsertSpaces(library, SCOPE, [space('g-1'), space('t-1', { kind: 'twinspace', lastActivityAt: null })])).toBe(2);
    upsertSpaces(library, SCOPE, [space('g-1'), space('t-1', { kind: 'twinspace', lastActivityAt: null })]);
    upsertSpaces(library, SCOPE, [space('g-1', { verdict: 'migrates', rule: 'G2', title: 'Renamed' })]);

    const spaces = listSpaces(library, SCOPE);
    expect(spaces).toHaveLength(2);
    expect(spaces.find((s) => s.id === 'g-1')).toMatchObject({ verdict: 'migrates', rule: 'G2', title: 'Renamed', accountId: 'u-1001' });
    expect(spaces.find((s) => s.id === 't-1')).toEqual({
      source: SCOPE.source, accountId: SCOPE.accountId, id: 't-1', kind: 'twinspace', title: 'Group t-1',
      createdAt: '2018-01-01T00:00:00Z', verdict: 'lost', rule: 'G1',
      reason: { en: 'The group was inactive.', nl: 'De groep was inactief.' },
      quote: 'Groups without activity are not migrated.', lastActivityAt: null, itemCount: 3,
    });
  });

  it('keeps the same id apart for different accounts', () => {
    const library = temp.open();
    upsertSpaces(library, SCOPE, [space('g-1')]);
    upsertSpaces(library, { ...SCOPE, accountId: 'u-2002' }, [space('g-1')]);
    expect(listSpaces(library)).toHaveLength(2);
    expect(listSpaces(library, SCOPE)).toHaveLength(1);
  });
});

describe('items', () => {
  it('upserts idempotently, and a rescan never erases archive facts', () => {
    const library = temp.open();
    const items = [item('i-1'), item('i-2', { space: null, type: 'photo' })];
    expect(upsertItems(library, SCOPE, items)).toBe(2);
    expect(upsertItems(library, SCOPE, items)).toBe(2);
    expect(count(library, 'items')).toBe(2);

    recordArchive(library, archive('/archives/a.zip'), [{ itemId: 'i-1', entryPath: 'pages/i-1.html', sha256: 'b'.repeat(64), bodyText: 'Hallo' }]);
    upsertItems(library, SCOPE, [item('i-1', { verdict: 'uncertain', rule: 'MARGIN', title: 'New title' })]);

    const found = findItem(library, { itemId: 'i-1', ...SCOPE });
    expect(found).toMatchObject({ verdict: 'uncertain', rule: 'MARGIN', title: 'New title', entryPath: 'pages/i-1.html', sha256: 'b'.repeat(64) });
    expect(found?.archiveId).toBeTypeOf('number');
    expect(findItem(library, { itemId: 'i-2' })).toMatchObject({ spaceId: null, type: 'photo', archiveId: null, entryPath: null, sha256: null });
    expect(findItem(library, { itemId: 'nope' })).toBeNull();
    expect(findItem(library, { itemId: 'i-1', accountId: 'someone-else' })).toBeNull();
  });

  it('without a scope, prefers the archived copy of an id two accounts share', () => {
    const library = temp.open();
    const other = { ...SCOPE, accountId: 'u-2002' };
    upsertItems(library, SCOPE, [item('i-9')]);
    upsertItems(library, other, [item('i-9')]);
    recordArchive(library, archive('/archives/other.zip', { accountId: other.accountId }), [{ itemId: 'i-9', entryPath: 'x', sha256: 'c'.repeat(64) }]);
    expect(findItem(library, { itemId: 'i-9' })?.accountId).toBe('u-2002');
    expect(findItem(library, { itemId: 'i-9', accountId: SCOPE.accountId })?.accountId).toBe('u-1001');
  });
});

describe('archives', () => {
  it('records an archive and points its items at it', () => {
    const library = temp.open();
    upsertItems(library, SCOPE, [item('i-1'), item('i-2'), item('i-3')]);
    const recorded = recordArchive(library, archive('/archives/klimaat.zip'), [
      { itemId: 'i-2', entryPath: 'b/i-2.html', sha256: '2'.repeat(64), bodyText: 'tweede' },
      { itemId: 'i-1', entryPath: 'a/i-1.html', sha256: '1'.repeat(64) },
    ]);
    expect(recorded).toEqual({ id: recorded.id, ...archive('/archives/klimaat.zip') });
    expect(getArchive(library, recorded.id)).toEqual(recorded);
    expect(getArchive(library, recorded.id + 1)).toBeNull();
    expect(listArchives(library)).toEqual([recorded]);
    expect(itemsOfArchive(library, recorded.id).map((i) => [i.id, i.entryPath, i.sha256])).toEqual([
      ['i-1', 'a/i-1.html', '1'.repeat(64)],
      ['i-2', 'b/i-2.html', '2'.repeat(64)],
    ]);
    const bodies = library.db
      .prepare('SELECT items.id, item_bodies.body_text FROM item_bodies JOIN items ON items.rowid = item_bodies.item_rowid')
      .all();
    expect(bodies).toEqual([{ id: 'i-2', body_text: 'tweede' }]);
  });

  it('records nothing at all when it fails half-way', () => {
    const library = temp.open();
    upsertItems(library, SCOPE, [item('i-1'), item('i-2')]);
    expect(() =>
      recordArchive(library, archive('/archives/broken.zip'), [
        { itemId: 'i-1', entryPath: 'a', sha256: '1'.repeat(64), bodyText: 'geschreven' },
        { itemId: 'i-404', entryPath: 'b', sha256: '2'.repeat(64) },
      ]),
    ).toThrow(/Item i-404 is not in the library/);
    expect(count(library, 'archives')).toBe(0);
    expect(findItem(library, { itemId: 'i-1' })).toMatchObject({ archiveId: null, entryPath: null, sha256: null });
    expect(count(library, 'item_bodies')).toBe(0);
    expect(library.db.inTransaction).toBe(false);
  });

  it('replaces the record when the same path is recorded again', () => {
    const library = temp.open();
    upsertItems(library, SCOPE, [item('i-1'), item('i-2')]);
    const first = recordArchive(library, archive('/archives/same.zip'), [
      { itemId: 'i-1', entryPath: 'a', sha256: '1'.repeat(64) },
      { itemId: 'i-2', entryPath: 'b', sha256: '2'.repeat(64) },
    ]);
    const second = recordArchive(library, archive('/archives/same.zip', { entryCount: 1, size: 10 }), [
      { itemId: 'i-2', entryPath: 'b2', sha256: '3'.repeat(64) },
    ]);
    expect(listArchives(library)).toEqual([second]);
    expect(getArchive(library, first.id)).toBeNull();
    expect(findItem(library, { itemId: 'i-1' })).toMatchObject({ archiveId: null, entryPath: null });
    expect(findItem(library, { itemId: 'i-2' })).toMatchObject({ archiveId: second.id, entryPath: 'b2' });
  });

  it('refuses a relative path', () => {
    const library = temp.open();
    expect(() => recordArchive(library, archive('relative.zip'), [])).toThrow(/not absolute/);
  });

  it('unlinks items when an archive row is deleted (ON DELETE SET NULL)', () => {
    const library = temp.open();
    upsertItems(library, SCOPE, [item('i-1')]);
    const recorded = recordArchive(library, archive('/archives/gone.zip'), [{ itemId: 'i-1', entryPath: 'a', sha256: '1'.repeat(64) }]);
    library.db.prepare('DELETE FROM archives WHERE id = ?').run(recorded.id);
    expect(findItem(library, { itemId: 'i-1' })?.archiveId).toBeNull();
  });
});
