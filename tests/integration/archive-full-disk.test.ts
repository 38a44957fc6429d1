import { mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../../electron/core/sample-platform/snapshot-schema.ts';
import { zipsIn } from '../helpers/archive-reading.ts';
import { runCli } from '../helpers/cli.ts';
import { useSamplePlatforms } from '../helpers/sample-platform.ts';
import { useTempDirs } from '../helpers/temp-dir.ts';
import { useTmpfs } from '../helpers/tmpfs.ts';
import { unzipTest } from '../helpers/unzip.ts';

const startPlatform = useSamplePlatforms();
const tempDir = useTempDirs();
const tmpfs = useTmpfs();

function world(): Snapshot {
  return {
    format: 'legacy-platform-snapshot/1',
    accounts: [{ id: 'u1', login: 'an.peeters', password: 'demo', name: 'An', email: 'an@x.example', hasEtwinningAccount: true, hasSegAccount: false }],
    spaces: [{ id: 'ts-1', kind: 'twinspace', title: 'Rivers', createdAt: '2019-01-01T00:00:00Z', members: ['u1'], activity: [], migrationRequest: 'none' }],
    items: Array.from({ length: 8 }, (_, index) => ({
      id: `f-${index}`, owner: 'u1', space: 'ts-1', type: 'material' as const, title: `clip ${index}.mp4`, createdAt: '2020-01-01T00:00:00Z',
      file: { name: `clip ${index}.mp4`, mediaType: 'video/mp4', content: { kind: 'generated' as const, seed: `clip-${index}`, size: 1_000_000 } },
    })),
  };
}

describe('a full disk', () => {
  it.skipIf(!tmpfs.available)('stops with a clear sentence, leaves no partial ZIP, and the same command finishes once there is room', async () => {
    const platform = await startPlatform(world());
    const out = path.join(await tempDir(), 'usb-stick');
    mkdirSync(out);
    expect(tmpfs.mount(out, 3)).toBe(true);
    const args = ['archive', '--source', platform.url, '--login', 'an.peeters', '--password-env', 'TA_TEST_PASSWORD', '--out', out, '--data-dir', await tempDir()];
    const full = await runCli(args, { TA_TEST_PASSWORD: 'demo' });
    expect(full.code).toBe(1);
    expect(full.stderr).toMatch(/The disk is full: free some space, then run the same command again/);
    expect(readdirSync(out)).toEqual([]);
    const fetched = platform.stats().byPath.get('GET /files/f-0/clip%200.mp4') ?? 0;

    tmpfs.unmount(out);
    expect(tmpfs.mount(out, 32)).toBe(true);
    const again = await runCli(args, { TA_TEST_PASSWORD: 'demo' });
    expect(again.code, again.stderr).toBe(0);
    const [zip] = await zipsIn(out);
    expect(zip).toBeDefined();
    expect((await unzipTest(zip ?? '')).ok).toBe(true);
    expect(platform.stats().byPath.get('GET /files/f-0/clip%200.mp4')).toBe(fetched);
  });
});
