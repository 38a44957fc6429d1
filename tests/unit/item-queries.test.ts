import { describe, expect, it } from 'vitest';
import { ItemsQuerySchema, type ItemRow, type ItemsQuery } from '../../shared/contract.ts';
import { computeTotals, type ScanResult, type ScannedItem, type ScannedSpace } from '../../shared/inventory.ts';
import type { Verdict } from '../../shared/model.ts';
import { createItemQueries } from '../../electron/core/app/item-query.ts';
import { OVERVIEW_SPACES, overviewOfRun } from '../../electron/core/app/overview.ts';
import type { FinishedRun, KeptScan } from '../../electron/core/app/scan-keeper.ts';
import { createYearOf } from '../../electron/core/inventory/creation-year.ts';
import { recordScanResult } from '../../electron/core/inventory/record-scan-result.ts';
import { createRowidWorker } from '../../electron/core/app/rowid-worker.ts';
import {
  countItemList, itemRowidsQuery, orderedItemRowids, totalFromSummary, type ItemListFilter,
} from '../../electron/core/library/item-list-query.ts';
import type { Library } from '../../electron/core/library/library.ts';
import { loadCurrentRuleSet } from '../../electron/core/rules/load-rule-set.ts';
import { useTempLibraries } from './library-temp.ts';

const libraries = useTempLibraries();
const VERDICTS = ['migrates', 'lost', 'uncertain'] as const;
const RULES = { migrates: 'G1', lost: 'T1', uncertain: 'MARGIN' } as const;
const TYPES = ['page', 'material', 'forum-post', 'journal-entry'] as const;
const WORDS = ['rivier', 'Ideeën', 'klimaat', 'Carnaval', 'lezen', 'water', 'école', 'muziek', 'Zon', 'appel'];
const TIME_ZONE = 'Europe/Brussels';

function bigScan(count: number, spaceCount = 200): ScanResult {
  const spaces: ScannedSpace[] = Array.from({ length: spaceCount }, (_, index) => ({
    id: `s-${index}`, kind: index % 3 === 0 ? 'twinspace' : 'group', title: `${WORDS[index % WORDS.length] ?? ''} space ${index}`,
    createdAt: '2019-01-01T00:00:00Z', migrationRequest: 'none', projectId: null, itemCount: 0, activity: [], lastActivityAt: null,
    verdict: 'lost', rule: 'T1', reason: { en: 'r', nl: 'r' }, quote: 'q',
  }));
  const items: ScannedItem[] = Array.from({ length: count }, (_, index) => {
    const verdict: Verdict = VERDICTS[index % 3] ?? 'lost';
    const day = Date.UTC(2012, 0, 1) + ((index * 104729) % 4000) * 86_400_000 + (index % 24) * 3_600_000;
    // Every tenth written with the Brussels offset, as the platform does; a few share a timestamp.
    const createdAt = index % 10 === 0
      ? new Date(day + 3_600_000).toISOString().replace('.000Z', '+01:00')
      : new Date(index % 50 === 1 ? Date.UTC(2016, 5, 1) : day).toISOString();
    return {
      id: `i-${index}`, space: index % 10 === 3 ? null : `s-${(index * 7) % spaceCount}`, type: TYPES[index % TYPES.length] ?? 'page',
      title: `${WORDS[(index * 3) % WORDS.length] ?? ''} item ${(index * 7919) % 500}`, createdAt,
      updatedAt: null, parent: null, owner: 'u', origin: 'etwinning', organizer: null, hasBody: true, file: null,
      size: (index * 31) % 1000, url: null, verdict, rule: RULES[verdict], reason: { en: 'r', nl: 'r' }, quote: 'q',
    };
  });
  return {
    format: 'twinarchive-scan/1', source: 'https://example.test', scannedAt: '2023-11-06T09:30:00Z',
    ruleSet: { version: 'test', faqUpdated: '2023-10-17' }, settings: { margin: 1, euLoginEmail: null },
    account: { id: 'u', name: 'U', email: 'u@example.test', hasEtwinningAccount: true, hasSegAccount: false },
    spaces, items, totals: computeTotals(spaces, items),
  };
}

function keptOf(library: Library, scan: ScanResult): KeptScan {
  const run = recordScanResult(library, scan, TIME_ZONE) as FinishedRun;
  return { scope: { source: scan.source, accountId: scan.account.id }, run, overview: overviewOfRun(library, run, loadCurrentRuleSet()) };
}

/** SQLite's NOCASE: ASCII letters only. */
const nocase = (text: string) => text.replace(/[A-Z]/g, (letter) => letter.toLowerCase());
const compare = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);
const RANK: Record<Verdict, number> = { lost: 0, uncertain: 1, migrates: 2 };

/** The order the app promises, computed here the slow way. */
function reference(scan: ScanResult, rowids: Map<string, number>, sort: NonNullable<ItemsQuery['sort']>, direction: 'asc' | 'desc'): string[] {
  const titles = new Map(scan.spaces.map((space) => [space.id, space.title]));
  const key = (item: ScannedItem): (string | number)[] => {
    const space = item.space === null ? null : (titles.get(item.space) ?? null);
    const primary: Record<typeof sort, (string | number)[]> = {
      createdAt: [], title: [nocase(item.title)], size: [item.size], verdict: [RANK[item.verdict]], type: [item.type],
      space: [space === null ? 1 : 0, nocase(space ?? '')],
    };
    return [...primary[sort], item.createdAt, rowids.get(item.id) ?? -1];
  };
  const sorted = [...scan.items].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    for (let index = 0; index < ka.length; index += 1) {
      const order = compare(ka[index] ?? 0, kb[index] ?? 0);
      if (order !== 0) return order;
    }
    return 0;
  });
  const ids = sorted.map((item) => item.id);
  return direction === 'asc' ? ids : ids.reverse();
}

/** Every page of a query, read one after the other as scrolling does; `worker`: sort on the worker thread whatever the size. */
async function allPages(library: Library, kept: KeptScan, query: ItemsQuery, pageSize: number, worker = false): Promise<{ total: number; rows: ItemRow[] }> {
  const queries = createItemQueries(worker ? { workerAboveItems: 0 } : { workerAboveItems: Number.POSITIVE_INFINITY });
  try {
    const rows: ItemRow[] = [];
    let total = 0;
    for (let offset = 0; ; offset += pageSize) {
      const page = await queries.query(library, kept, ItemsQuerySchema.parse({ ...query, offset, limit: pageSize }));
      total = page.total;
      rows.push(...page.items);
      if (page.items.length < pageSize) break;
    }
    return { total, rows };
  } finally {
    await queries.close();
  }
}

describe('the items list over the library', () => {
  it('sorts and pages 12,000 items exactly as promised, in every order, both ways, to the last page', async () => {
    const library = libraries.open();
    const scan = bigScan(12_000);
    const kept = keptOf(library, scan);
    const rowids = new Map(library.db.prepare<[], { id: string; rowid: number }>('SELECT id, rowid FROM items').all().map((row) => [row.id, row.rowid]));
    for (const sort of ['createdAt', 'title', 'size', 'verdict', 'space', 'type'] as const) {
      for (const direction of ['asc', 'desc'] as const) {
        // 997: pages straddle every boundary (the date index, the rowid list, the walk back from the end).
        const { total, rows } = await allPages(library, kept, { sort, direction }, 997);
        expect(total).toBe(12_000);
        expect(rows.map((row) => row.id), `${sort} ${direction}`).toEqual(reference(scan, rowids, sort, direction));
      }
    }
    // A large account's sorts and counts run on the worker thread, with the same answers.
    for (const [sort, direction] of [['title', 'desc'], ['space', 'asc']] as const) {
      const { rows } = await allPages(library, kept, { sort, direction }, 999, true);
      expect(rows.map((row) => row.id), `worker: ${sort} ${direction}`).toEqual(reference(scan, rowids, sort, direction));
    }
    const pages = await allPages(library, kept, { types: ['page'] }, 999, true);
    expect(pages.total).toBe(scan.items.filter((item) => item.type === 'page').length);
    expect(pages.rows.map((row) => row.id)).toEqual(reference(scan, rowids, 'createdAt', 'asc').filter((id) => Number(id.slice(2)) % 4 === 0));
  });

  it('filters by space, type, kind, year, verdict and title words, counting from the summary where it can', async () => {
    const library = libraries.open();
    const scan = bigScan(3_000);
    const kept = keptOf(library, scan);
    const kindOf = new Map(scan.spaces.map((space) => [space.id, space.kind]));
    const yearOf = createYearOf(TIME_ZONE);
    const cases: { query: ItemsQuery; keep: (item: ScannedItem) => boolean }[] = [
      { query: { spaces: ['personal', 's-7'], types: ['material', 'page'] }, keep: (item) => (item.space === null || item.space === 's-7') && (item.type === 'material' || item.type === 'page') },
      { query: { kinds: ['twinspace'], verdicts: ['lost'] }, keep: (item) => item.space !== null && kindOf.get(item.space) === 'twinspace' && item.verdict === 'lost' },
      { query: { kinds: ['personal'] }, keep: (item) => item.space === null },
      { query: { years: [2016] }, keep: (item) => yearOf(item.createdAt) === 2016 },
      { query: { years: [2013, 2020], verdicts: ['uncertain', 'migrates'] }, keep: (item) => [2013, 2020].includes(yearOf(item.createdAt) ?? 0) && item.verdict !== 'lost' },
      { query: { rules: ['MARGIN'] }, keep: (item) => item.rule === 'MARGIN' },
      { query: { text: 'IDEEEN', verdicts: ['lost'] }, keep: (item) => item.title.startsWith('Ideeën') && item.verdict === 'lost' },
      { query: { text: 'ecole ite' }, keep: (item) => item.title.startsWith('école item') },
      { query: { text: '?!' }, keep: () => false },
    ];
    for (const { query, keep } of cases) {
      const expected = scan.items.filter(keep).map((item) => item.id).sort();
      const { total, rows } = await allPages(library, kept, { ...query, sort: 'size' }, 400);
      expect(rows.map((row) => row.id).sort(), JSON.stringify(query)).toEqual(expected);
      expect(total).toBe(expected.length);
      const first = await allPages(library, kept, query, 1000);
      expect(first.total).toBe(expected.length);
      expect(first.rows).toHaveLength(expected.length);
    }
  });

  it('gives the overview of a very large account the spaces most at risk, and every space at risk by id', () => {
    const library = libraries.open();
    const scan = bigScan(3_000, OVERVIEW_SPACES + 150);
    // A quarter of the spaces migrate with nothing at risk: they are the ones left out.
    for (const [index, space] of scan.spaces.entries()) if (index % 4 === 0) Object.assign(space, { verdict: 'migrates', rule: 'T1C' });
    for (const item of scan.items) {
      if (item.space !== null && Number(item.space.slice(2)) % 4 === 0) Object.assign(item, { verdict: 'migrates', rule: 'T1C' });
    }
    scan.totals = computeTotals(scan.spaces, scan.items);
    const { overview } = keptOf(library, scan);
    expect(overview.totals.spaces).toBe(OVERVIEW_SPACES + 150);
    expect(overview.spaces).toHaveLength(OVERVIEW_SPACES);
    const atRisk = scan.spaces.filter((_, index) => index % 4 !== 0).map((space) => space.id);
    expect([...overview.atRiskSpaces].sort()).toEqual(atRisk.sort());
    expect(overview.spaces.filter((space) => space.verdict !== 'migrates')).toHaveLength(atRisk.length);
  });

  it('sorts on its worker thread exactly what the library itself would', async () => {
    const library = libraries.open();
    const scan = bigScan(2_000);
    const kept = keptOf(library, scan);
    const worker = createRowidWorker();
    try {
      for (const [filter, sort] of [[{}, 'title'], [{ verdicts: ['lost'], text: 'rivier' }, 'space'], [{ years: [2015, null] }, 'size']] as const) {
        const ascending = { key: sort, direction: 'asc' } as const;
        const query = itemRowidsQuery(kept.scope, filter, ascending);
        if (query === null) throw new Error('no query');
        expect([...await worker.run(library.file, query)]).toEqual(orderedItemRowids(library, kept.scope, filter, ascending));
      }
      await expect(worker.run(library.file, { sql: 'SELECT rowid FROM nowhere', params: {} })).rejects.toThrow(/no such table/);
    } finally {
      await worker.close();
    }
  });

  it('takes a count from the summary only when it equals counting the rows', () => {
    const library = libraries.open();
    const scan = bigScan(2_000);
    const kept = keptOf(library, scan);
    const filters: ItemListFilter[] = [
      {}, { verdicts: ['lost'] }, { verdicts: ['lost', 'uncertain'] }, { rules: ['T1', 'G1'] }, { rules: ['T1'], verdicts: ['migrates'] },
      { holderKinds: ['group', 'personal'] }, { holderKinds: ['twinspace'], verdicts: ['migrates'] }, { years: [2014, null] },
      { years: [2019], verdicts: ['uncertain'] },
    ];
    for (const filter of filters) {
      expect(totalFromSummary(kept.run.summary, filter), JSON.stringify(filter)).toBe(countItemList(library, kept.scope, filter));
    }
    expect(totalFromSummary(kept.run.summary, { types: ['page'] })).toBeNull();
    expect(totalFromSummary(kept.run.summary, { years: [2014], holderKinds: ['group'] })).toBeNull();
    expect(totalFromSummary(kept.run.summary, { text: 'rivier' })).toBeNull();
  });
});
