import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ScanResult } from '../../shared/inventory.ts';
import { filePath } from '../../shared/platform-api.ts';
import { bulkAccounts } from '../../electron/core/library/bulk-accounts-repository.ts';
import { libraryFile } from '../../electron/core/library/data-dir.ts';
import { getJob } from '../../electron/core/library/jobs-repository.ts';
import { openLibrary } from '../../electron/core/library/library.ts';
import type { Snapshot } from '../../electron/core/sample-platform/snapshot-schema.ts';
import { parseCsv } from '../../electron/core/util/parse-csv.ts';
import { activeContentIn, manifestOf, snapshotFileBytes, unzipEntry, zipsIn } from '../helpers/archive-reading.ts';
import { runCli, startCli, type CliRun } from '../helpers/cli.ts';
import { useSamplePlatforms } from '../helpers/sample-platform.ts';
import { AN, BO, account, files, pages, twinSpace, type Teacher } from '../helpers/school-snapshot.ts';
import { largestPartialDownload } from '../helpers/staging.ts';
import { useTempDirs } from '../helpers/temp-dir.ts';
import { unzipTest } from '../helpers/unzip.ts';

const startPlatform = useSamplePlatforms();
const tempDir = useTempDirs();

const HEADER = 'login,password_env,cookies,eu_login_email,spaces,out';
const BIG_SIZE = 48 * 1024 * 1024;

const CY: Teacher = { id: 'u3', login: 'cy.claes', password: 'cy-secret', name: 'Cy Claes' };

/** Three colleagues with spaces and files of their own; some of their work migrates, some is at risk. */
function schoolWorld(): Snapshot {
  return {
    format: 'legacy-platform-snapshot/1',
    accounts: [account(AN), account(BO), account(CY)],
    spaces: [
      twinSpace('ts-a1', 'Rivers of Europe', 'u1'),
      // Active in the window: it migrates, so nothing of it is archived.
      { id: 'g-a2', kind: 'group', title: 'Still active', createdAt: '2019-01-01T00:00:00Z', members: ['u1'], activity: ['2021-06-10T14:00:00Z'] },
      twinSpace('ts-b1', 'Birds & "Bees" <2019>', 'u2'),
      twinSpace('ts-b2', 'Not in the job file', 'u2'),
      twinSpace('ts-c1', 'Castles', 'u3'),
    ],
    items: [
      ...pages('ts-a1', 'u1', 6, 'a'), ...files('ts-a1', 'u1', 4, 'a', 40_000),
      { id: 'a-new', owner: 'u1', space: 'g-a2', type: 'page', title: 'Migrates', createdAt: '2021-06-01T10:00:00Z', body: '<p>new</p>' },
      ...pages('ts-b1', 'u2', 5, 'b'), ...files('ts-b1', 'u2', 3, 'b', 70_000),
      ...pages('ts-b2', 'u2', 2, 'b2'),
      ...files(null, 'u2', 2, 'bp', 20_000, 'photo'),
      ...pages('ts-c1', 'u3', 3, 'c'), ...files('ts-c1', 'u3', 2, 'c', 30_000),
    ],
  };
}

async function writeJobFile(dir: string, rows: string[], options: { bom?: boolean; crlf?: boolean } = {}): Promise<string> {
  const file = path.join(dir, 'colleagues.csv');
  const eol = options.crlf === false ? '\n' : '\r\n';
  await writeFile(file, `${options.bom === false ? '' : '\uFEFF'}${[HEADER, ...rows].join(eol)}${eol}`, 'utf8');
  return file;
}

/** The at-risk items of one account, as `twinarchive scan` sees them on a platform without faults. */
async function atRiskIds(url: string, teacher: Teacher, spaces: string[] | null): Promise<string[]> {
  const run = await runCli(['scan', '--source', url, '--login', teacher.login, '--password-env', 'TA_SCAN_PW', '--json'], { TA_SCAN_PW: teacher.password });
  expect(run.code, run.stderr).toBe(0);
  const scan = JSON.parse(run.stdout) as ScanResult;
  return scan.items
    .filter((item) => item.verdict !== 'migrates' && (spaces === null || spaces.includes(item.space ?? 'personal')))
    .map((item) => item.id)
    .sort();
}

/** Every ZIP of a colleague's folder passes unzip -t, and together they hold each expected item exactly once, byte for byte. */
async function expectCompleteFolder(folder: string, snapshot: Snapshot, expected: string[]): Promise<void> {
  const zips = await zipsIn(folder);
  expect(zips.length, folder).toBeGreaterThan(0);
  expect((await readdir(folder)).filter((name) => name.includes('.partial'))).toEqual([]);
  const items = new Map(snapshot.items.map((item) => [item.id, item]));
  const seen: string[] = [];
  for (const zip of zips) {
    const tested = await unzipTest(zip);
    expect(tested.ok, `${zip}: ${tested.output}`).toBe(true);
    const manifest = await manifestOf(zip);
    for (const entry of manifest.items) {
      seen.push(entry.id);
      const source = items.get(entry.id);
      expect(source, entry.id).toBeDefined();
      if (source?.file) {
        expect(entry.entries.file, entry.id).toBeTruthy();
        const bytes = await unzipEntry(zip, entry.entries.file ?? '');
        expect(bytes.equals(snapshotFileBytes(source)), `${entry.id} file bytes`).toBe(true);
      }
      if (source?.body !== undefined && entry.entries.original) {
        expect((await unzipEntry(zip, entry.entries.original)).toString('utf8')).toBe(source.body);
      }
      expect(activeContentIn((await unzipEntry(zip, entry.entries.page)).toString('utf8'))).toEqual([]);
    }
  }
  expect([...seen].sort(), `${folder}: every at-risk item in exactly one manifest`).toEqual(expected);
}

interface ReportRow {
  record: string;
  position: string;
  login: string;
  folder: string;
  status: string;
  reason: string;
  archive_path: string;
  bytes: string;
  items: string;
}

async function readReportCsv(out: string): Promise<ReportRow[]> {
  const text = await readFile(path.join(out, 'bulk-report.csv'), 'utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  expect(text).toContain('\r\n');
  const [header, ...records] = parseCsv(text);
  const names = header?.fields ?? [];
  return records.map((record) => {
    expect(record.problem).toBeNull();
    return Object.fromEntries(names.map((name, index) => [name, record.fields[index] ?? ''])) as unknown as ReportRow;
  });
}

function accountRows(rows: ReportRow[]): Map<string, ReportRow> {
  return new Map(rows.filter((row) => row.record === 'account').map((row) => [row.login, row]));
}

function bulkArgs(url: string, jobFile: string, out: string, dataDir: string, extra: string[] = []): string[] {
  return ['bulk', '--source', url, jobFile, '--out', out, '--data-dir', dataDir, ...extra];
}

const contentOrFile = (key: string) => key.startsWith('GET /content/') || key.startsWith('GET /files/');

describe('twinarchive bulk', () => {
  it('archives every colleague under a fault plan, records a wrong password without stopping the others, and retries it once mended', { timeout: 180_000 }, async () => {
    const snapshot = schoolWorld();
    const clean = await startPlatform(snapshot);
    const expectedAn = await atRiskIds(clean.url, AN, null);
    const expectedBo = await atRiskIds(clean.url, BO, ['ts-b1', 'personal']);
    expect(expectedAn).not.toContain('a-new');
    expect(expectedBo.some((id) => id.startsWith('b2-'))).toBe(false);
    expect(expectedBo).toContain('bp-f0');

    const platform = await startPlatform(snapshot, { faultSeed: 'bulk-faults-1', expireAfter: 9 });
    const jobDir = await tempDir();
    const out = await tempDir();
    const dataDir = await tempDir();
    const jobFile = await writeJobFile(jobDir, [
      'an.peeters,TA_PW_AN,,,,',
      // Quoted values: a space filter and a folder name with a comma and quotes in them.
      '"bo.janssens","TA_PW_BO","","bo.janssens@school.example","ts-b1; personal","Bo ""the birds"" Janssens, 5B"',
      'cy.claes,TA_PW_CY,,,,castles/cy',
    ]);
    const env = { TA_PW_AN: AN.password, TA_PW_BO: BO.password, TA_PW_CY: 'not-her-password' };
    const args = bulkArgs(platform.url, jobFile, out, dataDir, ['--concurrency', '3']);
    const run = await runCli(args, env);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toMatch(/\[1\/3\] an\.peeters\s+Archiving\s+\d+\/\d+ items/);
    expect(run.stderr).toMatch(/\[3\/3\] cy\.claes: failed: The platform at .* did not accept this login and password/);
    expect(run.stdout).toMatch(/Bulk run of 3 accounts: 2 done, 1 failed\./);

    const anFolder = path.join(out, 'an.peeters');
    const boFolder = path.join(out, 'Bo _the birds_ Janssens, 5B');
    await expectCompleteFolder(anFolder, snapshot, expectedAn);
    await expectCompleteFolder(boFolder, snapshot, expectedBo);
    expect(await zipsIn(path.join(out, 'castles', 'cy')).catch(() => [])).toEqual([]);

    const rows = await readReportCsv(out);
    const byLogin = accountRows(rows);
    expect(byLogin.get('an.peeters')).toMatchObject({ status: 'done', folder: 'an.peeters', items: String(expectedAn.length), reason: '' });
    expect(byLogin.get('bo.janssens')).toMatchObject({ status: 'done', folder: 'Bo _the birds_ Janssens, 5B', items: String(expectedBo.length) });
    expect(byLogin.get('cy.claes')).toMatchObject({ status: 'failed', folder: 'castles/cy' });
    expect(byLogin.get('cy.claes')?.reason).toMatch(/did not accept this login and password: check them and try again/);
    const archiveRows = rows.filter((row) => row.record === 'archive');
    expect(archiveRows.map((row) => path.join(out, row.archive_path)).sort())
      .toEqual([...await zipsIn(anFolder), ...await zipsIn(boFolder)].sort());
    const expectedBytes = (ids: string[]) => ids.reduce((sum, id) => {
      const item = snapshot.items.find((candidate) => candidate.id === id);
      return sum + (item?.file ? snapshotFileBytes(item).length : 0);
    }, 0);
    expect(Number(byLogin.get('an.peeters')?.bytes)).toBe(expectedBytes(expectedAn));
    expect(Number(byLogin.get('bo.janssens')?.bytes)).toBe(expectedBytes(expectedBo));

    const html = await readFile(path.join(out, 'bulk-report.html'), 'utf8');
    expect(html).toContain('<meta http-equiv="Content-Security-Policy" content="default-src \'none\';');
    expect(activeContentIn(html)).toEqual([]);
    expect(html).toMatch(/What failed and why:<\/strong> The platform at .* did not accept this login and password/);
    expect(html).toContain('Bo _the birds_ Janssens, 5B');
    expect(html).toContain('2 of 3 accounts were archived');

    // The queue is in the library: one bulk job, one row per account.
    const library = openLibrary(libraryFile(dataDir));
    try {
      const jobId = String(library.db.prepare("SELECT id FROM jobs WHERE kind = 'bulk'").pluck().get());
      const accounts = bulkAccounts(library, jobId);
      expect(accounts.map((row) => [row.login, row.status, row.attempts])).toEqual([
        ['an.peeters', 'done', 1], ['bo.janssens', 'done', 1], ['cy.claes', 'failed', 1],
      ]);
      expect(getJob(library, jobId)).toMatchObject({ kind: 'bulk', status: 'failed' });
    } finally {
      library.close();
    }

    // Her password mended, the same command archives only her: the others are not fetched again.
    const before = platform.stats();
    const again = await runCli(args, { ...env, TA_PW_CY: CY.password });
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toMatch(/\[1\/3\] an\.peeters: done in an earlier run/);
    expect(again.stderr).toMatch(/\[2\/3\] bo\.janssens: done in an earlier run/);
    expect(again.stderr).toMatch(/\[3\/3\] cy\.claes: retrying \(attempt 2\)/);
    const after = platform.stats();
    for (const [key, count] of after.byPath) {
      if (contentOrFile(key) && !key.includes('/c-')) expect(count, key).toBe(before.byPath.get(key));
    }
    await expectCompleteFolder(path.join(out, 'castles', 'cy'), snapshot, await atRiskIds(clean.url, CY, null));
    expect([...accountRows(await readReportCsv(out)).values()].map((row) => row.status)).toEqual(['done', 'done', 'done']);
  });

  it('resumes after kill -9 with the same command: finished accounts and items are not fetched again, the cut file continues with Range', { timeout: 300_000 }, async () => {
    const snapshot: Snapshot = {
      format: 'legacy-platform-snapshot/1',
      accounts: [account(AN), account(BO), account(CY)],
      spaces: [twinSpace('ts-a', 'Rivers', 'u1'), twinSpace('ts-b', 'Films', 'u2'), twinSpace('ts-c', 'Castles', 'u3')],
      items: [
        ...pages('ts-a', 'u1', 4, 'a'), ...files('ts-a', 'u1', 3, 'a', 30_000),
        // Many pages, fetched before any file: the big film starts well after the other two are done.
        ...pages('ts-b', 'u2', 60, 'b'),
        { id: 'big', owner: 'u2', space: 'ts-b', type: 'material', title: 'film.mp4', createdAt: '2019-05-02T10:00:00Z',
          file: { name: 'film.mp4', mediaType: 'video/mp4', content: { kind: 'generated', seed: 'film', size: BIG_SIZE } } },
        ...pages('ts-c', 'u3', 4, 'c'), ...files('ts-c', 'u3', 3, 'c', 30_000),
      ],
    };
    const bigPath = `GET ${filePath('big', 'film.mp4')}`;
    // A slow platform on a slow link, so the kill lands mid-download.
    const platform = await startPlatform(snapshot, { latencyMs: 15, bandwidth: 16 * 1024 * 1024 });
    const jobDir = await tempDir();
    const out = await tempDir();
    const dataDir = await tempDir();
    const jobFile = await writeJobFile(jobDir, ['an.peeters,TA_PW_AN,,,,', 'bo.janssens,TA_PW_BO,,,,', 'cy.claes,TA_PW_CY,,,,'], { bom: false, crlf: false });
    const env = { TA_PW_AN: AN.password, TA_PW_BO: BO.password, TA_PW_CY: CY.password };
    const args = bulkArgs(platform.url, jobFile, out, dataDir, ['--concurrency', '2']);

    const first = startCli(args, env);
    let stderr = '';
    first.child.stderr?.on('data', (chunk: string) => { stderr += chunk; });
    let partial = 0;
    const othersDone = () => /\[1\/3\] an\.peeters: done/.test(stderr) && /\[3\/3\] cy\.claes: done/.test(stderr);
    for (let waited = 0; waited < 240_000 && !(othersDone() && partial >= BIG_SIZE / 8); waited += 20) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      partial = await largestPartialDownload(dataDir);
    }
    expect(othersDone(), stderr).toBe(true);
    expect(partial).toBeGreaterThan(0);
    first.child.kill('SIGKILL');
    const killed: CliRun = await first.done;
    expect(killed.signal).toBe('SIGKILL');
    const keptPartial = await largestPartialDownload(dataDir);
    expect(keptPartial).toBeGreaterThan(0);
    expect(keptPartial).toBeLessThan(BIG_SIZE);
    expect(await zipsIn(path.join(out, 'bo.janssens')).catch(() => [])).toEqual([]);
    const before = platform.stats();

    const second = await runCli(args, env);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stderr).toMatch(/\[1\/3\] an\.peeters: done in an earlier run/);
    expect(second.stderr).toMatch(/\[3\/3\] cy\.claes: done in an earlier run/);
    expect(second.stderr).toMatch(/\[2\/3\] bo\.janssens: resuming \(attempt 2\)/);
    const after = platform.stats();

    // Over both runs every body and file was fetched once, but the film: its rest came with one Range request.
    const fetched = [...after.byPath].filter(([key]) => contentOrFile(key));
    expect(fetched.length).toBe(snapshot.items.length);
    for (const [key, count] of fetched) expect(count, key).toBe(key === bigPath ? 2 : 1);
    const sentAgain = (after.bytesByPath.get(bigPath) ?? 0) - (before.bytesByPath.get(bigPath) ?? 0);
    expect(sentAgain).toBeGreaterThan(BIG_SIZE - keptPartial - 1);
    expect(sentAgain).toBeLessThan(BIG_SIZE - keptPartial + 64 * 1024);

    for (const teacher of [AN, BO, CY]) {
      const expected = snapshot.items.filter((item) => item.owner === teacher.id).map((item) => item.id).sort();
      await expectCompleteFolder(path.join(out, teacher.login), snapshot, expected);
    }
    expect([...accountRows(await readReportCsv(out)).values()].map((row) => row.status)).toEqual(['done', 'done', 'done']);
    expect(await readdir(path.join(dataDir, 'staging')).catch(() => [])).toEqual([]);
  });

  it('records a session that ends and cannot be renewed (cookies), while the password account renews and finishes', async () => {
    const snapshot = schoolWorld();
    // Every session ends after 6 requests: a password signs in again, a cookies file cannot.
    const platform = await startPlatform(snapshot, { expireAfter: 6 });
    const response = await fetch(`${platform.url}/login`, {
      method: 'POST', body: new URLSearchParams({ login: BO.login, password: BO.password }), redirect: 'manual',
    });
    const token = /session=([0-9a-f]+)/.exec(response.headers.getSetCookie().join('\n'))?.[1];
    expect(token).toBeDefined();
    const jobDir = await tempDir();
    await writeFile(path.join(jobDir, 'bo-cookies.txt'), `# Netscape HTTP Cookie File\n127.0.0.1\tFALSE\t/\tFALSE\t0\tsession\t${token ?? ''}\n`);
    const jobFile = await writeJobFile(jobDir, ['an.peeters,TA_PW_AN,,,,', 'bo.janssens,,bo-cookies.txt,,,']);
    const out = await tempDir();
    const run = await runCli(bulkArgs(platform.url, jobFile, out, await tempDir()), { TA_PW_AN: AN.password });
    expect(run.code, run.stderr).toBe(1);
    const byLogin = accountRows(await readReportCsv(out));
    expect(byLogin.get('an.peeters')?.status).toBe('done');
    expect(byLogin.get('bo.janssens')).toMatchObject({ status: 'failed' });
    expect(byLogin.get('bo.janssens')?.reason).toMatch(/Your session on http:\/\/127\.0\.0\.1:\d+ has ended and could not be renewed: sign in again to continue\./);
    await expectCompleteFolder(path.join(out, 'an.peeters'), snapshot, await atRiskIds((await startPlatform(snapshot)).url, AN, null));
  });

  it('refuses a job file with bad rows, naming every one by line, before any work (exit 2)', async () => {
    const platform = await startPlatform(schoolWorld());
    const jobDir = await tempDir();
    const out = await tempDir();
    const jobFile = await writeJobFile(jobDir, [
      'an.peeters,TA_PW_AN,,,,../escape',
      'bo.janssens,TA_PW_MISSING,,,,',
      ',TA_PW_AN,,,,',
      'cy.claes,TA_PW_AN,,,,An.Peeters/..',
      'dd,TA_PW_AN,,,,AN.PEETERS',
      'ee,TA_PW_AN,,,,an.peeters',
      'ff,,missing-cookies.txt,,,',
    ]);
    const run = await runCli(bulkArgs(platform.url, jobFile, out, await tempDir()), { TA_PW_AN: 'x' });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^The job file .*colleagues\.csv has 6 problems; fix them and run the command again:$/m);
    expect(run.stderr).toMatch(/line 2: out "\.\.\/escape" contains "\.\."/);
    expect(run.stderr).toMatch(/line 3: the environment variable TA_PW_MISSING is empty or not set/);
    expect(run.stderr).toMatch(/line 4: login is empty/);
    expect(run.stderr).toMatch(/line 5: out "An\.Peeters\/\.\." contains "\.\."/);
    expect(run.stderr).toMatch(/line 7: the folder "an\.peeters" is already the folder of line 6/);
    expect(run.stderr).toMatch(/line 8: could not read the cookies file .*missing-cookies\.txt \(ENOENT\): check the path, which starts from the job file's folder\./);
    expect(platform.stats().requests).toBe(0);
    expect(await readdir(out)).toEqual([]);
  });
});

