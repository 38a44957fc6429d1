import { describe, expect, it } from 'vitest';
import { recordArchive, type ArchivedEntry } from '../../electron/core/library/archives-repository.ts';
import { upsertItems, type ItemInput } from '../../electron/core/library/items-repository.ts';
import { search } from '../../electron/core/library/search.ts';
import { summary } from '../../electron/core/library/summary.ts';
import { VERDICTS } from '../../shared/model.ts';
import { SCOPE, item } from './library-fixtures.ts';
import { useTempLibraries } from './library-temp.ts';

const temp = useTempLibraries();

const WORDS = [
  'klimaat', 'ideeën', 'leerlingen', 'uitwisseling', 'verslag', 'school', 'partners', 'project', 'Europa', 'taal',
  'climate', 'ideas', 'pupils', 'exchange', 'report', 'teachers', 'reading', 'music', 'science', 'café',
];
const RULES = ['G1', 'G2', 'T1', 'P1', 'MARGIN'] as const;

/** Deterministic, so the numbers printed are comparable from run to run. */
function words(seed: number, count: number): string {
  let state = seed;
  const out: string[] = [];
  for (let index = 0; index < count; index += 1) {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    out.push(WORDS[state % WORDS.length] ?? 'x');
  }
  return out.join(' ');
}

function timed<T>(label: string, timings: string[], run: () => T): T {
  const start = performance.now();
  const result = run();
  timings.push(`${label}: ${Math.round(performance.now() - start)} ms`);
  return result;
}

describe('performance sanity (timings printed, not asserted)', () => {
  it('upserts 200,000 items, archives 20,000 bodies, then searches and summarises', () => {
    const library = temp.open();
    const timings: string[] = [];
    const items: ItemInput[] = Array.from({ length: 200_000 }, (_, index) =>
      item(`i-${index}`, {
        title: `${words(index, 4)} ${index}`,
        verdict: VERDICTS[index % 3] ?? 'lost',
        rule: RULES[index % RULES.length] ?? 'G1',
        size: index % 1_000,
        space: `g-${index % 500}`,
      }),
    );

    expect(timed('upsert 200,000 new items', timings, () => upsertItems(library, SCOPE, items))).toBe(200_000);
    timed('upsert the same 200,000 again (no changes)', timings, () => upsertItems(library, SCOPE, items));
    timed('record 10 archives with 20,000 bodies', timings, () => {
      for (let archive = 0; archive < 10; archive += 1) {
        const entries: ArchivedEntry[] = Array.from({ length: 2_000 }, (_, offset) => {
          const index = archive * 2_000 + offset;
          return { itemId: `i-${index}`, entryPath: `pages/i-${index}.html`, sha256: 'e'.repeat(64), bodyText: words(index * 7 + 1, 120) };
        });
        recordArchive(
          library,
          {
            source: SCOPE.source, accountId: SCOPE.accountId, spaceId: `g-${archive}`, title: `Archive ${archive}`, part: 1, parts: 1,
            path: `/archives/archive-${archive}.zip`, size: 1_000_000, sha256: 'f'.repeat(64), entryCount: 2_000,
            createdAt: '2025-11-29T00:00:00Z',
          },
          entries,
        );
      }
    });

    const common = timed('search a word in ~1/5 of all items ("klimaat")', timings, () => search(library, 'klimaat'));
    expect(common).toHaveLength(50);
    expect(common[0]?.snippet).toContain('«');
    const prefix = timed('search with a prefix ("leerl")', timings, () => search(library, 'leerl'));
    expect(prefix).toHaveLength(50);
    const two = timed('search two words, accents dropped ("cafe ideeen"), lost only', timings, () =>
      search(library, 'cafe ideeen', { verdict: 'lost', limit: 100 }),
    );
    expect(two.length).toBeGreaterThan(0);
    expect(two.every((hit) => hit.verdict === 'lost')).toBe(true);
    timed('search page 20 of a common word', timings, () => search(library, 'school', { offset: 1_000 }));
    timed('search a 10 KB hostile string', timings, () => search(library, `NEAR( "${'x'.repeat(10_000)}`));
    const totals = timed('summary', timings, () => summary(library));
    expect(totals.items).toBe(200_000);
    expect(totals.archived.items).toBe(20_000);

    console.log(`library performance on ${process.platform}:\n  ${timings.join('\n  ')}`);
  });
});
