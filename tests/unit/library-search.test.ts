import { beforeEach, describe, expect, it } from 'vitest';
import { recordArchive } from '../../electron/core/library/archives-repository.ts';
import { toFtsQuery } from '../../electron/core/library/fts-query.ts';
import { upsertItems } from '../../electron/core/library/items-repository.ts';
import type { Library } from '../../electron/core/library/library.ts';
import { search } from '../../electron/core/library/search.ts';
import { SCOPE, item } from './library-fixtures.ts';
import { useTempLibraries } from './library-temp.ts';

const temp = useTempLibraries();

describe('toFtsQuery', () => {
  it.each([
    ['klimaat act', '"klimaat" "act"*'],
    ['  Ideeën  ', '"Ideeën"*'],
    ['say "hi"', '"say" """hi"""*'],
    ['NEAR(a b', '"NEAR(a" "b"*'],
    ['title:x -y', '"title:x" "-y"*'],
    ['a AND OR b', '"a" "AND" "OR" "b"*'],
    ['a\u0000b', '"a" "b"*'],
  ])('%s -> %s', (input, expected) => {
    expect(toFtsQuery(input)).toBe(expected);
  });

  it.each(['', '   ', '"', '*', '-', ':', '((', '😀 🎉', '" * - :'])('%j has nothing to search', (input) => {
    expect(toFtsQuery(input)).toBeNull();
  });

  it('matches decomposed and composed accents alike', () => {
    expect(toFtsQuery('idee\u0065\u0308n')).toBe(toFtsQuery('ideeën'));
  });
});

describe('search', () => {
  let library: Library;

  beforeEach(() => {
    library = temp.open();
    upsertItems(library, SCOPE, [
      item('nl-1', { title: 'Ideeën voor klimaatactie', verdict: 'lost' }),
      item('nl-2', { title: 'Verslag uitwisseling', verdict: 'uncertain' }),
      item('en-1', { title: 'Climate action ideas', verdict: 'migrates', rule: 'G2' }),
      item('en-2', { title: 'Reading list', verdict: 'lost' }),
      item('x-1', { title: 'Café crème français', verdict: 'lost' }),
      item('none', { title: 'Nothing to see here', verdict: 'lost' }),
    ]);
    recordArchive(
      library,
      {
        source: SCOPE.source, accountId: SCOPE.accountId, spaceId: 'g-1', title: 'Klimaat', part: 1, parts: 1,
        path: '/archives/klimaat.zip', size: 1000, sha256: 'f'.repeat(64), entryCount: 2, createdAt: '2025-11-29T00:00:00Z',
      },
      [
        { itemId: 'nl-2', entryPath: 'pages/verslag.html', sha256: '1'.repeat(64), bodyText: 'Onze leerlingen bezochten de partnerschool in Kraków en werkten aan het klimaat.' },
        { itemId: 'en-2', entryPath: 'pages/reading.html', sha256: '2'.repeat(64), bodyText: 'Books about the climate crisis, chosen by the pupils of both schools.' },
      ],
    );
  });

  const ids = (query: string, options?: Parameters<typeof search>[2]) => search(library, query, options).map((hit) => hit.itemId);

  it('finds ideeën when typed without accents, and the other way round', () => {
    expect(ids('ideeen')).toEqual(['nl-1']);
    expect(ids('IDEEËN')).toEqual(['nl-1']);
    expect(ids('cafe creme francais')).toEqual(['x-1']);
    expect(ids('krakow')).toEqual(['nl-2']);
  });

  it('finds Dutch and English words in titles and archived bodies', () => {
    expect(ids('uitwisseling')).toEqual(['nl-2']);
    expect(ids('leerlingen partnerschool')).toEqual(['nl-2']);
    expect(ids('pupils')).toEqual(['en-2']);
    expect(new Set(ids('climate'))).toEqual(new Set(['en-1', 'en-2']));
  });

  it('treats the last word as a prefix, the others as whole words', () => {
    expect(ids('klimaatact')).toEqual(['nl-1']);
    expect(new Set(ids('klimaat'))).toEqual(new Set(['nl-1', 'nl-2']));
    expect(ids('climate act')).toEqual(['en-1']);
    expect(ids('climat action')).toEqual([]);
  });

  it('ranks a title match above a body match', () => {
    expect(ids('climate')).toEqual(['en-1', 'en-2']);
  });

  it('returns the hit with its archive and a marked snippet', () => {
    const [hit] = search(library, 'partnersch');
    expect(hit).toEqual({
      itemId: 'nl-2',
      source: SCOPE.source,
      accountId: SCOPE.accountId,
      title: 'Verslag uitwisseling',
      type: 'page',
      verdict: 'uncertain',
      archiveId: expect.any(Number),
      archivePath: '/archives/klimaat.zip',
      entryPath: 'pages/verslag.html',
      snippet: expect.stringContaining('«partnerschool»'),
    });
    expect(search(library, 'ideeen')[0]).toMatchObject({ snippet: '«Ideeën» voor klimaatactie', archiveId: null, archivePath: null, entryPath: null });
  });

  it('filters by verdict and pages with limit and offset', () => {
    expect(ids('climate', { verdict: 'lost' })).toEqual(['en-2']);
    expect(ids('climate', { verdict: 'migrates' })).toEqual(['en-1']);
    expect(ids('climate', { limit: 1 })).toEqual(['en-1']);
    expect(ids('climate', { limit: 1, offset: 1 })).toEqual(['en-2']);
    expect(ids('climate', { limit: 0 })).toHaveLength(1); // clamped to at least one
    expect(ids('climate', { limit: Number.NaN, offset: -5 })).toHaveLength(2); // the default limit, from the start
  });

  it('returns nothing for an empty query', () => {
    expect(search(library, '')).toEqual([]);
    expect(search(library, '   \t\n')).toEqual([]);
  });

  it.each([
    '"', '""', '"klimaat', '*', '**', 'klimaat*', 'NEAR(', 'NEAR(climate action, 2)', 'AND OR', 'AND', 'OR NOT',
    '-', '-climate', ':', 'title:', 'title:climate', 'body_text:x', '(', ')', '((climate', 'climate))', '{title}: x',
    '^climate', '+', 'climate + action', '😀', '🇳🇱 klimaat', 'a\u0000b', '\uD800', "'; DROP TABLE items; --",
    'x'.repeat(10_000), 'klimaat '.repeat(1_300), '" '.repeat(5_000),
  ])('never throws on %j', (query) => {
    expect(() => search(library, query)).not.toThrow();
  });

  it('still finds what a hostile-looking query means', () => {
    expect(ids('"klimaat')).toEqual(expect.arrayContaining(['nl-1', 'nl-2']));
    expect(ids('(climate))')).toEqual(['en-1', 'en-2']);
    expect(ids('🇳🇱 ideeen')).toEqual(['nl-1']);
  });
});
