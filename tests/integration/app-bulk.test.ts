import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AppEvent, BulkSpace, BulkState, JobState, VerifyResult } from '../../shared/contract.ts';
import { createRulesEngine } from '../../shared/rules/rules-engine.ts';
import type { AppService } from '../../electron/core/app/app-service.ts';
import type { SecretStore, ShellAdapters } from '../../electron/core/app/shell-adapters.ts';
import { scanAccount } from '../../electron/core/inventory/scan-account.ts';
import { createPlatformClient } from '../../electron/core/platform-client/platform-client.ts';
import { loadCurrentRuleSet } from '../../electron/core/rules/load-rule-set.ts';
import type { Snapshot } from '../../electron/core/sample-platform/snapshot-schema.ts';
import { createMemorySecretStore, createWebAdapters } from '../../electron/dev-bridge/web-adapters.ts';
import { parseCsv } from '../../electron/core/util/parse-csv.ts';
import { call, failure, useAppServices } from '../helpers/app-services.ts';
import { manifestOf, snapshotFileBytes, unzipEntry, zipsIn } from '../helpers/archive-reading.ts';
import { useSamplePlatforms } from '../helpers/sample-platform.ts';
import { AN, BO, account, files, pages, twinSpace, type Teacher } from '../helpers/school-snapshot.ts';
import { useTempDirs } from '../helpers/temp-dir.ts';
import { unzipTest } from '../helpers/unzip.ts';

const tempDir = useTempDirs();
const startPlatform = useSamplePlatforms();
const newService = useAppServices();

const SECRET_KEY = 'twinarchive.bulk-run';

/** Two colleagues with work at risk; Bo has a TwinSpace the coordinator leaves out. */
function schoolWorld(scale = 1): Snapshot {
  return {
    format: 'legacy-platform-snapshot/1',
    accounts: [account(AN), account(BO)],
    spaces: [twinSpace('ts-a1', 'Rivers of Europe', 'u1'), twinSpace('ts-b1', 'Birds', 'u2'), twinSpace('ts-b2', 'Left out', 'u2')],
    items: [
      ...pages('ts-a1', 'u1', 6 * scale, 'a'), ...files('ts-a1', 'u1', 4 * scale, 'a', 40_000),
      ...pages('ts-b1', 'u2', 5 * scale, 'b'), ...files('ts-b1', 'u2', 3 * scale, 'b', 60_000),
      ...pages('ts-b2', 'u2', 2, 'b2'),
      ...files(null, 'u2', 2, 'bp', 20_000, 'photo'),
    ],
  };
}

/** The first bulk state (the current one, or a later event) that matches. */
async function bulkState(service: AppService, match: (state: BulkState) => boolean): Promise<BulkState> {
  let stop = () => undefined as void;
  const fromEvents = new Promise<BulkState>((resolve) => {
    stop = service.onEvent((event: AppEvent) => {
      if (event.type === 'bulk' && match(event.state)) resolve(event.state);
    });
  });
  const now = await call<BulkState>(service, 'bulk.status');
  try {
    return match(now) ? now : await fromEvents;
  } finally {
    stop();
  }
}

const ended = (state: BulkState) => state.status === 'finished' || state.status === 'cancelled';
const fetching = (state: BulkState) => state.status === 'running' && state.colleagues.some((colleague) => colleague.progress?.phase === 'fetching');

const password = (teacher: Teacher, secret = teacher.password) => ({ kind: 'password', login: teacher.login, password: secret });

/** What a colleague has at risk (in `spaces`, or everywhere), as the core's own scan sees it. */
async function atRiskIds(url: string, teacher: Teacher, spaces: string[] | null): Promise<string[]> {
  const ruleSet = loadCurrentRuleSet();
  const client = createPlatformClient({ baseUrl: url, credentials: { kind: 'password', login: teacher.login, password: teacher.password } });
  const scan = await scanAccount({ source: client, sourceUrl: url, rules: createRulesEngine(ruleSet, { margin: ruleSet.margin.default, euLoginEmail: null }) })
    .finally(() => client.close());
  return scan.items
    .filter((item) => item.verdict !== 'migrates' && (spaces === null || spaces.includes(item.space ?? 'personal')))
    .map((item) => item.id)
    .sort();
}

/** Every ZIP in the folder passes unzip -t; together they hold exactly the expected items, files byte for byte. */
async function expectVerifiedFolder(folder: string, snapshot: Snapshot, expected: string[]): Promise<void> {
  const zips = await zipsIn(folder);
  expect(zips.length, folder).toBeGreaterThan(0);
  const items = new Map(snapshot.items.map((item) => [item.id, item]));
  const seen: string[] = [];
  for (const zip of zips) {
    const tested = await unzipTest(zip);
    expect(tested.ok, `${zip}: ${tested.output}`).toBe(true);
    for (const entry of (await manifestOf(zip)).items) {
      seen.push(entry.id);
      const source = items.get(entry.id);
      if (source?.file) expect((await unzipEntry(zip, entry.entries.file ?? '')).equals(snapshotFileBytes(source)), entry.id).toBe(true);
    }
  }
  expect(seen.sort(), folder).toEqual(expected);
}

/** A login window stand-in: signs in on the platform's form and hands back the session cookie as cookies.txt. */
function browserSignInAs(teacher: Teacher): NonNullable<ShellAdapters['browserSignIn']> {
  return async (baseUrl) => {
    const response = await fetch(`${baseUrl}/login`, {
      method: 'POST', body: new URLSearchParams({ login: teacher.login, password: teacher.password }), redirect: 'manual',
    });
    const token = /session=([0-9a-f]+)/.exec(response.headers.getSetCookie().join('\n'))?.[1] ?? '';
    return `# Netscape HTTP Cookie File\n127.0.0.1\tFALSE\t/\tFALSE\t0\tsession\t${token}\n`;
  };
}

describe('app service: the bulk run for many colleagues', () => {
  it('adds colleagues one by one (a wrong password refused there and then), runs them, and archives each into a verified folder of their own', { timeout: 120_000 }, async () => {
    const snapshot = schoolWorld();
    const platform = await startPlatform(snapshot);
    const secrets = createMemorySecretStore();
    const service = newService(await tempDir(), createWebAdapters(secrets));

    const empty = await call<BulkState>(service, 'bulk.status');
    expect(empty).toMatchObject({ status: 'setup', colleagues: [], source: null, report: null, restored: false });
    expect((await failure(service.handle('bulk.addColleague', password(AN)))).code).toBe('NOT_NOW');
    await call(service, 'bulk.setSource', { kind: 'platform', baseUrl: `${platform.url}/login` });

    const withAn = await call<BulkState>(service, 'bulk.addColleague', password(AN));
    expect(withAn.source).toEqual({ kind: 'platform', baseUrl: platform.url });
    expect(withAn.colleagues).toMatchObject([{ login: AN.login, name: AN.name, email: `${AN.login}@school.example`, signedIn: true, spaces: null, folder: 'An Peeters', status: 'ready' }]);

    const refused = await failure(service.handle('bulk.addColleague', password(BO, 'not-her-password')));
    expect(refused.code).toBe('SIGN_IN_FAILED');
    expect(refused.message).toMatch(/^The platform at http:\/\/127\.0\.0\.1:\d+ did not accept this login and password: check them and try again\.$/);
    expect(refused.message).not.toContain('not-her-password');
    expect((await call<BulkState>(service, 'bulk.status')).colleagues).toHaveLength(1);
    expect((await failure(service.handle('bulk.addColleague', password(AN)))).code).toBe('ALREADY_ADDED');
    expect((await failure(service.handle('bulk.setSource', { kind: 'sample' }))).code).toBe('NOT_NOW');

    const withBo = await call<BulkState>(service, 'bulk.addColleague', password(BO));
    const bo = withBo.colleagues[1];
    expect(bo).toMatchObject({ login: BO.login, name: BO.name, folder: 'Bo Janssens' });
    const spaces = await call<BulkSpace[]>(service, 'bulk.listSpaces', { colleagueId: bo?.id });
    expect(spaces.map((space) => space.id).sort()).toEqual(['ts-b1', 'ts-b2']);
    expect(spaces.find((space) => space.id === 'ts-b1')).toMatchObject({ kind: 'twinspace', title: 'Birds', itemCount: 8 });

    const updated = await call<BulkState>(service, 'bulk.updateColleague', { colleagueId: bo?.id, spaces: ['ts-b1', 'personal'], folder: 'Klas 5B/Bo: "the birds"' });
    expect(updated.colleagues[1]).toMatchObject({ spaces: ['ts-b1', 'personal'], folder: 'Klas 5B/Bo_ _the birds_' });
    const an = updated.colleagues[0];
    const clash = await failure(service.handle('bulk.updateColleague', { colleagueId: an?.id, folder: 'KLAS 5B' }));
    expect(clash).toMatchObject({ code: 'INVALID_ARGS' });
    expect(clash.message).toMatch(/lie one inside the other/);
    expect((await failure(service.handle('bulk.updateColleague', { colleagueId: an?.id, folder: '../elsewhere' }))).message).toMatch(/contains “\.\.”/);
    expect((await failure(service.handle('bulk.updateColleague', { colleagueId: an?.id, folder: '/tmp/x' }))).message).toMatch(/is a full path/);
    expect((await failure(service.handle('bulk.updateColleague', { colleagueId: an?.id, folder: 'bulk-report.html' }))).message).toMatch(/name of the run report/);
    // Nothing of the sessions is on disk before the run: they are in memory only.
    expect(await secrets.load(SECRET_KEY)).toBeNull();

    const destination = path.join(await tempDir(), 'school');
    const finished = bulkState(service, ended);
    const started = await call<BulkState>(service, 'bulk.start', { destination });
    expect(started).toMatchObject({ status: 'running', destination });
    expect(started.runId).toMatch(/^bulk-[0-9a-f]{20}$/);
    expect((await failure(service.handle('bulk.start', { destination }))).code).toBe('JOB_RUNNING');
    expect((await failure(service.handle('bulk.addColleague', password(BO)))).code).toBe('NOT_NOW');

    const done = await finished;
    expect(done).toMatchObject({ status: 'finished', error: null, totals: { colleagues: 2, done: 2, failed: 0, fraction: 1 } });
    expect(done.colleagues.map((colleague) => [colleague.login, colleague.status, colleague.signedIn, colleague.error])).toEqual([
      [AN.login, 'done', false, null], [BO.login, 'done', false, null],
    ]);
    const anFolder = path.join(destination, 'An Peeters');
    const boFolder = path.join(destination, 'Klas 5B', 'Bo_ _the birds_');
    expect(done.colleagues.map((colleague) => colleague.outDir)).toEqual([anFolder, boFolder]);
    const expectedAn = await atRiskIds(platform.url, AN, null);
    const expectedBo = await atRiskIds(platform.url, BO, ['ts-b1', 'personal']);
    expect(expectedBo.some((id) => id.startsWith('b2-'))).toBe(false);
    await expectVerifiedFolder(anFolder, snapshot, expectedAn);
    await expectVerifiedFolder(boFolder, snapshot, expectedBo);
    expect(done.colleagues[0]).toMatchObject({ items: expectedAn.length, archives: 1, problems: 0 });
    expect(done.totals.itemsDone).toBe(expectedAn.length + expectedBo.length);

    expect(done.report).toEqual({ html: path.join(destination, 'bulk-report.html'), csv: path.join(destination, 'bulk-report.csv') });
    expect(await readFile(done.report?.html ?? '', 'utf8')).toContain('All 2 accounts were archived.');
    const csv = parseCsv(await readFile(done.report?.csv ?? '', 'utf8'));
    expect(csv.filter((record) => record.fields[0] === 'account')).toHaveLength(2);
    expect(await call(service, 'shell.openPath', { path: done.report?.html })).toEqual({ ok: true });
    expect(await call(service, 'shell.openPath', { path: boFolder })).toEqual({ ok: true });
    expect(await call<VerifyResult>(service, 'library.verify')).toMatchObject({ problems: [] });
    // The run has ended: no colleague's session is kept anywhere.
    expect(await secrets.load(SECRET_KEY)).toBeNull();

    const cleared = await call<BulkState>(service, 'bulk.clear');
    expect(cleared).toMatchObject({ status: 'setup', colleagues: [], report: null, runId: null, source: { kind: 'platform', baseUrl: platform.url } });
  });

  it('pauses and resumes the whole run', { timeout: 120_000 }, async () => {
    const snapshot = schoolWorld(3);
    // A slow platform on a slow link, so the pause lands mid-run.
    const platform = await startPlatform(snapshot, { latencyMs: 10, bandwidth: 512 * 1024 });
    const service = newService(await tempDir());
    await call(service, 'bulk.setSource', { kind: 'platform', baseUrl: platform.url });
    await call(service, 'bulk.addColleague', password(AN));
    await call(service, 'bulk.addColleague', password(BO));
    const destination = await tempDir();

    const underWay = bulkState(service, fetching);
    await call(service, 'bulk.start', { destination });
    const running = await underWay;
    const progress = running.colleagues.find((colleague) => colleague.progress?.phase === 'fetching')?.progress;
    expect(progress?.itemsTotal).toBeGreaterThan(0);
    expect(running.totals.fraction).toBeGreaterThan(0);

    const paused = await call<BulkState>(service, 'bulk.pause');
    expect(paused.status).toBe('paused');
    expect(paused.colleagues.some((colleague) => colleague.status === 'queued')).toBe(true);
    expect(paused.colleagues.every((colleague) => colleague.status !== 'running' && colleague.error === null)).toBe(true);
    expect(paused.report).toBeNull();
    expect((await failure(service.handle('bulk.clear', {}))).code).toBe('NOT_NOW');

    const finished = bulkState(service, ended);
    expect((await call<BulkState>(service, 'bulk.resume')).status).toBe('running');
    const done = await finished;
    expect(done.status).toBe('finished');
    expect(done.colleagues.map((colleague) => colleague.status)).toEqual(['done', 'done']);
    await expectVerifiedFolder(path.join(destination, 'An Peeters'), snapshot, await atRiskIds(platform.url, AN, null));
    await expectVerifiedFolder(path.join(destination, 'Bo Janssens'), snapshot, await atRiskIds(platform.url, BO, null));
    const { dataDir } = await call<{ dataDir: string }>(service, 'app.info');
    expect(await readdir(path.join(dataDir, 'staging')).catch(() => [])).toEqual([]);
  });

  it('reports one colleague\'s failure with its reason while the other finishes, and retries it after a new sign-in', { timeout: 120_000 }, async () => {
    const snapshot = schoolWorld();
    // Every session ends after 6 requests: a password signs in again, a login window's session cannot.
    const platform = await startPlatform(snapshot, { expireAfter: 6 });
    const service = newService(await tempDir(), { ...createWebAdapters(), browserSignIn: browserSignInAs(BO) });
    await call(service, 'bulk.setSource', { kind: 'platform', baseUrl: platform.url });
    await call(service, 'bulk.addColleague', password(AN));
    const added = await call<BulkState>(service, 'bulk.addColleague', { kind: 'browser' });
    expect(added.colleagues[1]).toMatchObject({ login: `${BO.login}@school.example`, name: BO.name, signIn: 'browser', signedIn: true });

    const destination = await tempDir();
    const finished = bulkState(service, ended);
    await call(service, 'bulk.start', { destination });
    const done = await finished;
    expect(done.status).toBe('finished');
    expect(done.totals).toMatchObject({ colleagues: 2, done: 1, failed: 1 });
    expect(done.colleagues[0]).toMatchObject({ status: 'done', error: null });
    expect(done.colleagues[1]).toMatchObject({ status: 'failed', signedIn: false });
    expect(done.colleagues[1]?.error).toMatch(/^Your session on http:\/\/127\.0\.0\.1:\d+ has ended and could not be renewed: sign in again to continue\.$/);
    await expectVerifiedFolder(path.join(destination, 'An Peeters'), snapshot, await atRiskIds(platform.url, AN, null));
    expect(await readFile(done.report?.html ?? '', 'utf8')).toMatch(/What failed and why:<\/strong> Your session on http:\/\/127\.0\.0\.1:\d+ has ended/);

    // Retrying needs a new session for her first.
    expect((await failure(service.handle('bulk.resume', {}))).code).toBe('NEEDS_SIGN_IN');
    const wrong = await failure(service.handle('bulk.signInAgain', { colleagueId: done.colleagues[1]?.id, signIn: password(AN) }));
    expect(wrong.code).toBe('WRONG_ACCOUNT');
    await call(service, 'bulk.signInAgain', { colleagueId: done.colleagues[1]?.id, signIn: password(BO) });
    expect((await call<BulkState>(service, 'bulk.resume')).status).toBe('running');
    const again = await bulkState(service, ended);
    expect(again.colleagues.map((colleague) => colleague.status)).toEqual(['done', 'done']);
    await expectVerifiedFolder(path.join(destination, 'Bo Janssens'), snapshot, await atRiskIds(platform.url, BO, null));
  });

  it('offers a run cut off by quitting after the next start: sessions kept in the secret store come back, lost ones sign in again', { timeout: 180_000 }, async () => {
    const snapshot = schoolWorld(3);
    const platform = await startPlatform(snapshot, { latencyMs: 10, bandwidth: 512 * 1024 });
    const dataDir = await tempDir();
    // Stands in for safeStorage: it outlives one start of the app.
    const keychain: SecretStore = createMemorySecretStore();
    const first = newService(dataDir, createWebAdapters(keychain));
    await call(first, 'bulk.setSource', { kind: 'platform', baseUrl: platform.url });
    await call(first, 'bulk.addColleague', password(AN));
    await call(first, 'bulk.addColleague', password(BO));
    const destination = await tempDir();
    const underWay = bulkState(first, fetching);
    const started = await call<BulkState>(first, 'bulk.start', { destination });
    await underWay;
    const stored = await keychain.load(SECRET_KEY);
    expect(stored).toContain(BO.password);
    const record = await readFile(path.join(dataDir, 'bulk-run.json'), 'utf8');
    expect(record).toContain(BO.login);
    expect(record).not.toContain(BO.password);
    expect(record).not.toContain(AN.password);
    await first.close();

    const second = newService(dataDir, createWebAdapters(keychain));
    const offered = await call<BulkState>(second, 'bulk.status');
    expect(offered).toMatchObject({ status: 'paused', restored: true, runId: started.runId, destination });
    expect(offered.colleagues.filter((colleague) => colleague.status !== 'done').every((colleague) => colleague.signedIn)).toBe(true);
    // A colleague's archive job is the bulk run's to resume, not the Archive screen's.
    expect(await call<JobState | null>(second, 'archive.status')).toBeNull();
    await second.close();

    // The dev bridge keeps secrets in memory only: after a restart the sessions are gone.
    const third = newService(dataDir);
    const lost = await call<BulkState>(third, 'bulk.status');
    expect(lost).toMatchObject({ status: 'paused', restored: true });
    const waiting = lost.colleagues.filter((colleague) => colleague.status !== 'done');
    expect(waiting.length).toBeGreaterThan(0);
    expect(waiting.every((colleague) => !colleague.signedIn)).toBe(true);
    const refused = await failure(third.handle('bulk.resume', {}));
    expect(refused.code).toBe('NEEDS_SIGN_IN');
    expect(refused.message).toMatch(/^Sign in again for .+ first/);
    for (const colleague of waiting) {
      const teacher = colleague.login === AN.login ? AN : BO;
      await call(third, 'bulk.signInAgain', { colleagueId: colleague.id, signIn: password(teacher) });
    }
    const finished = bulkState(third, ended);
    expect((await call<BulkState>(third, 'bulk.resume')).status).toBe('running');
    const done = await finished;
    expect(done.colleagues.map((colleague) => colleague.status)).toEqual(['done', 'done']);
    await expectVerifiedFolder(path.join(destination, 'An Peeters'), snapshot, await atRiskIds(platform.url, AN, null));
    await expectVerifiedFolder(path.join(destination, 'Bo Janssens'), snapshot, await atRiskIds(platform.url, BO, null));

    await call(third, 'bulk.clear');
    expect(await readdir(dataDir)).not.toContain('bulk-run.json');
  });

  it('cancels a running run for good', { timeout: 120_000 }, async () => {
    const platform = await startPlatform(schoolWorld(3), { latencyMs: 10, bandwidth: 512 * 1024 });
    const service = newService(await tempDir());
    await call(service, 'bulk.setSource', { kind: 'platform', baseUrl: platform.url });
    await call(service, 'bulk.addColleague', password(AN));
    const underWay = bulkState(service, fetching);
    await call(service, 'bulk.start', { destination: await tempDir() });
    await underWay;
    const cancelled = await call<BulkState>(service, 'bulk.cancel');
    expect(cancelled).toMatchObject({ status: 'cancelled', restored: false });
    expect(cancelled.colleagues[0]?.status).toBe('queued');
    expect(await call<BulkState>(service, 'bulk.resume')).toMatchObject({ status: 'cancelled' });
    expect((await call<BulkState>(service, 'bulk.clear')).status).toBe('setup');
  });
});
