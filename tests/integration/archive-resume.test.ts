import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { filePath } from '../../shared/platform-api.ts';
import type { Snapshot } from '../../electron/core/sample-platform/snapshot-schema.ts';
import { manifestOf, zipsIn } from '../helpers/archive-reading.ts';
import { runCli, startCli } from '../helpers/cli.ts';
import { useSamplePlatforms } from '../helpers/sample-platform.ts';
import { largestPartialDownload } from '../helpers/staging.ts';
import { useTempDirs } from '../helpers/temp-dir.ts';
import { unzipTest } from '../helpers/unzip.ts';

const startPlatform = useSamplePlatforms();
const tempDir = useTempDirs();
const ENV = { TA_TEST_PASSWORD: 'demo' };
const BIG_SIZE = 48 * 1024 * 1024;

function world(): Snapshot {
  const items: Snapshot['items'] = [];
  for (let index = 0; index < 120; index += 1) {
    items.push({ id: `p-${index}`, owner: 'u1', space: 'ts-1', type: 'journal-entry', title: `Entry ${index}`, createdAt: '2020-01-01T00:00:00Z', body: `<p>Dag ${index}: we leerden veel.</p>` });
  }
  for (let index = 0; index < 30; index += 1) {
    items.push({ id: `f-${index}`, owner: 'u1', space: 'ts-1', type: 'material', title: `foto ${index}.jpg`, createdAt: '2020-01-01T00:00:00Z',
      file: { name: `foto ${index}.jpg`, mediaType: 'image/jpeg', content: { kind: 'generated', seed: `f-${index}`, size: 60_000 } } });
  }
  items.push({ id: 'big', owner: 'u1', space: 'ts-1', type: 'material', title: 'film.mp4', createdAt: '2020-01-01T00:00:00Z',
    file: { name: 'film.mp4', mediaType: 'video/mp4', content: { kind: 'generated', seed: 'film', size: BIG_SIZE } } });
  return {
    format: 'legacy-platform-snapshot/1',
    accounts: [{ id: 'u1', login: 'an.peeters', password: 'demo', name: 'An', email: 'an@x.example', hasEtwinningAccount: true, hasSegAccount: false }],
    spaces: [{ id: 'ts-1', kind: 'twinspace', title: 'Rivers', createdAt: '2019-01-01T00:00:00Z', members: ['u1'], activity: [], migrationRequest: 'none' }],
    items,
  };
}


describe('archive after kill -9', () => {
  it('resumes with the same command: nothing fetched twice, the big file continued with Range, the same result', { timeout: 300_000 }, async () => {
    const snapshot = world();
    const bigPath = `GET ${filePath('big', 'film.mp4')}`;

    const referencePlatform = await startPlatform(snapshot);
    const referenceOut = await tempDir();
    const reference = await runCli(['archive', '--source', referencePlatform.url, '--login', 'an.peeters', '--password-env', 'TA_TEST_PASSWORD',
      '--out', referenceOut, '--data-dir', await tempDir(), '--concurrency', '2'], ENV);
    expect(reference.code, reference.stderr).toBe(0);

    // A slow link, so the kill lands mid-download.
    const platform = await startPlatform(snapshot, { latencyMs: 15, bandwidth: 8 * 1024 * 1024 });
    const out = await tempDir();
    const dataDir = await tempDir();
    const args = ['archive', '--source', platform.url, '--login', 'an.peeters', '--password-env', 'TA_TEST_PASSWORD',
      '--out', out, '--data-dir', dataDir, '--concurrency', '2'];
    const first = startCli(args, ENV);
    let partial = 0;
    for (let waited = 0; waited < 240_000 && partial < BIG_SIZE / 4; waited += 50) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      partial = await largestPartialDownload(dataDir);
    }
    expect(partial).toBeGreaterThan(0);
    first.child.kill('SIGKILL');
    const killed = await first.done;
    expect(killed.signal).toBe('SIGKILL');
    const keptPartial = await largestPartialDownload(dataDir);
    expect((await zipsIn(out))).toEqual([]);
    const before = platform.stats();

    const second = await runCli(args, ENV);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toMatch(/Resumed and finished/);
    const after = platform.stats();

    // Every body was fetched once over both runs; the big file's rest came with one Range request.
    for (let index = 0; index < 120; index += 1) {
      expect(after.byPath.get(`GET /content/p-${index}`), `p-${index}`).toBe(1);
    }
    const sentAgain = (after.bytesByPath.get(bigPath) ?? 0) - (before.bytesByPath.get(bigPath) ?? 0);
    expect(sentAgain).toBeGreaterThan(BIG_SIZE - keptPartial - 1);
    expect(sentAgain).toBeLessThan(BIG_SIZE - keptPartial + 64 * 1024);

    const zips = await zipsIn(out);
    expect(zips.map((zip) => path.basename(zip))).toEqual((await zipsIn(referenceOut)).map((zip) => path.basename(zip)));
    for (const zip of zips) expect((await unzipTest(zip)).ok).toBe(true);
    const items = (await Promise.all(zips.map(manifestOf))).flatMap((manifest) => manifest.items);
    const referenceItems = (await Promise.all((await zipsIn(referenceOut)).map(manifestOf))).flatMap((manifest) => manifest.items);
    const fileShas = (list: typeof items) => Object.fromEntries(list.filter((item) => item.entries.file).map((item) => [item.id, item.sha256]));
    expect(items.map((item) => item.id).sort()).toEqual(referenceItems.map((item) => item.id).sort());
    expect(fileShas(items)).toEqual(fileShas(referenceItems));
    expect(await readdir(path.join(dataDir, 'staging')).catch(() => [])).toEqual([]);
  });
});
