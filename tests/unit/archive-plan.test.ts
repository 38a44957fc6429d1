import { describe, expect, it } from 'vitest';
import type { ScanResult, ScannedItem } from '../../shared/inventory.ts';
import { ArchivePlan, type SettledArchive } from '../../electron/core/jobs/archive-plan.ts';

const MB = 1024 * 1024;

function item(id: string, space: string | null, options: { body?: boolean; fileSize?: number; createdAt?: string } = {}): ScannedItem {
  const fileSize = options.fileSize ?? 0;
  return {
    id, space, type: fileSize > 0 ? 'material' : 'page', title: id, createdAt: options.createdAt ?? '2020-01-01T00:00:00Z', updatedAt: null,
    parent: null, owner: 'u1', origin: 'etwinning', organizer: null, hasBody: options.body ?? fileSize === 0,
    file: fileSize > 0 ? { name: `${id}.mp4`, mediaType: 'video/mp4', size: fileSize, sha256: '0'.repeat(64) } : null,
    size: fileSize, url: null, verdict: 'lost', rule: 'T1', reason: { en: '', nl: '' }, quote: '',
  } as ScannedItem;
}

function scanOf(items: ScannedItem[]): ScanResult {
  const spaces = [...new Set(items.map((entry) => entry.space).filter((id): id is string => id !== null))];
  return {
    format: 'twinarchive-scan/1', source: 'http://x', scannedAt: '2024-01-01T00:00:00Z',
    ruleSet: { version: '1', faqUpdated: '2023-10-17' }, settings: { margin: 1, euLoginEmail: null },
    account: { id: 'u1', name: 'An', email: 'an@x', hasEtwinningAccount: true, hasSegAccount: false },
    spaces: spaces.map((id) => ({ id, kind: 'group', title: id.toUpperCase(), createdAt: '2019-01-01T00:00:00Z' })) as ScanResult['spaces'],
    items, totals: {} as ScanResult['totals'],
  };
}

function plan(items: ScannedItem[], splitSize: number, known: [string, number][] = []) {
  const settled: SettledArchive[] = [];
  const archivePlan = new ArchivePlan({ scan: scanOf(items), items, splitSize, knownBodyBytes: new Map(known), onSettled: (entry) => settled.push(entry) });
  archivePlan.settleKnown();
  return { archivePlan, settled };
}

describe('the plan of an archive job while its bodies arrive', () => {
  it('writes a small archive at once, and keeps its plan when its bodies fit', () => {
    const items = [item('a-1', 'g-a'), item('a-2', 'g-a'), item('b-1', 'g-b', { fileSize: 1000 })];
    const { archivePlan, settled } = plan(items, 4 * MB);
    expect(archivePlan.bodiesFirst('g-a')).toBe(false);
    expect(archivePlan.isSettled('g-a')).toBe(false);
    expect(settled.map((entry) => entry.archive.key)).toEqual(['g-b']);
    const before = archivePlan.archives[0];
    archivePlan.noteBody(items[0] as ScannedItem, 5000);
    expect(archivePlan.isSettled('g-a')).toBe(false);
    archivePlan.noteBody(items[1] as ScannedItem, 5000);
    expect(archivePlan.isSettled('g-a')).toBe(true);
    expect(settled.at(-1)).toEqual({ archive: before, replaced: null });
    expect(archivePlan.archives[0]).toBe(before);
  });

  it('replaces the plan of an archive whose bodies do not fit the parts it was given', async () => {
    const items = Array.from({ length: 10 }, (_, index) => item(`a-${index}`, 'g-a', { createdAt: `2020-01-${String(index + 1).padStart(2, '0')}T00:00:00Z` }));
    const { archivePlan, settled } = plan(items, MB);
    expect(archivePlan.bodiesFirst('g-a')).toBe(false);
    const speculative = archivePlan.archives[0];
    expect(speculative?.parts.map((part) => part.fileName)).toEqual(['G-A.zip']);
    const linked = archivePlan.locator.resolverFor(speculative?.parts[0] as NonNullable<typeof speculative>['parts'][number]);
    expect(linked({ kind: 'content', itemId: 'a-9' })).toMatchObject({ kind: 'entry' });
    const waiting = archivePlan.whenSettled('g-a');
    for (const entry of items) archivePlan.noteBody(entry, 200_000);
    await waiting;
    const settledPlan = archivePlan.archives[0];
    expect(settled.at(-1)).toEqual({ archive: settledPlan, replaced: speculative });
    expect(settledPlan?.parts.length).toBeGreaterThan(1);
    expect(settledPlan?.parts.map((part) => part.fileName)[0]).toBe(`G-A part 1 of ${settledPlan?.parts.length}.zip`);
    expect(settledPlan?.parts.flatMap((part) => part.items.map((planned) => planned.item.id))).toEqual(items.map((entry) => entry.id));
    expect(archivePlan.locator.place('a-9')?.part).toBe(settledPlan?.parts.at(-1));
  });

  it('waits for the bodies of an archive near its split size before writing it', () => {
    const items = [item('a-1', 'g-a', { fileSize: 700_000 }), item('a-2', 'g-a')];
    const { archivePlan } = plan(items, MB);
    expect(archivePlan.bodiesFirst('g-a')).toBe(true);
  });

  it('plans again exactly as before with the body sizes a resumed run knows', () => {
    const items = Array.from({ length: 10 }, (_, index) => item(`a-${index}`, 'g-a'));
    const sizes = items.map((entry, index): [string, number] => [entry.id, 50_000 + index * 20_000]);
    const first = plan(items, MB);
    for (const [id, bytes] of sizes) first.archivePlan.noteBody(items.find((entry) => entry.id === id) as ScannedItem, bytes);
    const resumed = plan(items, MB, sizes);
    expect(resumed.archivePlan.isSettled('g-a')).toBe(true);
    const ids = (archivePlan: ArchivePlan) => archivePlan.archives[0]?.parts.map((part) => part.items.map((planned) => planned.item.id));
    expect(ids(resumed.archivePlan)).toEqual(ids(first.archivePlan));
  });
});
