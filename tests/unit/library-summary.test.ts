import { describe, expect, it } from 'vitest';
import { recordArchive } from '../../electron/core/library/archives-repository.ts';
import { upsertItems } from '../../electron/core/library/items-repository.ts';
import { upsertSpaces } from '../../electron/core/library/spaces-repository.ts';
import { ITEM_GROUPS_SQL, summary } from '../../electron/core/library/summary.ts';
import { SCOPE, item, space } from './library-fixtures.ts';
import { useTempLibraries } from './library-temp.ts';

const temp = useTempLibraries();

describe('summary', () => {
  it('is all zeros for an empty library', () => {
    const result = summary(temp.open());
    expect(result).toEqual({
      spaces: 0, items: 0, bytes: 0,
      byVerdict: {
        migrates: { spaces: 0, items: 0, bytes: 0 },
        lost: { spaces: 0, items: 0, bytes: 0 },
        uncertain: { spaces: 0, items: 0, bytes: 0 },
      },
      atRisk: { spaces: 0, items: 0, bytes: 0 },
      byRule: {},
      archived: { items: 0, bytes: 0, byVerdict: { migrates: { items: 0, bytes: 0 }, lost: { items: 0, bytes: 0 }, uncertain: { items: 0, bytes: 0 } } },
      archives: { count: 0, bytes: 0 },
    });
  });

  it('counts items and bytes per verdict and per rule, and what is archived', () => {
    const library = temp.open();
    upsertSpaces(library, SCOPE, [space('g-1'), space('g-2', { verdict: 'migrates', rule: 'G2' }), space('t-1', { kind: 'twinspace', verdict: 'uncertain', rule: 'T1' })]);
    upsertItems(library, SCOPE, [
      item('a', { verdict: 'lost', rule: 'G1', size: 1_000 }),
      item('b', { verdict: 'lost', rule: 'G1', size: 2_000 }),
      item('c', { verdict: 'lost', rule: 'P1', size: 5 }),
      item('d', { verdict: 'migrates', rule: 'G2', size: 70 }),
      item('e', { verdict: 'uncertain', rule: 'T1', size: 300 }),
      item('f', { verdict: 'uncertain', rule: 'MARGIN', size: 0 }),
    ]);
    // Another account on the same platform counts too: the summary is of the whole library.
    upsertItems(library, { ...SCOPE, accountId: 'u-2' }, [item('a', { verdict: 'lost', rule: 'G1', size: 4_000_000_000 })]);
    recordArchive(
      library,
      {
        source: SCOPE.source, accountId: SCOPE.accountId, spaceId: 'g-1', title: 'G1', part: 1, parts: 1,
        path: '/archives/g1.zip', size: 2_500, sha256: '0'.repeat(64), entryCount: 2, createdAt: '2025-11-29T00:00:00Z',
      },
      [
        { itemId: 'a', entryPath: 'a', sha256: '1'.repeat(64) },
        { itemId: 'e', entryPath: 'e', sha256: '2'.repeat(64) },
      ],
    );

    expect(summary(library)).toEqual({
      spaces: 3,
      items: 7,
      bytes: 4_000_003_375,
      byVerdict: {
        migrates: { spaces: 1, items: 1, bytes: 70 },
        lost: { spaces: 1, items: 4, bytes: 4_000_003_005 },
        uncertain: { spaces: 1, items: 2, bytes: 300 },
      },
      atRisk: { spaces: 2, items: 6, bytes: 4_000_003_305 },
      byRule: {
        G1: { items: 3, bytes: 4_000_003_000 },
        P1: { items: 1, bytes: 5 },
        G2: { items: 1, bytes: 70 },
        T1: { items: 1, bytes: 300 },
        MARGIN: { items: 1, bytes: 0 },
      },
      archived: {
        items: 2,
        bytes: 1_300,
        byVerdict: { migrates: { items: 0, bytes: 0 }, lost: { items: 1, bytes: 1_000 }, uncertain: { items: 1, bytes: 300 } },
      },
      archives: { count: 1, bytes: 2_500 },
    });
  });

  it('reads the totals kept beside items, never the items table', () => {
    const { db } = temp.open();
    const plan = db
      .prepare<[], { detail: string }>(`EXPLAIN QUERY PLAN ${ITEM_GROUPS_SQL}`)
      .all()
      .map((row) => row.detail)
      .join('\n');
    expect(plan).toContain('item_totals');
    expect(plan).not.toMatch(/\bitems\b/);
  });

  it('leaves out a rule whose items are all gone, as a count over items would', () => {
    const library = temp.open();
    upsertItems(library, SCOPE, [item('a', { rule: 'G1', size: 5 }), item('b', { rule: 'P1', size: 6 })]);
    library.db.prepare("DELETE FROM items WHERE id = 'b'").run();
    expect(summary(library).byRule).toEqual({ G1: { items: 1, bytes: 5 } });
  });
});
