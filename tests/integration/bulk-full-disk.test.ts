import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
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
  const teacher = (id: string, login: string) => ({ id, login, password: 'demo', name: login, email: `${login}@x.example`, hasEtwinningAccount: true, hasSegAccount: false });
  const space = (id: string, member: string) => ({ id, kind: 'twinspace' as const, title: `Space ${id}`, createdAt: '2019-01-01T00:00:00Z', members: [member], activity: [], migrationRequest: 'none' as const });
  const clip = (id: string, owner: string, spaceId: string, size: number) => ({
    id, owner, space: spaceId, type: 'material' as const, title: `${id}.mp4`, createdAt: '2020-01-01T00:00:00Z',
    file: { name: `${id}.mp4`, mediaType: 'video/mp4', content: { kind: 'generated' as const, seed: id, size } },
  });
  return {
    format: 'legacy-platform-snapshot/1',
    accounts: [teacher('u1', 'an'), teacher('u2', 'bo'), teacher('u3', 'cy')],
    spaces: [space('ts-1', 'u1'), space('ts-2', 'u2'), space('ts-3', 'u3')],
    items: [
      ...Array.from({ length: 8 }, (_, index) => clip(`an-${index}`, 'u1', 'ts-1', 1_000_000)),
      clip('bo-0', 'u2', 'ts-2', 50_000),
      clip('cy-0', 'u3', 'ts-3', 50_000),
    ],
  };
}

describe('a bulk run on a full disk', () => {
  it.skipIf(!tmpfs.available)('fails the account, starts no further one, still writes the report, and finishes once there is room', async () => {
    const platform = await startPlatform(world());
    const out = path.join(await tempDir(), 'usb-stick');
    mkdirSync(out);
    expect(tmpfs.mount(out, 3)).toBe(true);
    const jobFile = path.join(await tempDir(), 'job.csv');
    writeFileSync(jobFile, 'login,password_env,cookies,eu_login_email,spaces,out\nan,TA_PW,,,,\nbo,TA_PW,,,,\ncy,TA_PW,,,,\n');
    const args = ['bulk', '--source', platform.url, jobFile, '--out', out, '--data-dir', await tempDir(), '--accounts-at-once', '1'];

    const full = await runCli(args, { TA_PW: 'demo' });
    expect(full.code).toBe(1);
    expect(full.stderr).toMatch(/\[1\/3\] an: failed: The disk is full: free some space/);
    expect(full.stderr).toMatch(/No further accounts started \(2 left\) because the disk is full/);
    expect(full.stderr).not.toMatch(/\[2\/3\] bo: started/);
    const csv = readFileSync(path.join(out, 'bulk-report.csv'), 'utf8');
    expect(csv).toMatch(/"account","1","an","","an","failed","1","","",.*"The disk is full: free some space/);
    expect(csv).toMatch(/"account","2","bo","","bo","not-finished","0",.*"Not started because the disk is full/);
    expect(readFileSync(path.join(out, 'bulk-report.html'), 'utf8')).toContain('The run stopped early: the disk is full');
    expect(platform.stats().byPath.get('GET /files/bo-0/bo-0.mp4')).toBeUndefined();
    const fetched = platform.stats().byPath.get('GET /files/an-0/an-0.mp4') ?? 0;

    tmpfs.unmount(out);
    expect(tmpfs.mount(out, 32)).toBe(true);
    const again = await runCli(args, { TA_PW: 'demo' });
    expect(again.code, again.stderr).toBe(0);
    for (const login of ['an', 'bo', 'cy']) {
      const [zip] = await zipsIn(path.join(out, login));
      expect((await unzipTest(zip ?? '')).ok, login).toBe(true);
    }
    expect(platform.stats().byPath.get('GET /files/an-0/an-0.mp4')).toBe(fetched);
  });
});
