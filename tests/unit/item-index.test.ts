import { describe, expect, it } from 'vitest';
import { ItemsQuerySchema, type ItemsQuery } from '../../shared/contract.ts';
import { computeTotals, type ScanResult, type ScannedItem, type ScannedSpace } from '../../shared/inventory.ts';
import { createItemIndex, foldText } from '../../electron/core/app/item-index.ts';

const VERDICTS = ['migrates', 'lost', 'uncertain'] as const;
const TYPES = ['page', 'material', 'forum-post', 'journal-entry'] as const;
const WORDS = ['rivier', 'Ideeën', 'klimaat', 'Carnaval', 'lezen', 'water', 'école', 'muziek'];

function bigScan(count: number): ScanResult {
  const spaces: ScannedSpace[] = Array.from({ length: 200 }, (_, index) => ({
    id: `s-${index}`, kind: 'twinspace', title: `Space ${index} ${WORDS[index % WORDS.length] ?? ''}`, createdAt: '2019-01-01T00:00:00Z',
    migrationRequest: 'none', projectId: null, itemCount: 0, activity: [], lastActivityAt: null,
    verdict: 'lost', rule: 'T1', reason: { en: 'r', nl: 'r' }, quote: 'q',
  }));
  const items: ScannedItem[] = Array.from({ length: count }, (_, index) => ({
    id: `i-${index}`, space: index % 10 === 0 ? null : `s-${index % 200}`, type: TYPES[index % TYPES.length] ?? 'page',
    title: `${WORDS[index % WORDS.length] ?? ''} item ${(index * 7919) % count}`, createdAt: new Date(Date.UTC(2015, 0, 1) + ((index * 104729) % 3000) * 86_400_000).toISOString(),
    updatedAt: null, parent: null, owner: 'u', origin: 'etwinning', organizer: null, hasBody: true, file: null,
    size: (index * 31) % 100_000, url: null, verdict: VERDICTS[index % 3] ?? 'lost', rule: 'T1', reason: { en: 'r', nl: 'r' }, quote: 'q',
  }));
  return {
    format: 'twinarchive-scan/1', source: 'https://example.test', scannedAt: '2023-11-06T09:30:00Z',
    ruleSet: { version: 'test', faqUpdated: '2023-10-17' }, settings: { margin: 1, euLoginEmail: null },
    account: { id: 'u', name: 'U', email: 'u@example.test', hasEtwinningAccount: true, hasSegAccount: false },
    spaces, items, totals: computeTotals(spaces, items),
  };
}

const parse = (query: ItemsQuery) => ItemsQuerySchema.parse(query);

describe('item index', () => {
  it('answers filtered, sorted pages of 100,000 items correctly', () => {
    const scan = bigScan(100_000);
    const index = createItemIndex(scan);
    // Speed is the benchmark's business; here every ordering must be right.
    const sorted = index.query(parse({ sort: 'size', direction: 'desc', limit: 1000 })).items.map((item) => item.size);
    expect(sorted).toEqual([...sorted].sort((a, b) => b - a));
    const filtered = index.query(parse({ spaces: ['personal', 's-7'], types: ['material', 'page'], limit: 1000 }));
    expect(filtered.total).toBe(scan.items.filter((item) => (item.space === null || item.space === 's-7') && (item.type === 'material' || item.type === 'page')).length);

    const page = index.query(parse({ text: 'IDEEEN item', verdicts: ['lost'], offset: 10, limit: 5 }));
    const expected = scan.items.filter((item) => item.verdict === 'lost' && foldText(item.title).includes('ideeen'));
    expect(page.total).toBe(expected.length);
    expect(page.items).toHaveLength(5);
    expect(page.items.every((item) => item.verdict === 'lost' && item.title.startsWith('Ideeën'))).toBe(true);
  });

  it('orders ties by date then scan order, so pages never repeat an item', () => {
    const index = createItemIndex(bigScan(2_000));
    const seen = new Set<string>();
    for (let offset = 0; offset < 2_000; offset += 300) {
      for (const item of index.query(parse({ sort: 'type', offset, limit: 300 })).items) {
        expect(seen.has(item.id)).toBe(false);
        seen.add(item.id);
      }
    }
    expect(seen.size).toBe(2_000);
  });
});
