import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeTotals, type ScanResult, type ScannedItem } from '../../shared/inventory.ts';
import { createRulesEngine } from '../../shared/rules/rules-engine.ts';
import { scanAccount } from '../../electron/core/inventory/scan-account.ts';
import { scanIntoLibrary } from '../../electron/core/inventory/scan-into-library.ts';
import { recordArchive } from '../../electron/core/library/archives-repository.ts';
import { openLibrary, type Library } from '../../electron/core/library/library.ts';
import {
  iterateScannedItems, pageScanChanges, pageScannedItems, pageScannedSpaces, scanResultOfRun,
} from '../../electron/core/library/report-queries.ts';
import { listScanRuns } from '../../electron/core/library/scan-runs-repository.ts';
import { createPlatformClient } from '../../electron/core/platform-client/platform-client.ts';
import { loadCurrentRuleSet } from '../../electron/core/rules/load-rule-set.ts';
import type { Snapshot } from '../../electron/core/sample-platform/snapshot-schema.ts';
import { readDemoSnapshot, useSamplePlatforms } from '../helpers/sample-platform.ts';
import { useTempDirs } from '../helpers/temp-dir.ts';

const startPlatform = useSamplePlatforms();
const tempDir = useTempDirs();
const ruleSet = loadCurrentRuleSet();
const rules = createRulesEngine(ruleSet, { margin: 1, euLoginEmail: 'lotte.janssens@school.example' });
const DEMO = { login: 'lotte.janssens', password: 'demo' };

async function openTempLibrary(): Promise<Library> {
  return openLibrary(path.join(await tempDir(), 'library.sqlite'));
}

function clientOf(url: string, signal?: AbortSignal) {
  return createPlatformClient({ baseUrl: url, credentials: { kind: 'password', ...DEMO }, concurrency: 4, ...(signal ? { signal } : {}) });
}

async function streamScan(url: string, library: Library, signal?: AbortSignal) {
  const client = clientOf(url, signal);
  try {
    return await scanIntoLibrary({ source: client, sourceUrl: url, rules, library, concurrency: 4, ...(signal ? { signal } : {}) });
  } finally {
    await client.close();
  }
}

async function memoryScan(url: string): Promise<ScanResult> {
  const client = clientOf(url);
  try {
    return await scanAccount({ source: client, sourceUrl: url, rules, concurrency: 4 });
  } finally {
    await client.close();
  }
}

const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);

describe('scanning into the library', () => {
  it('holds exactly what an in-memory scan finds, with the summary counted from the index', async () => {
    const platform = await startPlatform(await readDemoSnapshot());
    const library = await openTempLibrary();
    const run = await streamScan(platform.url, library);
    const expected = await memoryScan(platform.url);

    expect(run.status).toBe('done');
    expect(run.changes).toBeNull();
    const stored = scanResultOfRun(library, run);
    expect([...stored.items].sort(byId)).toEqual([...expected.items].sort(byId));
    expect([...stored.spaces].sort(byId)).toEqual([...expected.spaces].sort(byId));
    expect(run.summary?.totals).toEqual(computeTotals(expected.spaces, expected.items));

    const summary = run.summary;
    if (!summary) throw new Error('no summary');
    const personal = expected.items.filter((item) => item.space === null);
    expect(summary.byKind.personal.items).toBe(personal.length);
    const twinspaceIds = new Set(expected.spaces.filter((space) => space.kind === 'twinspace').map((space) => space.id));
    expect(summary.byKind.twinspace.items).toBe(expected.items.filter((item) => item.space !== null && twinspaceIds.has(item.space)).length);
    expect(summary.byKind.twinspace.spaces).toBe(twinspaceIds.size);
    expect(summary.byYear.reduce((sum, year) => sum + year.items, 0)).toBe(expected.items.length);
    expect(summary.byRule.reduce((sum, rule) => sum + rule.items, 0)).toBe(expected.items.length);
    expect(summary.byRule.reduce((sum, rule) => sum + rule.spaces, 0)).toBe(expected.spaces.length);
    // Brussels years: an item made at 23:30 UTC on 31 December belongs to the next year there.
    const year2019 = expected.items.filter((item) => brusselsYear(item.createdAt) === 2019).length;
    expect(summary.byYear.find((year) => year.year === 2019)?.items ?? 0).toBe(year2019);
  });

  it('drills down by verdict, kind, year and space with totals that match the summary', async () => {
    const platform = await startPlatform(await readDemoSnapshot());
    const library = await openTempLibrary();
    const run = await streamScan(platform.url, library);
    const scope = { source: platform.url, accountId: run.accountId };
    const summary = run.summary;
    if (!summary) throw new Error('no summary');

    const lost = pageScannedItems(library, scope, { verdicts: ['lost'] }, { limit: 7 });
    expect(lost.total).toBe(summary.totals.byVerdict.lost.items);
    expect(lost.rows).toHaveLength(Math.min(7, lost.total));
    expect(lost.rows.every((item) => item.verdict === 'lost')).toBe(true);
    const next = pageScannedItems(library, scope, { verdicts: ['lost'] }, { offset: 7, limit: 7 });
    expect(next.rows.map((item) => item.id)).not.toContain(lost.rows[0]?.id);

    for (const year of summary.byYear) {
      expect(pageScannedItems(library, scope, { years: [year.year] }).total).toBe(year.items);
      expect(pageScannedItems(library, scope, { years: [year.year], verdicts: ['uncertain'] }).total).toBe(year.byVerdict.uncertain.items);
    }
    expect(pageScannedItems(library, scope, { holderKinds: ['personal'] }).total).toBe(summary.byKind.personal.items);
    expect(pageScannedItems(library, scope, { space: 'personal' }).total).toBe(summary.byKind.personal.items);

    const spaces = pageScannedSpaces(library, scope, {}, { limit: 1000 });
    expect(spaces.total).toBe(summary.totals.spaces);
    for (const space of spaces.rows.slice(0, 10)) {
      const items = pageScannedItems(library, scope, { space: space.id }, { limit: 1000 });
      expect(items.total).toBe(space.counts.lost + space.counts.uncertain + space.counts.migrates);
      expect(space.atRiskBytes).toBe(items.rows.filter((item) => item.verdict !== 'migrates').reduce((sum, item) => sum + item.size, 0));
    }
    const groups = pageScannedSpaces(library, scope, { kinds: ['group'], verdicts: ['lost'] });
    expect(groups.total).toBe(summary.byKind.group.spacesByVerdict.lost);
  });

  it('compares a rescan with the last one: a group moved into the window, items added and removed', async () => {
    const snapshot = await readDemoSnapshot();
    const first = await startPlatform(snapshot);
    const library = await openTempLibrary();
    const firstRun = await streamScan(first.url, library);
    const scope = { source: first.url, accountId: firstRun.accountId };
    const before = scanResultOfRun(library, firstRun);

    const lostGroup = before.spaces.find((space) => space.kind === 'group' && space.verdict === 'lost' && space.rule === 'G2');
    if (!lostGroup) throw new Error('the demo world has no inactive group');
    const removable = before.items.filter((item) => item.space !== null && item.space !== lostGroup.id).slice(0, 2);
    const [archivedGone, plainGone] = removable as [ScannedItem, ScannedItem];
    recordArchive(library, {
      source: scope.source, accountId: scope.accountId, spaceId: archivedGone.space, title: 'kept', part: 1, parts: 1,
      path: path.join(await tempDir(), 'kept.zip'), size: 1, sha256: '0'.repeat(64), entryCount: 1, createdAt: '2026-01-01T00:00:00Z',
    }, [{ itemId: archivedGone.id, entryPath: 'Pages/kept.html', sha256: '1'.repeat(64), bodyText: 'zeldzaamwoord' }]);

    const changed = structuredClone(snapshot) as Snapshot;
    const group = changed.spaces.find((space) => space.id === lostGroup.id);
    group?.activity.push({ at: '2021-06-15T10:00:00Z', kind: 'page' });
    changed.items = changed.items.filter((item) => item.id !== archivedGone.id && item.id !== plainGone.id);
    const owner = changed.items.find((item) => item.space === lostGroup.id)?.owner ?? 'u-1';
    changed.items.push({ id: 'new-page-1', owner, space: lostGroup.id, type: 'page', title: 'Nieuwe pagina', createdAt: '2021-06-15T10:00:00Z', body: '<p>nieuw</p>' });
    // The platform is now another server on another port: the same account scope is what matters.
    const second = await startPlatform(changed);
    const secondRun = await streamScanAs(second.url, first.url, library);

    const changes = secondRun.changes;
    if (!changes) throw new Error('no comparison');
    expect(changes.previousRunId).toBe(firstRun.id);
    expect(changes.spaces).toEqual({ added: 0, removed: 0, verdict: 1 });
    expect(changes.items.added).toBe(1);
    expect(changes.items.removed).toBe(2);
    expect(changes.transitions).toContainEqual(expect.objectContaining({ record: 'space', before: 'lost', after: 'migrates', count: 1 }));
    const spaceChanges = pageScanChanges(library, secondRun.id, { record: 'space' });
    expect(spaceChanges.rows).toEqual([expect.objectContaining({ id: lostGroup.id, change: 'verdict', before: { verdict: 'lost', rule: 'G2' } })]);
    const removed = pageScanChanges(library, secondRun.id, { record: 'item', changes: ['removed'] });
    expect(removed.rows.map((row) => row.id).sort()).toEqual([archivedGone.id, plainGone.id].sort());

    const live = [...iterateScannedItems(library, scope)].map((item) => item.id);
    expect(live).toContain('new-page-1');
    expect(live).not.toContain(archivedGone.id);
    expect(live).not.toContain(plainGone.id);
    // The archived one stays findable in the library; the other is gone.
    const kept = library.db.prepare<[string], { gone_at: string | null }>('SELECT gone_at FROM items WHERE id = ?').get(archivedGone.id);
    expect(kept?.gone_at).not.toBeNull();
    expect(library.db.prepare('SELECT 1 FROM items WHERE id = ?').get(plainGone.id)).toBeUndefined();
    expect(listScanRuns(library, scope).map((entry) => entry.id)).toEqual([secondRun.id, firstRun.id]);

    // A third scan of the same world changes nothing.
    const thirdRun = await streamScanAs(second.url, first.url, library);
    expect(thirdRun.changes).toMatchObject({ spaces: { added: 0, removed: 0, verdict: 0 }, items: { added: 0, removed: 0, verdict: 0 } });
  });

  it('leaves the last finished scan untouched when a scan is cancelled midway', async () => {
    const platform = await startPlatform(await readDemoSnapshot(), { latencyMs: 5 });
    const library = await openTempLibrary();
    const firstRun = await streamScan(platform.url, library);
    const scope = { source: platform.url, accountId: firstRun.accountId };
    const before = [...iterateScannedItems(library, scope)];

    const controller = new AbortController();
    const client = clientOf(platform.url, controller.signal);
    let seen = 0;
    const cancelled = scanIntoLibrary({
      source: client, sourceUrl: platform.url, rules, library, signal: controller.signal,
      onProgress: (progress) => { seen = progress.itemsDone; if (seen >= 100) controller.abort(); },
    });
    await expect(cancelled).rejects.toThrow();
    await client.close();

    const runs = listScanRuns(library, scope);
    expect(runs[0]).toMatchObject({ status: 'failed' });
    expect([...iterateScannedItems(library, scope)]).toEqual(before);
    const staged = library.db.prepare<[], { n: number }>('SELECT count(*) AS n FROM scan_stage_items').get();
    expect(staged?.n).toBe(0);
    const again = await streamScan(platform.url, library);
    expect(again.changes?.previousRunId).toBe(firstRun.id);
    expect(again.changes?.items).toMatchObject({ added: 0, removed: 0, verdict: 0 });
  });
});

/** Scans `url` but records it under `source`, as if the platform had stayed where it was. */
async function streamScanAs(url: string, source: string, library: Library) {
  const client = clientOf(url);
  try {
    return await scanIntoLibrary({ source: client, sourceUrl: source, rules, library, concurrency: 4 });
  } finally {
    await client.close();
  }
}

function brusselsYear(instant: string): number {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels', year: 'numeric' }).formatToParts(new Date(instant));
  return Number(parts.find((part) => part.type === 'year')?.value);
}
