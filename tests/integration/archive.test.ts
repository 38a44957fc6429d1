import { readFile, readdir, stat, writeFile, open } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isSafeEntryPath } from '../../electron/core/archive/entry-names.ts';
import { collisionKey } from '../../electron/core/archive/name-measure.ts';
import { checkZip } from '../../electron/core/archive/zip/read-zip.ts';
import type { Snapshot } from '../../electron/core/sample-platform/snapshot-schema.ts';
import { activeContentIn, manifestOf, snapshotFileBytes, unzipEntry, zipsIn } from '../helpers/archive-reading.ts';
import { runCli } from '../helpers/cli.ts';
import { readFixtureSnapshot, useSamplePlatforms } from '../helpers/sample-platform.ts';
import { useTempDirs } from '../helpers/temp-dir.ts';
import { pythonZipCheck, unzipTest } from '../helpers/unzip.ts';

const startPlatform = useSamplePlatforms();
const tempDir = useTempDirs();
const ENV = { TA_TEST_PASSWORD: 'demo' };

function archiveArgs(url: string, out: string, dataDir: string, extra: string[] = [], login = 'an.peeters'): string[] {
  return ['archive', '--source', url, '--login', login, '--password-env', 'TA_TEST_PASSWORD',
    '--eu-login-email', ' An.Peeters@school.example ', '--out', out, '--data-dir', dataDir, ...extra];
}

async function expectedAtRisk(): Promise<string[]> {
  const expected = JSON.parse(await readFile(path.join(import.meta.dirname, '..', 'fixtures', 'public-cases.expected-margin1.json'), 'utf8')) as {
    items: Record<string, [string, string]>;
  };
  return Object.entries(expected.items).filter(([, [verdict]]) => verdict !== 'migrates').map(([id]) => id).sort();
}

/** Every check an archive folder must pass, whatever produced it. Returns item id -> sha256 of its main entry. */
async function checkArchiveFolder(out: string, snapshot: Snapshot): Promise<Map<string, string>> {
  const zips = await zipsIn(out);
  expect(zips.length).toBeGreaterThan(0);
  expect((await readdir(out)).filter((name) => name.includes('.partial'))).toEqual([]);
  const seen = new Map<string, string>();
  const items = new Map(snapshot.items.map((item) => [item.id, item]));
  for (const zip of zips) {
    expect((await unzipTest(zip)).ok, zip).toBe(true);
    const python = await pythonZipCheck(zip);
    expect(python.firstBad).toBeNull();
    const checked = await checkZip(zip);
    expect(checked.every((entry) => entry.problem === null && entry.utf8)).toBe(true);
    const names = checked.map((entry) => entry.name);
    expect(python.names).toEqual(names);
    expect(new Set(names.map(collisionKey)).size, `${zip}: names collide case-insensitively`).toBe(names.length);
    for (const name of names) expect(isSafeEntryPath(name), name).toBe(true);
    const manifest = await manifestOf(zip);
    for (const entry of manifest.items) {
      expect(seen.has(entry.id), `${entry.id} in two manifests`).toBe(false);
      seen.set(entry.id, entry.sha256);
      const source = items.get(entry.id);
      expect(source, entry.id).toBeDefined();
      if (!source) continue;
      if (source.file && entry.entries.file) {
        const bytes = await unzipEntry(zip, entry.entries.file);
        expect(bytes.equals(snapshotFileBytes(source)), `${entry.id} file bytes`).toBe(true);
      }
      if (source.body !== undefined && entry.entries.original) {
        expect((await unzipEntry(zip, entry.entries.original)).equals(Buffer.from(source.body, 'utf8')), `${entry.id} original body`).toBe(true);
      }
      const page = (await unzipEntry(zip, entry.entries.page)).toString('utf8');
      expect(activeContentIn(page), entry.entries.page).toEqual([]);
    }
    const index = (await unzipEntry(zip, 'index.html')).toString('utf8');
    expect(activeContentIn(index)).toEqual([]);
  }
  return seen;
}

describe('twinarchive archive', () => {
  it('archives every at-risk item of the public cases into verified ZIPs, indexed and searchable', async () => {
    const snapshot = await readFixtureSnapshot('public-cases.json');
    const platform = await startPlatform(snapshot);
    const out = await tempDir();
    const dataDir = await tempDir();
    const run = await runCli(archiveArgs(platform.url, out, dataDir, ['--json']), ENV);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/Archiving\s+\d+\/17 items/);
    const result = JSON.parse(run.stdout) as { items: number; archives: { path: string }[] };
    expect(result.items).toBe(17);
    const archived = await checkArchiveFolder(out, snapshot);
    expect([...archived.keys()].sort()).toEqual(await expectedAtRisk());
    const poster = snapshot.items.find((item) => item.id === 'i-a5');
    expect(archived.has('i-a5')).toBe(false);
    expect(poster).toBeDefined();

    const list = JSON.parse((await runCli(['list', '--json', '--data-dir', dataDir])).stdout) as { archives: { path: string }[] };
    expect(list.archives.map((archive) => archive.path).sort()).toEqual(result.archives.map((archive) => archive.path).sort());

    const search = await runCli(['search', 'agenda', '--json', '--data-dir', dataDir]);
    const hits = (JSON.parse(search.stdout) as { hits: { itemId: string; archivePath: string; entryPath: string }[] }).hits;
    expect(hits[0]?.itemId).toBe('i-a2');
    expect(hits[0]?.archivePath).toMatch(/Climate Action Teachers\.zip$/);
    expect(hits[0]?.entryPath).toMatch(/^Pages\/Old agenda\.html$/);
    const accents = await runCli(['search', 'ideeen', '--json', '--data-dir', dataDir]);
    expect((JSON.parse(accents.stdout) as { hits: { itemId: string }[] }).hits.map((hit) => hit.itemId)).toContain('i-c1');

    const opened = await runCli(['open', 'i-e2', '--data-dir', dataDir]);
    expect(opened.code, opened.stderr).toBe(0);
    expect(await readFile(opened.stdout.trim(), 'utf8')).toBe('day,level\n1,2.3\n2,2.5\n');

    const verified = await runCli(['verify', '--json', '--data-dir', dataDir]);
    expect(verified.code, verified.stdout).toBe(0);
    expect(JSON.parse(verified.stdout)).toMatchObject({ ok: true, problems: [] });
  });

  it('verify catches a flipped byte and a missing archive', async () => {
    const snapshot = await readFixtureSnapshot('public-cases.json');
    const platform = await startPlatform(snapshot);
    const out = await tempDir();
    const dataDir = await tempDir();
    expect((await runCli(archiveArgs(platform.url, out, dataDir), ENV)).code).toBe(0);
    const personal = (await zipsIn(out)).find((zip) => path.basename(zip).startsWith('Personal items'));
    expect(personal).toBeDefined();
    if (!personal) return;
    // Flip one byte inside the stored class.jpg data, found by its local header name.
    const bytes = await readFile(personal);
    // The local header's name is followed by our extended-timestamp field, tagged "UT".
    const at = bytes.indexOf(Buffer.concat([Buffer.from('Photos/class.jpg'), Buffer.from([0x55, 0x54])]));
    expect(at).toBeGreaterThan(0);
    const handle = await open(personal, 'r+');
    const position = at + 'Photos/class.jpg'.length + 9 + 1000;
    const one = Buffer.alloc(1);
    await handle.read(one, 0, 1, position);
    one[0] = (one[0] ?? 0) ^ 0xff;
    await handle.write(one, 0, 1, position);
    await handle.close();

    const run = await runCli(['verify', '--json', '--data-dir', dataDir]);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as { problems: { kind: string; archivePath: string; entry: string | null }[] };
    expect(report.problems).toContainEqual(expect.objectContaining({ kind: 'crc-mismatch', archivePath: personal, entry: 'Photos/class.jpg' }));

    const other = (await zipsIn(out)).find((zip) => zip !== personal) ?? '';
    await writeFile(`${other}.moved`, await readFile(other));
    const { rm } = await import('node:fs/promises');
    await rm(other);
    const second = JSON.parse((await runCli(['verify', '--json', '--data-dir', dataDir])).stdout) as { problems: { kind: string }[] };
    expect(second.problems.map((problem) => problem.kind)).toContain('missing-archive');
  });

  it('keeps hostile names safe and hostile HTML inert', async () => {
    const hostileNames = ['CON.txt', 'a:b?.png', '../../etc/passwd', 'x\u202Egpj.exe', 'trailing dot.', 'NUL', 'Read me.TXT', 'read ME.txt', '\u0000ctrl', '', '🎉'.repeat(60) + '.pdf', 'Ι'.repeat(200)];
    const snapshot: Snapshot = {
      format: 'legacy-platform-snapshot/1',
      accounts: [{ id: 'u1', login: 'an.peeters', password: 'demo', name: 'An', email: 'an.peeters@school.example', hasEtwinningAccount: true, hasSegAccount: false }],
      spaces: [{ id: 'g-h', kind: 'group', title: '<script>alert(1)</script> CON', createdAt: '2016-01-01T00:00:00Z', members: ['u1'], activity: ['2019-01-01T00:00:00Z'] }],
      items: [
        ...hostileNames.map((name, index) => ({
          id: `f-${index}`, owner: 'u1', space: 'g-h', type: 'material' as const, title: name, createdAt: '2019-01-01T00:00:00Z',
          file: { name: name.replaceAll('\u0000', '') || 'x', mediaType: 'application/octet-stream', content: { kind: 'generated' as const, seed: `h${index}`, size: 1000 + index } },
        })),
        { id: 'p-1', owner: 'u1', space: 'g-h', type: 'page', title: 'Hostile <b>page</b> "quoted"', createdAt: '2019-01-01T00:00:00Z',
          body: '<p onclick="x()">Hi<script>alert(1)</script><img src=x onerror=alert(1)><a href="javascript:alert(1)">j</a><a href="JaVaScRiPt:alert(2)">k</a>'
            + '<iframe src="https://www.youtube.com/embed/abc"></iframe><img src="https://tracker.example/p.gif"><svg onload=alert(1)></svg>'
            + '<a href="/files/f-0/CON.txt">file</a><a href="/content/p-2">next</a><style>@import url(https://evil.example/x.css)</style></p>' },
        { id: 'p-2', owner: 'u1', space: 'g-h', type: 'page', title: 'Hostile <b>page</b> "quoted"', createdAt: '2019-01-02T00:00:00Z', body: '<math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>' },
      ],
    };
    const platform = await startPlatform(snapshot);
    const out = await tempDir();
    const run = await runCli(archiveArgs(platform.url, out, await tempDir()), ENV);
    expect(run.code, run.stderr).toBe(0);
    const archived = await checkArchiveFolder(out, snapshot);
    expect(archived.size).toBe(snapshot.items.length);
    const [zip] = await zipsIn(out);
    const manifest = await manifestOf(zip ?? '');
    const page = manifest.items.find((item) => item.id === 'p-1');
    const html = (await unzipEntry(zip ?? '', page?.entries.page ?? '')).toString('utf8');
    expect(html).toContain('https://www.youtube.com/embed/abc');
    expect(html).toMatch(/href="CON\.txt|href="[^"]*_CON\.txt/);
  });

  it('splits a large space into standalone parts under the split size', async () => {
    const snapshot = await readFixtureSnapshot('public-cases.json');
    const space = snapshot.spaces.find((candidate) => candidate.id === 'ts-e');
    for (let index = 0; index < 10; index += 1) {
      snapshot.items.push({
        id: `big-${index}`, owner: 'u1', space: space?.id ?? null, type: 'material', title: `photo ${index}.jpg`, createdAt: '2020-03-01T08:00:00Z',
        file: { name: `photo ${index}.jpg`, mediaType: 'image/jpeg', content: { kind: 'generated', seed: `big-${index}`, size: 400_000 } },
      });
    }
    const platform = await startPlatform(snapshot);
    const out = await tempDir();
    const splitSize = 1024 * 1024;
    const run = await runCli(archiveArgs(platform.url, out, await tempDir(), ['--split-size', String(splitSize), '--spaces', 'ts-e']), ENV);
    expect(run.code, run.stderr).toBe(0);
    const partNumber = (zip: string) => Number(/part (\d+) of/.exec(zip)?.[1]);
    const zips = (await zipsIn(out)).sort((a, b) => partNumber(a) - partNumber(b));
    expect(zips.length).toBeGreaterThanOrEqual(5);
    for (const [index, zip] of zips.entries()) {
      expect(path.basename(zip)).toBe(`Our Rivers part ${index + 1} of ${zips.length}.zip`);
      expect((await stat(zip)).size).toBeLessThanOrEqual(splitSize);
      expect(await manifestOf(zip)).toMatchObject({ part: index + 1, parts: zips.length, space: { id: 'ts-e' } });
    }
    const archived = await checkArchiveFolder(out, snapshot);
    expect([...archived.keys()].sort()).toEqual(['big-0', 'big-1', 'big-2', 'big-3', 'big-4', 'big-5', 'big-6', 'big-7', 'big-8', 'big-9', 'i-e1', 'i-e2']);
  });

  it('stays complete and byte-exact under a fault plan with expiring sessions', async () => {
    const snapshot = await readFixtureSnapshot('public-cases.json');
    const clean = await startPlatform(snapshot);
    const cleanOut = await tempDir();
    expect((await runCli(archiveArgs(clean.url, cleanOut, await tempDir(), ['--include', 'all']), ENV)).code).toBe(0);
    const reference = await checkArchiveFolder(cleanOut, snapshot);
    for (const seed of ['archive-faults-1', 'archive-faults-2']) {
      const faulty = await startPlatform(snapshot, { faultSeed: seed, expireAfter: 7 });
      const out = await tempDir();
      const run = await runCli(archiveArgs(faulty.url, out, await tempDir(), ['--include', 'all']), ENV);
      expect(run.code, run.stderr).toBe(0);
      const archived = await checkArchiveFolder(out, snapshot);
      expect([...archived.keys()].sort()).toEqual([...reference.keys()].sort());
      for (const [id, sha] of archived) {
        const item = snapshot.items.find((candidate) => candidate.id === id);
        if (item?.file) expect(sha, id).toBe(reference.get(id));
      }
    }
  });

  it('names an unknown space clearly (exit 2)', async () => {
    const platform = await startPlatform(await readFixtureSnapshot('public-cases.json'));
    const run = await runCli(archiveArgs(platform.url, await tempDir(), await tempDir(), ['--spaces', 'g-zzz']), ENV);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/no space "g-zzz"/);
  });
});
