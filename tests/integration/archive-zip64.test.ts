import { stat } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { checkZip } from '../../electron/core/archive/zip/read-zip.ts';
import { generatedSha256 } from '../../electron/core/sample-platform/generated-content.ts';
import type { Snapshot } from '../../electron/core/sample-platform/snapshot-schema.ts';
import { manifestOf, zipsIn } from '../helpers/archive-reading.ts';
import { runCli } from '../helpers/cli.ts';
import { useSamplePlatforms } from '../helpers/sample-platform.ts';
import { useTempDirs } from '../helpers/temp-dir.ts';
import { pythonZipCheck, unzipTest } from '../helpers/unzip.ts';

const startPlatform = useSamplePlatforms();
const tempDir = useTempDirs();
const HUGE = 4 * 1024 ** 3 + 54_321;

// Slow by nature (4 GiB through HTTP, staging, the ZIP and three read-backs), but it runs in CI.
describe('an item over 4 GiB', () => {
  it('is fetched over HTTP and archived as ZIP64 that unzip, Python and yauzl read back byte-exact', { timeout: 900_000 }, async () => {
    const snapshot: Snapshot = {
      format: 'legacy-platform-snapshot/1',
      accounts: [{ id: 'u1', login: 'an.peeters', password: 'demo', name: 'An', email: 'an@x.example', hasEtwinningAccount: true, hasSegAccount: false }],
      spaces: [{ id: 'ts-1', kind: 'twinspace', title: 'Films', createdAt: '2019-01-01T00:00:00Z', members: ['u1'], activity: [], migrationRequest: 'none' }],
      items: [
        { id: 'film', owner: 'u1', space: 'ts-1', type: 'material', title: 'Eindfilm.mp4', createdAt: '2020-06-01T00:00:00Z',
          file: { name: 'Eindfilm.mp4', mediaType: 'video/mp4', content: { kind: 'generated', seed: 'zip64-film', size: HUGE } } },
        { id: 'note', owner: 'u1', space: 'ts-1', type: 'journal-entry', title: 'Over de film', createdAt: '2020-06-02T00:00:00Z', body: '<p>Onze eindfilm.</p>' },
      ],
    };
    const expectedSha = await generatedSha256('zip64-film', HUGE);
    const platform = await startPlatform(snapshot);
    const out = await tempDir();
    const run = await runCli(['archive', '--source', platform.url, '--login', 'an.peeters', '--password-env', 'TA_TEST_PASSWORD',
      '--out', out, '--data-dir', await tempDir(), '--split-size', String(8 * 1024 ** 3)], { TA_TEST_PASSWORD: 'demo' });
    expect(run.code, run.stderr).toBe(0);
    const [zip] = await zipsIn(out);
    if (!zip) throw new Error('no archive written');
    expect((await stat(zip)).size).toBeGreaterThan(HUGE);
    expect((await unzipTest(zip)).ok).toBe(true);
    expect((await pythonZipCheck(zip)).firstBad).toBeNull();
    const film = (await checkZip(zip)).find((entry) => entry.name === 'Materials/Eindfilm.mp4');
    expect(film).toMatchObject({ size: HUGE, problem: null, sha256: expectedSha });
    const manifest = await manifestOf(zip);
    expect(manifest.items.find((item) => item.id === 'film')).toMatchObject({ size: HUGE, sha256: expectedSha, path: 'Materials/Eindfilm.mp4' });
  });
});
