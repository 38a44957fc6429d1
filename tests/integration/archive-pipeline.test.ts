import { stat } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../../electron/core/sample-platform/snapshot-schema.ts';
import { manifestOf, unzipEntry, zipsIn } from '../helpers/archive-reading.ts';
import { runCli, startCli } from '../helpers/cli.ts';
import { useSamplePlatforms } from '../helpers/sample-platform.ts';
import { useTempDirs } from '../helpers/temp-dir.ts';
import { unzipTest } from '../helpers/unzip.ts';

const startPlatform = useSamplePlatforms();
const tempDir = useTempDirs();
const ENV = { TA_TEST_PASSWORD: 'demo' };
const SPLIT_SIZE = 1024 * 1024;

/** About `bytes` of page text, different for every seed. */
function longBody(seed: number, bytes: number): string {
  const words: string[] = [];
  let state = seed * 7919 + 17;
  while (words.join(' ').length < bytes) {
    state = (state * 1103515245 + 12345) % 2147483648;
    words.push(`woord${state % 100_000}`);
  }
  return `<p>${words.join(' ')}</p>`;
}

/**
 * "Alpha" holds one page that links to the last page of "Beta". Beta looks small to the plan
 * until its bodies arrive (18 pages of about 60 KB): then it needs three parts under 1 MiB.
 */
function world(options: { betaFiles?: number } = {}): Snapshot {
  const items: Snapshot['items'] = [
    { id: 'a-0', owner: 'u1', space: 'g-a', type: 'page', title: 'Index', createdAt: '2020-01-01T00:00:00Z', body: '<p>See <a href="/content/b-17">the last page</a>.</p>' },
  ];
  for (let index = 0; index < 18; index += 1) {
    items.push({
      id: `b-${index}`, owner: 'u1', space: 'g-b', type: 'page', title: `Page ${String(index).padStart(2, '0')}`,
      createdAt: `2020-01-${String(index + 2).padStart(2, '0')}T00:00:00Z`, body: longBody(index, 60_000),
    });
  }
  for (let index = 0; index < (options.betaFiles ?? 0); index += 1) {
    items.push({
      id: `f-${index}`, owner: 'u1', space: 'g-b', type: 'material', title: `clip ${index}.mp4`, createdAt: '2020-02-01T00:00:00Z',
      file: { name: `clip ${index}.mp4`, mediaType: 'video/mp4', content: { kind: 'generated', seed: `clip-${index}`, size: 150_000 } },
    });
  }
  return {
    format: 'legacy-platform-snapshot/1',
    accounts: [{ id: 'u1', login: 'an.peeters', password: 'demo', name: 'An', email: 'an@x.example', hasEtwinningAccount: true, hasSegAccount: false }],
    spaces: [
      { id: 'g-a', kind: 'group', title: 'Alpha', createdAt: '2019-01-01T00:00:00Z', members: ['u1'], activity: [] },
      { id: 'g-b', kind: 'group', title: 'Beta', createdAt: '2019-01-01T00:00:00Z', members: ['u1'], activity: [] },
    ],
    items,
  };
}

const args = (url: string, out: string, dataDir: string, concurrency = 4) => ['archive', '--source', url, '--login', 'an.peeters', '--password-env', 'TA_TEST_PASSWORD',
  '--include', 'all', '--split-size', String(SPLIT_SIZE), '--concurrency', String(concurrency), '--out', out, '--data-dir', dataDir];

async function archivedItems(out: string): Promise<Map<string, string[]>> {
  const byZip = new Map<string, string[]>();
  for (const zip of await zipsIn(out)) {
    expect((await unzipTest(zip)).ok, zip).toBe(true);
    expect((await stat(zip)).size, zip).toBeLessThanOrEqual(SPLIT_SIZE);
    byZip.set(path.basename(zip), (await manifestOf(zip)).items.map((item) => item.id).sort());
  }
  return byZip;
}

describe('the archive pipeline', () => {
  it('splits an archive again once its bodies show it is larger than planned, and links into it right', { timeout: 120_000 }, async () => {
    const snapshot = world();
    const platform = await startPlatform(snapshot);
    const out = await tempDir();
    const run = await runCli(args(platform.url, out, await tempDir()), ENV);
    expect(run.code, run.stderr).toBe(0);

    const byZip = await archivedItems(out);
    expect([...byZip.keys()].sort()).toEqual(['Alpha.zip', 'Beta part 1 of 3.zip', 'Beta part 2 of 3.zip', 'Beta part 3 of 3.zip']);
    expect([...byZip.values()].flat().sort()).toEqual(snapshot.items.map((item) => item.id).sort());
    const alpha = (await manifestOf(path.join(out, 'Alpha.zip'))).items[0];
    const page = (await unzipEntry(path.join(out, 'Alpha.zip'), alpha?.entries.page ?? '')).toString('utf8');
    expect(page).toContain('Beta part 3 of 3.zip');
    expect(page).not.toContain('Beta.zip');
  });

  it('resumes a split archive after kill -9 with the same parts, fetching no body twice', { timeout: 300_000 }, async () => {
    const snapshot = world({ betaFiles: 10 });
    const reference = await startPlatform(snapshot);
    const referenceOut = await tempDir();
    expect((await runCli(args(reference.url, referenceOut, await tempDir()), ENV)).code).toBe(0);
    const expected = await archivedItems(referenceOut);

    // A slow link for the files, so the kill lands after the first parts are recorded.
    const platform = await startPlatform(snapshot, { latencyMs: 10, bandwidth: 400_000 });
    const out = await tempDir();
    const dataDir = await tempDir();
    const first = startCli(args(platform.url, out, dataDir, 2), ENV);
    for (let waited = 0; waited < 120_000 && (await zipsIn(out)).length < 2; waited += 50) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    first.child.kill('SIGKILL');
    expect((await first.done).signal).toBe('SIGKILL');
    const recordedBefore = (await zipsIn(out)).length;
    expect(recordedBefore).toBeGreaterThanOrEqual(2);
    expect(recordedBefore).toBeLessThan(expected.size);

    const second = await runCli(args(platform.url, out, dataDir, 2), ENV);
    expect(second.code, second.stderr).toBe(0);
    expect(await archivedItems(out)).toEqual(expected);
    for (let index = 0; index < 18; index += 1) expect(platform.stats().byPath.get(`GET /content/b-${index}`), `b-${index}`).toBe(1);
  });
});
