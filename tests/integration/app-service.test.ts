import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type {
  AppEvent, ArchivedPage, ArchiveRecord, ChangesPage, ItemsPage, ItemsQuery, JobState, Overview, ReportSummary, SearchHit,
  SessionStatus, Settings, SpacesPage,
} from '../../shared/contract.ts';
import type { ScanResult } from '../../shared/inventory.ts';
import { VERDICTS } from '../../shared/model.ts';
import { createRulesEngine } from '../../shared/rules/rules-engine.ts';
import type { AppService } from '../../electron/core/app/app-service.ts';
import type { SecretStore } from '../../electron/core/app/shell-adapters.ts';
import { scanAccount } from '../../electron/core/inventory/scan-account.ts';
import { createPlatformClient } from '../../electron/core/platform-client/platform-client.ts';
import { loadCurrentRuleSet } from '../../electron/core/rules/load-rule-set.ts';
import { DEMO_ACCOUNT } from '../../electron/core/sample-platform/demo-account.ts';
import { startSamplePlatform } from '../../electron/core/sample-platform/server.ts';
import type { Snapshot } from '../../electron/core/sample-platform/snapshot-schema.ts';
import { createMemorySecretStore, createWebAdapters } from '../../electron/dev-bridge/web-adapters.ts';
import { call, failure, useAppServices } from '../helpers/app-services.ts';
import { activeContentIn } from '../helpers/archive-reading.ts';
import { runCli } from '../helpers/cli.ts';
import { readDemoSnapshot, useSamplePlatforms } from '../helpers/sample-platform.ts';
import { useTempDirs } from '../helpers/temp-dir.ts';

const tempDir = useTempDirs();
const startPlatform = useSamplePlatforms();
const GiB = 1024 * 1024 * 1024;

const startService = useAppServices();

function newService(dataDir: string, secrets: SecretStore = createMemorySecretStore()): AppService {
  return startService(dataDir, createWebAdapters(secrets));
}

/** Resolves with the first event that matches; subscribe before starting what sends it. */
function nextEvent<E extends AppEvent>(service: AppService, match: (event: AppEvent) => event is E): Promise<E>;
function nextEvent(service: AppService, match: (event: AppEvent) => boolean): Promise<AppEvent>;
function nextEvent(service: AppService, match: (event: AppEvent) => boolean): Promise<AppEvent> {
  return new Promise((resolve) => {
    const stop = service.onEvent((event) => {
      if (!match(event)) return;
      stop();
      resolve(event);
    });
  });
}

const jobEnded = (event: AppEvent): event is Extract<AppEvent, { type: 'job' }> =>
  event.type === 'job' && event.state.status !== 'running';
const jobFetching = (event: AppEvent): event is Extract<AppEvent, { type: 'job' }> =>
  event.type === 'job' && event.state.status === 'running' && event.state.progress.phase === 'fetching';

async function connectedSample(dataDir?: string): Promise<{ service: AppService; overview: Overview; dataDir: string }> {
  const dir = dataDir ?? (await tempDir());
  const service = newService(dir);
  const status = await call<SessionStatus>(service, 'session.connect', { kind: 'sample' });
  expect(status).toMatchObject({ connected: true, sample: true, remembered: false });
  expect(status.account?.name).toBeTruthy();
  return { service, overview: await call<Overview>(service, 'scan.run'), dataDir: dir };
}

function everySpace(overview: Overview): string[] {
  return [...overview.spaces.map((space) => space.id), 'personal'];
}

async function query(service: AppService, args: ItemsQuery): Promise<ItemsPage> {
  return await call<ItemsPage>(service, 'items.query', args);
}

/** The same account scanned by the core itself, in memory, with the app's default settings. */
async function directScan(source: string): Promise<ScanResult> {
  const ruleSet = loadCurrentRuleSet();
  const client = createPlatformClient({ baseUrl: source, credentials: { kind: 'password', login: DEMO_ACCOUNT.login, password: DEMO_ACCOUNT.password } });
  try {
    return await scanAccount({ source: client, sourceUrl: source, rules: createRulesEngine(ruleSet, { margin: ruleSet.margin.default, euLoginEmail: null }) });
  } finally {
    await client.close();
  }
}

/** Lower case without accents, as the full-text index folds words. */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** SQLite's NOCASE order: ASCII letters folded, everything else by code point. */
function nocase(text: string): string {
  return text.replace(/[A-Z]/g, (letter) => letter.toLowerCase());
}

function brusselsYear(instant: string): number {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels', year: 'numeric' }).formatToParts(new Date(instant));
  return Number(parts.find((part) => part.type === 'year')?.value);
}

describe('app service: session, scan and items', () => {
  it('scans the sample platform and gives the same totals as scanAccount', async () => {
    const { service, overview } = await connectedSample();
    const status = await call<SessionStatus>(service, 'session.status');
    expect(status.source).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

    const ruleSet = loadCurrentRuleSet();
    const direct = await directScan(status.source ?? '');

    const { byRule: _byRule, ...totals } = direct.totals;
    expect(overview.totals).toEqual(totals);
    expect(overview.account).toEqual(direct.account);
    expect(overview.settings).toEqual({ margin: ruleSet.margin.default, euLoginEmail: null });
    expect(overview.dates).toEqual({ contentCutoff: ruleSet.contentCutoff, groupWindow: ruleSet.groupWindow, groupLife: ruleSet.groupLife });
    expect(overview.spaces.map((space) => space.id).sort()).toEqual(direct.spaces.map((space) => space.id).sort());
    for (const space of overview.spaces) {
      const items = direct.items.filter((item) => item.space === space.id);
      expect(space.counts.migrates + space.counts.lost + space.counts.uncertain).toBe(items.length);
      expect(space.atRiskBytes).toBe(items.filter((item) => item.verdict !== 'migrates').reduce((sum, item) => sum + item.size, 0));
    }
    const atRisk = direct.spaces.filter((space) => space.verdict !== 'migrates' || direct.items.some((item) => item.space === space.id && item.verdict !== 'migrates'));
    expect([...overview.atRiskSpaces].sort()).toEqual(atRisk.map((space) => space.id).sort());
    const personal = direct.items.filter((item) => item.space === null);
    expect(overview.personal.counts.lost).toBe(personal.filter((item) => item.verdict === 'lost').length);
    expect(await call<Overview | null>(service, 'scan.overview')).toEqual(overview);
  });

  it('filters, sorts and pages the scanned items', async () => {
    const { service, overview } = await connectedSample();
    const all = await query(service, { limit: 1000 });
    expect(all.total).toBe(overview.totals.items);

    const lost = await query(service, { verdicts: ['lost'], limit: 1000 });
    expect(lost.total).toBe(overview.totals.byVerdict.lost.items);
    expect(lost.items.every((item) => item.verdict === 'lost')).toBe(true);

    const rule = all.items[0]?.rule ?? 'T1';
    const byRule = await query(service, { rules: [rule], limit: 1000 });
    expect(byRule.total).toBe(all.items.filter((item) => item.rule === rule).length);
    expect(byRule.items.every((item) => item.rule === rule)).toBe(true);

    const materials = await query(service, { types: ['material'], limit: 1000 });
    expect(materials.total).toBe(all.items.filter((item) => item.type === 'material').length);
    expect(materials.total).toBeGreaterThan(0);

    const space = overview.spaces.find((candidate) => candidate.itemCount > 0);
    expect(space).toBeDefined();
    const inSpace = await query(service, { spaces: [space?.id ?? ''], limit: 1000 });
    expect(inSpace.total).toBe((space?.counts.migrates ?? 0) + (space?.counts.lost ?? 0) + (space?.counts.uncertain ?? 0));
    expect(inSpace.items.every((item) => item.space === space?.id && item.spaceTitle === space.title)).toBe(true);
    const personal = await query(service, { spaces: ['personal'], limit: 1000 });
    const { migrates, lost: lostPersonal, uncertain } = overview.personal.counts;
    expect(personal.total).toBe(migrates + lostPersonal + uncertain);
    expect(personal.items.every((item) => item.space === null && item.spaceTitle === null)).toBe(true);

    // Words of the title, each the start of a word, without regard to case or accents.
    const startsAWord = (title: string, word: string) => fold(title).split(/[^\p{L}\p{N}]+/u).some((each) => each.startsWith(word));
    const rivers = await query(service, { text: 'RIVIER', limit: 1000 });
    expect(rivers.total).toBeGreaterThan(0);
    expect(rivers.items.every((item) => startsAWord(item.title, 'rivier'))).toBe(true);
    expect(rivers.total).toBe(all.items.filter((item) => startsAWord(item.title, 'rivier')).length);
    // Latin letters with accents (the index folds those; Greek tonos stays): "Ideeën" is found by "ideeen".
    const accented = all.items.find((item) => /[\u00C0-\u024F]/u.test(item.title));
    expect(accented).toBeDefined();
    if (accented) {
      const plain = await query(service, { text: fold(accented.title), limit: 1000 });
      expect(plain.items.map((item) => item.id)).toContain(accented.id);
    }
    const combined = await query(service, { text: 'rivier', verdicts: ['lost'], types: ['material'], limit: 1000 });
    expect(combined.items.every((item) => item.verdict === 'lost' && item.type === 'material')).toBe(true);
    expect(combined.total).toBeLessThanOrEqual(rivers.total);

    const byTitle = await query(service, { sort: 'title', limit: 1000 });
    const titles = byTitle.items.map((item) => nocase(item.title));
    expect(titles).toEqual([...titles].sort());
    const byTitleDown = await query(service, { sort: 'title', direction: 'desc', limit: 1000 });
    expect(byTitleDown.items.map((item) => item.id)).toEqual(byTitle.items.map((item) => item.id).reverse());
    const bySize = await query(service, { sort: 'size', direction: 'desc', limit: 1000 });
    const sizes = bySize.items.map((item) => item.size);
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
    const byVerdict = await query(service, { sort: 'verdict', limit: 1000 });
    const ranks = byVerdict.items.map((item) => ['lost', 'uncertain', 'migrates'].indexOf(item.verdict));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));

    const first = await query(service, { sort: 'title', offset: 0, limit: 50 });
    const second = await query(service, { sort: 'title', offset: 50, limit: 50 });
    expect(first).toMatchObject({ total: all.total, offset: 0 });
    expect(second.offset).toBe(50);
    expect([...first.items, ...second.items].map((item) => item.id)).toEqual(byTitle.items.slice(0, 100).map((item) => item.id));
    expect((await query(service, { offset: all.total + 10 })).items).toEqual([]);
    const lostPage = await query(service, { verdicts: ['lost'], sort: 'createdAt', direction: 'desc', offset: 5, limit: 7 });
    expect(lostPage.items.map((item) => item.id)).toEqual(
      (await query(service, { verdicts: ['lost'], sort: 'createdAt', direction: 'desc', limit: 1000 })).items.slice(5, 12).map((item) => item.id),
    );

    const invalid = await failure(service.handle('items.query', { limit: 5000 }));
    expect(invalid.code).toBe('INVALID_ARGS');
    expect(invalid.message).toMatch(/^The arguments of items\.query are not valid \(limit: .+\): check what was sent\.$/);
  });

  it('reports the progress of a scan and stops it on request, keeping the last finished scan', async () => {
    // Slow enough that the listing outlasts the 250 ms between progress events on any machine.
    const platform = await startPlatform(await readDemoSnapshot(), { latencyMs: 40 });
    const service = newService(await tempDir());
    await call(service, 'session.connect', { kind: 'password', baseUrl: platform.url, login: DEMO_ACCOUNT.login, password: DEMO_ACCOUNT.password, remember: false });
    const done = nextEvent(service, (event) => event.type === 'scan' && event.progress.phase === 'done');
    const finished = await call<Overview>(service, 'scan.run');
    expect(await done).toMatchObject({ progress: { fraction: 1, itemsDone: finished.totals.items } });

    const listing = nextEvent(service, (event) => event.type === 'scan' && event.progress.phase === 'listing' && event.progress.itemsDone > 0);
    const again = service.handle('scan.run', {});
    await listing;
    expect(await call(service, 'scan.cancel')).toEqual({ ok: true });
    const stopped = await failure(again);
    expect(stopped.message).toMatch(/^The scan was stopped before it finished/);
    expect(await call<Overview | null>(service, 'scan.overview')).toEqual(finished);
    expect((await query(service, { limit: 1 })).total).toBe(finished.totals.items);
    expect(await call(service, 'scan.cancel')).toEqual({ ok: true });
  });

  it('keeps settings in settings.json across instances', async () => {
    const dataDir = await tempDir();
    const first = newService(dataDir);
    const defaults = await call<Settings>(first, 'settings.get');
    expect(defaults).toEqual({
      language: null, euLoginEmail: null, margin: loadCurrentRuleSet().margin.default, concurrency: 4, defaultDestination: null, splitSize: 4 * GiB,
    });
    const destination = await tempDir();
    const changed = await call<Settings>(first, 'settings.set', { language: 'nl', euLoginEmail: 'lotte@school.example', margin: 3, concurrency: 2, defaultDestination: destination });
    expect(changed).toEqual({ language: 'nl', euLoginEmail: 'lotte@school.example', margin: 3, concurrency: 2, defaultDestination: destination, splitSize: 4 * GiB });
    expect(JSON.parse(await readFile(path.join(dataDir, 'settings.json'), 'utf8'))).toEqual(changed);
    await first.close();

    const second = newService(dataDir);
    expect(await call<Settings>(second, 'settings.get')).toEqual(changed);
    expect(await call<Settings>(second, 'settings.set', { splitSize: 8 * 1024 * 1024 })).toEqual({ ...changed, splitSize: 8 * 1024 * 1024 });
    expect((await failure(second.handle('settings.set', { margin: 99 }))).code).toBe('INVALID_ARGS');
    expect((await failure(second.handle('settings.set', { defaultDestination: 'relative/folder' }))).code).toBe('INVALID_ARGS');
    expect((await call<Settings>(second, 'settings.get')).margin).toBe(3);
  });

  it('answers a wrong password with one sentence and a code, never the password', async () => {
    const platform = await startPlatform(await readDemoSnapshot());
    const service = newService(await tempDir());
    const error = await failure(service.handle('session.connect', {
      kind: 'password', baseUrl: platform.url, login: DEMO_ACCOUNT.login, password: 'not-the-password', remember: false,
    }));
    expect(error.code).toBe('SIGN_IN_FAILED');
    expect(error.message).toMatch(/^The platform at http:\/\/127\.0\.0\.1:\d+ did not accept this login and password: check them and try again\.$/);
    expect(error.message).not.toContain('not-the-password');
    expect(error.toJSON()).toEqual({ error: error.message, code: 'SIGN_IN_FAILED' });
    expect(await call<SessionStatus>(service, 'session.status')).toMatchObject({ connected: false, account: null, remembered: false });
    expect((await failure(service.handle('scan.run', {}))).code).toBe('NOT_CONNECTED');
    expect((await failure(service.handle('no.such.call', {}))).code).toBe('UNKNOWN_CALL');
    expect((await failure(service.handle('report.export', { format: 'csv', language: 'en', destination: null }))).code).toBe('NO_SCAN');
  });

  it('remembers a password sign-in in the secret store and signs in again with it lazily', async () => {
    const platform = await startPlatform(await readDemoSnapshot());
    const secrets = createMemorySecretStore();
    const first = newService(await tempDir(), secrets);
    const connected = await call<SessionStatus>(first, 'session.connect', {
      kind: 'password', baseUrl: `${platform.url}/login`, login: DEMO_ACCOUNT.login, password: DEMO_ACCOUNT.password, remember: true,
    });
    expect(connected).toMatchObject({ connected: true, sample: false, source: platform.url, remembered: true });
    await first.close();

    const second = newService(await tempDir(), secrets);
    expect(await call<SessionStatus>(second, 'session.status')).toMatchObject({ connected: false, remembered: true, source: platform.url });
    const sessionEvent = nextEvent(second, (event) => event.type === 'session');
    const overview = await call<Overview>(second, 'scan.run');
    expect(overview.account.id).toBe(connected.account?.id);
    expect(await sessionEvent).toMatchObject({ type: 'session', status: { connected: true } });
    const signedOut = await call<SessionStatus>(second, 'session.signOut');
    expect(signedOut).toMatchObject({ connected: false, remembered: false, account: null });
    expect(await secrets.load('twinarchive.session')).toBeNull();
    expect(await call<Overview | null>(second, 'scan.overview')).toBeNull();
  });
});

describe('app service: the report, read from the index', () => {
  it('counts by verdict and rule, kind and year, and every count lists exactly what it counts', async () => {
    const { service, overview } = await connectedSample();
    const summary = await call<ReportSummary>(service, 'report.summary');
    const direct = await directScan(overview.source);
    expect(summary.totals).toEqual(overview.totals);
    expect(summary.scannedAt).toBe(overview.scannedAt);
    expect(summary.changes).toBeNull();

    const kindOf = new Map(direct.spaces.map((space) => [space.id, space.kind]));
    const holderOf = (item: ScanResult['items'][number]) => (item.space === null ? 'personal' : (kindOf.get(item.space) ?? 'group'));
    for (const kind of ['group', 'twinspace', 'personal'] as const) {
      expect(summary.byKind[kind].items).toBe(direct.items.filter((item) => holderOf(item) === kind).length);
      expect(summary.byKind[kind].spaces).toBe(direct.spaces.filter((space) => space.kind === kind).length);
    }
    expect(summary.byYear.reduce((sum, year) => sum + year.items, 0)).toBe(direct.items.length);
    for (const year of summary.byYear) {
      expect(year.items).toBe(direct.items.filter((item) => brusselsYear(item.createdAt) === year.year).length);
    }
    expect(summary.byRule.reduce((sum, rule) => sum + rule.items, 0)).toBe(direct.items.length);

    // Every list is read whole (the demo fits one page), so its rows must add up to the count shown.
    const items = async (args: ItemsQuery, expected: number) => {
      const page = await query(service, { ...args, limit: 1000 });
      expect(page.total, JSON.stringify(args)).toBe(expected);
      expect(page.items, JSON.stringify(args)).toHaveLength(expected);
      return page.items;
    };
    const spaces = async (args: object, expected: number) => {
      const page = await call<SpacesPage>(service, 'spaces.query', { ...args, limit: 200 });
      expect(page.total, JSON.stringify(args)).toBe(expected);
      expect(page.spaces, JSON.stringify(args)).toHaveLength(expected);
      return page.spaces;
    };
    for (const verdict of VERDICTS) {
      const rows = await items({ verdicts: [verdict] }, summary.totals.byVerdict[verdict].items);
      expect(rows.every((item) => item.verdict === verdict)).toBe(true);
      expect((await spaces({ verdicts: [verdict] }, summary.totals.byVerdict[verdict].spaces)).every((space) => space.verdict === verdict)).toBe(true);
    }
    await items({ verdicts: ['lost', 'uncertain'] }, summary.totals.atRisk.items);
    await spaces({}, summary.totals.spaces);
    for (const row of summary.byRule) {
      const rows = await items({ rules: [row.rule], verdicts: [row.verdict] }, row.items);
      expect(rows.every((item) => item.rule === row.rule)).toBe(true);
      await spaces({ rules: [row.rule], verdicts: [row.verdict] }, row.spaces);
    }
    for (const kind of ['group', 'twinspace', 'personal'] as const) {
      const rows = await items({ kinds: [kind] }, summary.byKind[kind].items);
      expect(new Set(rows.map((item) => item.id))).toEqual(new Set(direct.items.filter((item) => holderOf(item) === kind).map((item) => item.id)));
      for (const verdict of VERDICTS) await items({ kinds: [kind], verdicts: [verdict] }, summary.byKind[kind].byVerdict[verdict].items);
      if (kind !== 'personal') await spaces({ kinds: [kind] }, summary.byKind[kind].spaces);
    }
    for (const year of summary.byYear) {
      const rows = await items({ years: [year.year] }, year.items);
      expect(rows.every((item) => brusselsYear(item.createdAt) === year.year)).toBe(true);
      for (const verdict of VERDICTS) await items({ years: [year.year], verdicts: [verdict] }, year.byVerdict[verdict].items);
    }

    // Pages of the spaces list: most at risk first, never one twice.
    const first = await call<SpacesPage>(service, 'spaces.query', { limit: 10 });
    const second = await call<SpacesPage>(service, 'spaces.query', { offset: 10, limit: 10 });
    expect(first.spaces).toHaveLength(10);
    expect(second.offset).toBe(10);
    expect(new Set([...first.spaces, ...second.spaces].map((space) => space.id)).size).toBe(20);
    expect((first.spaces[0]?.atRiskBytes ?? 0)).toBeGreaterThanOrEqual(second.spaces[0]?.atRiskBytes ?? 0);
    expect((await failure(service.handle('spaces.query', { limit: 500 }))).code).toBe('INVALID_ARGS');
    expect((await failure(service.handle('items.query', { kinds: ['school'] }))).code).toBe('INVALID_ARGS');
  });

  it('compares a rescan with the scan before: what moved, what was added and removed, page by page', async () => {
    const snapshot = await readDemoSnapshot();
    const options = { port: 0, faultSeed: null, latencyMs: 0, expireAfter: null, bandwidth: null };
    const first = await startSamplePlatform({ snapshot, ...options });
    const port = Number(new URL(first.url).port);
    const service = newService(await tempDir());
    let second: Awaited<ReturnType<typeof startSamplePlatform>> | null = null;
    try {
      await call(service, 'session.connect', { kind: 'password', baseUrl: first.url, login: DEMO_ACCOUNT.login, password: DEMO_ACCOUNT.password, remember: false });
      const before = await call<Overview>(service, 'scan.run');
      expect((await call<ReportSummary>(service, 'report.summary')).changes).toBeNull();
      expect(await call<ChangesPage>(service, 'report.changes', {})).toEqual({ total: 0, offset: 0, changes: [] });

      const inactive = (await call<SpacesPage>(service, 'spaces.query', { kinds: ['group'], rules: ['G2'], limit: 200 })).spaces[0];
      if (!inactive) throw new Error('the demo world has no inactive group');
      const others = (await query(service, { kinds: ['group', 'twinspace'], limit: 1000 })).items.filter((item) => item.space !== inactive.id);
      const gone = others.slice(0, 2).map((item) => item.id);
      const changed = structuredClone(snapshot) as Snapshot;
      changed.spaces.find((space) => space.id === inactive.id)?.activity.push({ at: '2021-06-15T10:00:00Z', kind: 'page' });
      changed.items = changed.items.filter((item) => !gone.includes(item.id));
      const owner = changed.items.find((item) => item.space === inactive.id)?.owner ?? 'u-1';
      changed.items.push({ id: 'new-page-1', owner, space: inactive.id, type: 'page', title: 'Nieuwe pagina', createdAt: '2021-06-15T10:00:00Z', body: '<p>nieuw</p>' });

      // The same platform (the same address) a while later.
      await first.close();
      second = await startSamplePlatform({ snapshot: changed, ...options, port });
      await call<Overview>(service, 'scan.run');
      const { changes, totals } = await call<ReportSummary>(service, 'report.summary');
      if (!changes) throw new Error('no comparison with the scan before');
      expect(changes.spaces).toEqual({ added: 0, removed: 0, verdict: 1 });
      expect(changes.items).toMatchObject({ added: 1, removed: 2 });
      expect(changes.transitions).toContainEqual(expect.objectContaining({ record: 'space', before: 'lost', after: 'migrates', count: 1 }));
      expect(totals.items).toBe(before.totals.items + 1 - 2);

      const moved = await call<ChangesPage>(service, 'report.changes', { record: 'space', changes: ['verdict'], before: 'lost', after: 'migrates' });
      expect(moved).toMatchObject({ total: 1, changes: [{ id: inactive.id, title: inactive.title, before: { verdict: 'lost', rule: 'G2' }, after: { verdict: 'migrates' } }] });
      const removedFirst = await call<ChangesPage>(service, 'report.changes', { record: 'item', changes: ['removed'], limit: 1 });
      const removedNext = await call<ChangesPage>(service, 'report.changes', { record: 'item', changes: ['removed'], offset: 1, limit: 1 });
      expect(removedFirst.total).toBe(2);
      expect([...removedFirst.changes, ...removedNext.changes].map((change) => change.id).sort()).toEqual([...gone].sort());
      expect([...removedFirst.changes, ...removedNext.changes].every((change) => change.after === null && change.before !== null)).toBe(true);
      const added = await call<ChangesPage>(service, 'report.changes', { record: 'item', changes: ['added'] });
      expect(added.changes).toEqual([expect.objectContaining({ id: 'new-page-1', before: null, spaceId: inactive.id })]);
      const itemMoves = changes.transitions.filter((move) => move.record === 'item').reduce((sum, move) => sum + move.count, 0);
      expect((await call<ChangesPage>(service, 'report.changes', { record: 'item', changes: ['verdict'] })).total).toBe(changes.items.verdict);
      expect(itemMoves).toBeLessThanOrEqual(changes.items.verdict);
      expect((await query(service, { spaces: [inactive.id], text: 'nieuwe' })).items.map((item) => item.id)).toEqual(['new-page-1']);
    } finally {
      await service.close();
      await second?.close();
      if (!second) await first.close();
    }
  });
});

describe('app service: archiving and the library', () => {
  it('archives in the background, then lists, searches, opens, verifies and reports', async () => {
    const { service, overview, dataDir } = await connectedSample();
    const destination = path.join(await tempDir(), 'archives');
    const ended = nextEvent(service, jobEnded);
    const started = await call<JobState>(service, 'archive.start', { spaces: everySpace(overview), destination, include: 'at-risk', splitSize: 4 * GiB });
    expect(started).toMatchObject({ status: 'running', destination, archives: [], error: null });
    expect(started.jobId).toMatch(/^archive-[0-9a-f]{20}$/);

    const done = (await ended).state;
    expect(done).toMatchObject({ status: 'done', jobId: started.jobId, error: null, progress: { phase: 'done', fraction: 1 } });
    expect(done.archives.length).toBeGreaterThan(0);
    expect(done.archives.reduce((sum, archive) => sum + archive.items, 0)).toBe(overview.totals.atRisk.items);
    expect(await call<JobState>(service, 'archive.status')).toEqual(done);

    const archives = await call<ArchiveRecord[]>(service, 'library.archives');
    expect(archives.map((archive) => archive.path).sort()).toEqual(done.archives.map((archive) => archive.path).sort());
    expect((await readdir(destination)).filter((name) => name.endsWith('.zip'))).toHaveLength(archives.length);

    const hits = await call<SearchHit[]>(service, 'library.search', { query: 'rivier', limit: 10 });
    expect(hits.length).toBeGreaterThan(0);
    const archivedHit = hits.find((hit) => hit.archivePath !== null && hit.type !== 'material');
    expect(archivedHit).toBeDefined();
    const page = await call<ArchivedPage>(service, 'library.openItem', { itemId: archivedHit?.itemId ?? '' });
    expect(page).toMatchObject({ itemId: archivedHit?.itemId, archivePath: archivedHit?.archivePath, file: null });
    expect(page.html).toMatch(/^<!DOCTYPE html>/);
    expect(page.html).toContain('Content-Security-Policy');
    expect(activeContentIn(page.html ?? '')).toEqual([]);

    const fileHit = hits.find((hit) => hit.archivePath !== null && hit.type === 'material');
    if (fileHit) {
      const file = await call<ArchivedPage>(service, 'library.openItem', { itemId: fileHit.itemId });
      expect(file.file?.size).toBeGreaterThan(0);
      expect(file.file?.mediaType).toMatch(/\//);
      expect(activeContentIn(file.html ?? '')).toEqual([]);
    }
    const migrating = (await query(service, { verdicts: ['migrates'], limit: 1 })).items[0];
    expect((await failure(service.handle('library.openItem', { itemId: migrating?.id ?? '' }))).code).toBe('NOT_ARCHIVED');

    expect(await call(service, 'library.verify')).toMatchObject({ archives: archives.length, problems: [] });

    const csv = await call<{ path: string; bytes: number }>(service, 'report.export', { format: 'csv', language: 'en', destination: null });
    expect(path.dirname(csv.path)).toBe(path.join(dataDir, 'reports'));
    expect(path.basename(csv.path)).toMatch(/^twinarchive-report-\d{4}-\d{2}-\d{2}\.csv$/);
    expect((await stat(csv.path)).size).toBe(csv.bytes);
    expect((await readFile(csv.path, 'utf8')).match(/^"item",/gm)).toHaveLength(overview.totals.items);
    // The app writes its report the way the CLI does, row by row from the index.
    const cliCsv = path.join(await tempDir(), 'cli.csv');
    const cli = await runCli(['report', '--from-library', '--format', 'csv', '--data-dir', dataDir, '--out', cliCsv]);
    expect(cli.code, cli.stderr).toBe(0);
    expect(await readFile(csv.path, 'utf8')).toBe(await readFile(cliCsv, 'utf8'));
    const reportFolder = await tempDir();
    const html = await call<{ path: string; bytes: number }>(service, 'report.export', { format: 'html', language: 'nl', destination: reportFolder });
    expect(path.dirname(html.path)).toBe(reportFolder);
    expect(await readFile(html.path, 'utf8')).toMatch(/^<!DOCTYPE html>\n<html lang="nl">/);
    const named = path.join(reportFolder, 'mine.json');
    const json = await call<{ path: string; bytes: number }>(service, 'report.export', { format: 'json', language: 'en', destination: named });
    expect(json.path).toBe(named);
    expect((JSON.parse(await readFile(named, 'utf8')) as { items: unknown[] }).items).toHaveLength(overview.totals.items);
    const newFolder = path.join(reportFolder, 'new folder');
    expect(path.dirname((await call<{ path: string }>(service, 'report.export', { format: 'csv', language: 'en', destination: newFolder })).path)).toBe(newFolder);
    expect((await failure(service.handle('report.export', { format: 'pdf', language: 'en', destination: null }))).code).toBe('NOT_AVAILABLE');

    expect(await call(service, 'shell.openPath', { path: done.archives[0]?.path ?? '' })).toEqual({ ok: true });
    expect(await call(service, 'shell.showInFolder', { path: html.path })).toEqual({ ok: true });
    expect((await failure(service.handle('shell.openPath', { path: '/etc/passwd' }))).code).toBe('PATH_NOT_ALLOWED');
    expect(await call(service, 'dialog.chooseFolder', { title: 'Where?' })).toBeNull();
  });

  it('pauses a running job and resumes it to the end; a second start is refused', async () => {
    // A slow platform, so the pause lands mid-download.
    const platform = await startPlatform(await readDemoSnapshot(), { latencyMs: 5 });
    const service = newService(await tempDir());
    await call(service, 'session.connect', { kind: 'password', baseUrl: platform.url, login: DEMO_ACCOUNT.login, password: DEMO_ACCOUNT.password, remember: false });
    const overview = await call<Overview>(service, 'scan.run');
    const destination = await tempDir();
    const args = { spaces: everySpace(overview), destination, include: 'at-risk', splitSize: 4 * GiB };

    const fetching = nextEvent(service, jobFetching);
    const started = await call<JobState>(service, 'archive.start', args);
    const refused = await failure(service.handle('archive.start', args));
    expect(refused.code).toBe('JOB_RUNNING');
    expect(refused.message).toBe('An archive job is already running: wait for it to finish, or pause or cancel it first.');
    await fetching;

    const paused = await call<JobState>(service, 'archive.pause');
    expect(paused).toMatchObject({ jobId: started.jobId, status: 'paused', error: null });
    expect(await call<JobState>(service, 'archive.status')).toMatchObject({ status: 'paused' });
    expect((await call<ArchiveRecord[]>(service, 'library.archives')).length).toBeLessThan(overview.spaces.length + 1);

    const ended = nextEvent(service, jobEnded);
    expect(await call<JobState>(service, 'archive.resume')).toMatchObject({ jobId: started.jobId, status: 'running' });
    const done = (await ended).state;
    expect(done).toMatchObject({ status: 'done', jobId: started.jobId });
    expect(done.archives.reduce((sum, archive) => sum + archive.items, 0)).toBe(overview.totals.atRisk.items);
    expect(await call(service, 'library.verify')).toMatchObject({ problems: [] });
    expect(await readdir(path.join(await call<{ dataDir: string }>(service, 'app.info').then((info) => info.dataDir), 'staging')).catch(() => [])).toEqual([]);
    expect(await call<JobState>(service, 'archive.resume')).toMatchObject({ status: 'done' });
  });

  it('offers a job cut off by quitting as paused in the next run, and resumes it', async () => {
    const platform = await startPlatform(await readDemoSnapshot(), { latencyMs: 5 });
    const dataDir = await tempDir();
    const connect = { kind: 'password', baseUrl: platform.url, login: DEMO_ACCOUNT.login, password: DEMO_ACCOUNT.password, remember: false };
    const first = newService(dataDir);
    await call(first, 'session.connect', connect);
    const overview = await call<Overview>(first, 'scan.run');
    const fetching = nextEvent(first, jobFetching);
    const started = await call<JobState>(first, 'archive.start', { spaces: everySpace(overview), destination: await tempDir(), include: 'at-risk', splitSize: 4 * GiB });
    await fetching;
    await first.close();
    expect((await failure(first.handle('archive.status', {}))).code).toBe('CLOSED');

    const second = newService(dataDir);
    expect(await call<JobState>(second, 'archive.status')).toMatchObject({ jobId: started.jobId, status: 'paused', destination: started.destination });
    expect((await failure(second.handle('archive.resume', {}))).code).toBe('NOT_CONNECTED');
    await call(second, 'session.connect', connect);
    const ended = nextEvent(second, jobEnded);
    await call(second, 'archive.resume');
    expect((await ended).state).toMatchObject({ status: 'done', jobId: started.jobId });
    expect(await call(second, 'library.verify')).toMatchObject({ problems: [] });
  });

  it('cancels a running job', async () => {
    const platform = await startPlatform(await readDemoSnapshot(), { latencyMs: 5 });
    const service = newService(await tempDir());
    await call(service, 'session.connect', { kind: 'password', baseUrl: platform.url, login: DEMO_ACCOUNT.login, password: DEMO_ACCOUNT.password, remember: false });
    const overview = await call<Overview>(service, 'scan.run');
    const fetching = nextEvent(service, jobFetching);
    await call(service, 'archive.start', { spaces: everySpace(overview), destination: await tempDir(), include: 'all', splitSize: 4 * GiB });
    await fetching;
    expect(await call<JobState>(service, 'archive.cancel')).toMatchObject({ status: 'cancelled', error: null });
    expect(await call<JobState>(service, 'archive.resume')).toMatchObject({ status: 'cancelled' });
  });
});
