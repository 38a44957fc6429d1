import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { recordScanResult, recordScanResultOffThread } from '../../electron/core/inventory/record-scan-result.ts';
import { finishScanRun, finishScanRunOffThread, ScanRunSupersededError } from '../../electron/core/library/scan-merge.ts';
import { startScanRun } from '../../electron/core/library/scan-runs-repository.ts';
import { ScanStage } from '../../electron/core/library/scan-stage.ts';
import { upsertItems } from '../../electron/core/library/items-repository.ts';
import { migrate } from '../../electron/core/library/migrations/index.ts';
import * as scanRunsMigration from '../../electron/core/library/migrations/003-scan-runs.ts';
import { iterateScannedItems, scanResultOfRun } from '../../electron/core/library/report-queries.ts';
import { search } from '../../electron/core/library/search.ts';
import { upsertSpaces } from '../../electron/core/library/spaces-repository.ts';
import { buildScan, type ScanSpec } from '../helpers/report-scan-builder.ts';
import { useTempLibraries } from './library-temp.ts';

const temp = useTempLibraries();
const TIME_ZONE = 'Europe/Brussels';

const spec: ScanSpec = {
  account: { id: 'u-1', name: 'An', email: 'an@school.example', hasEtwinningAccount: true, hasSegAccount: false },
  spaces: [
    { id: 'g-1', kind: 'group', title: 'Rivers', createdAt: '2017-01-01T00:00:00Z', activity: ['2021-06-01T10:00:00Z'], items: [
      { id: 'i-1', type: 'page', title: 'Spring', createdAt: '2019-03-01T10:00:00Z' },
      { id: 'i-2', type: 'material', title: 'Old worksheet', createdAt: '2016-12-31T23:30:00Z', size: 1200 },
    ] },
    { id: 't-1', kind: 'twinspace', title: 'Project', createdAt: '2018-01-01T00:00:00Z', activity: [], migrationRequest: 'none', items: [
      { id: 'i-3', type: 'forum-thread', title: 'Hello', createdAt: '2020-01-01T00:00:00Z' },
    ] },
  ],
  personal: [{ id: 'p-1', type: 'photo', title: 'Me', createdAt: '2021-01-01T00:00:00Z', size: 300 }],
};

describe('migration 3: scan runs', () => {
  it('adds runs and report columns to a version 2 library and keeps its archived items searchable', () => {
    const file = path.join(temp.folder(), 'library.sqlite');
    const db = new BetterSqlite3(file);
    expect(migrate(db, { to: 2 })).toBe(2);
    db.close();

    const raw = new BetterSqlite3(file);
    const v2 = { db: raw, file, close: () => raw.close() };
    upsertSpaces(v2, { source: 's', accountId: 'u-1' }, [{ id: 'g-1', kind: 'group', title: 'Rivers', createdAt: '2017-01-01T00:00:00Z', verdict: 'lost', rule: 'G2', reason: { en: 'x', nl: 'y' }, quote: 'q', lastActivityAt: null, itemCount: 1 }]);
    upsertItems(v2, { source: 's', accountId: 'u-1' }, [{ id: 'i-1', space: 'g-1', type: 'page', title: 'Lente', createdAt: '2019-03-01T10:00:00Z', verdict: 'lost', rule: 'G2', reason: { en: 'x', nl: 'y' }, quote: 'q', size: 0 }]);
    // As an archive job of version 2 recorded it (recordArchive now writes the later schema).
    raw.exec(`INSERT INTO archives (id, source, account_id, space_id, title, part, parts, path, size, sha256, entry_count, created_at)
              VALUES (1, 's', 'u-1', 'g-1', 'Rivers', 1, 1, '/a.zip', 1, '${'0'.repeat(64)}', 1, '2024-01-01T00:00:00Z');
              UPDATE items SET archive_id = 1, entry_path = 'Pages/lente.html', sha256 = '${'1'.repeat(64)}', body_text = 'bloesem in de boomgaard'
              WHERE id = 'i-1';`);
    raw.close();

    const library = temp.open(file);
    expect(library.db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(scanRunsMigration.version);
    expect(search(library, 'boomgaard').map((hit) => hit.itemId)).toEqual(['i-1']);
    expect(library.db.prepare('SELECT holder_kind, gone_at FROM items').get()).toEqual({ holder_kind: null, gone_at: null });
    expect(library.db.prepare('SELECT count(*) AS n FROM scan_runs').get()).toEqual({ n: 0 });
  });
});

describe('recording an in-memory scan as a run', () => {
  it('records the same run on a worker thread as on the calling one', async () => {
    const scan = await buildScan(spec);
    const inThread = recordScanResult(temp.open(), scan, TIME_ZONE);
    const offLibrary = temp.open();
    const offThread = await recordScanResultOffThread(offLibrary, scan, TIME_ZONE, () => new Date(), 0);
    expect(offThread.summary).toEqual(inThread.summary);
    expect(offThread.status).toBe('done');
    expect(scanResultOfRun(offLibrary, offThread).items.map((item) => item.id).sort()).toEqual(scan.items.map((item) => item.id).sort());
  });

  it('stores every field, counts years in Brussels time, and compares the next run', async () => {
    const library = temp.open();
    const scan = await buildScan(spec);
    const first = recordScanResult(library, scan, TIME_ZONE);
    expect(first).toMatchObject({ status: 'done', changes: null, accountId: 'u-1' });
    const stored = scanResultOfRun(library, first);
    expect(stored.items.sort((a, b) => a.id.localeCompare(b.id))).toEqual([...scan.items].sort((a, b) => a.id.localeCompare(b.id)));
    expect(stored.scannedAt).toBe(scan.scannedAt);
    // 23:30 UTC on 31 December 2016 is already 2017 in Brussels.
    expect(first.summary?.byYear.map((year) => [year.year, year.items])).toEqual([[2017, 1], [2019, 1], [2020, 1], [2021, 1]]);
    expect(first.summary?.byKind.twinspace).toMatchObject({ spaces: 1, items: 1 });
    expect(first.summary?.byKind.personal).toMatchObject({ spaces: 0, items: 1, bytes: 300 });

    const later = await buildScan({
      ...spec,
      spaces: spec.spaces.map((space) => space.id === 't-1' ? { ...space, migrationRequest: 'confirmed' as const } : space),
      personal: [],
    });
    const second = recordScanResult(library, later, TIME_ZONE);
    expect(second.changes).toMatchObject({
      previousRunId: first.id,
      spaces: { added: 0, removed: 0, verdict: 1 },
      items: { added: 0, removed: 1, removedBytes: 300 },
    });
    expect(second.changes?.transitions).toContainEqual(expect.objectContaining({ record: 'space', after: 'migrates' }));
    expect([...iterateScannedItems(library, { source: scan.source, accountId: 'u-1' })].map((item) => item.id).sort()).toEqual(['i-1', 'i-2', 'i-3']);
    expect(() => scanResultOfRun(library, first)).toThrow(/not the account's latest/);
  });
});

describe('the judgements of a run', () => {
  it('keep their own reason for items with the same verdict and rule but other words', async () => {
    const library = temp.open();
    const scan = await buildScan(spec);
    const [first, second, ...rest] = scan.items;
    if (!first || !second) throw new Error('the spec has items');
    const sameRule = { verdict: first.verdict, rule: first.rule, quote: first.quote };
    const reworded = [
      { ...first, ...sameRule, reason: { en: 'Said one way.', nl: 'Zo gezegd.' } },
      { ...second, ...sameRule, reason: { en: 'Said one way.', nl: 'Anders gezegd.' } },
      ...rest,
    ];
    const run = recordScanResult(library, { ...scan, items: reworded }, TIME_ZONE);
    const stored = new Map(scanResultOfRun(library, run).items.map((item) => [item.id, item]));
    for (const item of reworded) expect(stored.get(item.id)).toMatchObject({ verdict: item.verdict, rule: item.rule, reason: item.reason, quote: item.quote });
  });
});

describe('two scans of one account at once', () => {
  it('sets the older aside when a newer one starts, and the older cannot overwrite the library', async () => {
    const library = temp.open();
    const scan = await buildScan(spec);
    const first = recordScanResult(library, scan, TIME_ZONE);
    const scope = { source: scan.source, accountId: 'u-1' };
    const newRun = () => startScanRun(library, { scope, account: scan.account, ruleSet: scan.ruleSet, settings: scan.settings, startedAt: '2026-01-01T00:00:00Z' });

    const older = newRun();
    const olderStage = new ScanStage(library, older);
    for (const space of scan.spaces) olderStage.addSpace(space);
    olderStage.flush();
    const newer = newRun();

    expect(() => finishScanRun(library, { runId: older, scope, finishedAt: '2026-01-01T00:01:00Z' })).toThrow(ScanRunSupersededError);
    await expect(finishScanRunOffThread(library, { runId: older, scope, finishedAt: '2026-01-01T00:01:00Z' })).rejects.toThrow(ScanRunSupersededError);
    expect([...iterateScannedItems(library, scope)]).toHaveLength(scan.items.length);

    const newerStage = new ScanStage(library, newer);
    for (const space of scan.spaces) newerStage.addSpace(space);
    for (const item of scan.items) newerStage.addItem({ item, holderKind: item.space === null ? 'personal' : 'group', createdYear: 2020 });
    newerStage.flush();
    const finished = await finishScanRunOffThread(library, { runId: newer, scope, finishedAt: '2026-01-01T00:02:00Z' });
    expect(finished).toMatchObject({ status: 'done', changes: { previousRunId: first.id, items: { added: 0, removed: 0 } } });
    expect(library.db.prepare('SELECT count(*) AS n FROM scan_stage_items').get()).toEqual({ n: 0 });
  });
});
