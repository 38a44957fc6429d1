import { createHash } from 'node:crypto';
import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { downloadResumable } from '../../electron/core/archive/staging/resumable-download.ts';
import { createPlatformClient } from '../../electron/core/platform-client/platform-client.ts';
import { generatedBytes } from '../../electron/core/sample-platform/generated-content.ts';
import type { Snapshot } from '../../electron/core/sample-platform/snapshot-schema.ts';
import { useSamplePlatforms } from '../helpers/sample-platform.ts';
import { useTempDirs } from '../helpers/temp-dir.ts';

const startPlatform = useSamplePlatforms();
const tempDir = useTempDirs();
const SIZE = 3_000_000;

function snapshotWith(seed: string): Snapshot {
  return {
    format: 'legacy-platform-snapshot/1',
    accounts: [{ id: 'u1', login: 'an', password: 'demo', name: 'An', email: 'an@x.example', hasEtwinningAccount: true, hasSegAccount: false }],
    spaces: [{ id: 'g', kind: 'group', title: 'G', createdAt: '2019-01-01T00:00:00Z', members: ['u1'], activity: [] }],
    items: [{ id: 'f', owner: 'u1', space: 'g', type: 'material', title: 'clip.mp4', createdAt: '2019-01-01T00:00:00Z',
      file: { name: 'clip.mp4', mediaType: 'video/mp4', content: { kind: 'generated', seed, size: SIZE } } }],
  };
}

const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

async function download(url: string, target: string, expectedSha256: string) {
  const client = createPlatformClient({ baseUrl: url, credentials: { kind: 'password', login: 'an', password: 'demo' } });
  try {
    await client.signIn();
    let received = 0;
    const result = await downloadResumable(client, { urlPath: '/files/f/clip.mp4', target, expectedSize: SIZE, expectedSha256 }, {
      onBytes: (delta) => { received += delta; },
    });
    return { result, received };
  } finally {
    await client.close();
  }
}

describe('resumable download', () => {
  it('continues a partial file with Range when the ETag still matches', async () => {
    const bytes = generatedBytes('same', SIZE);
    const platform = await startPlatform(snapshotWith('same'));
    const target = path.join(await tempDir(), 'clip');
    await writeFile(`${target}.part`, bytes.subarray(0, 1_000_000));
    await writeFile(`${target}.etag`, `"${sha(bytes)}"`);
    const { result, received } = await download(platform.url, target, sha(bytes));
    expect(result).toEqual({ sha256: sha(bytes), size: SIZE });
    expect(received).toBe(SIZE - 1_000_000);
    expect((await readFile(target)).equals(bytes)).toBe(true);
    expect(platform.stats().bytesByPath.get('GET /files/f/clip.mp4')).toBeLessThan(SIZE - 1_000_000 + 2048);
  });

  it('starts over when the file changed on the platform (If-Range answered with the whole file)', async () => {
    const old = generatedBytes('old', SIZE);
    const fresh = generatedBytes('new', SIZE);
    const platform = await startPlatform(snapshotWith('new'));
    const target = path.join(await tempDir(), 'clip');
    await writeFile(`${target}.part`, old.subarray(0, 2_000_000));
    await writeFile(`${target}.etag`, `"${sha(old)}"`);
    const { result, received } = await download(platform.url, target, sha(fresh));
    expect(result.sha256).toBe(sha(fresh));
    expect(received).toBe(SIZE - 2_000_000);
    expect((await readFile(target)).equals(fresh)).toBe(true);
    await expect(stat(`${target}.part`)).rejects.toThrow();
  });

  it('detects a corrupted partial file by its SHA-256 and fetches the file again whole', async () => {
    const bytes = generatedBytes('same', SIZE);
    const platform = await startPlatform(snapshotWith('same'));
    const target = path.join(await tempDir(), 'clip');
    const damaged = Buffer.from(bytes.subarray(0, 1_500_000));
    damaged[1234] = (damaged[1234] ?? 0) ^ 0x01;
    await writeFile(`${target}.part`, damaged);
    await writeFile(`${target}.etag`, `"${sha(bytes)}"`);
    const { result, received } = await download(platform.url, target, sha(bytes));
    expect(result.sha256).toBe(sha(bytes));
    expect(received).toBe(SIZE - 1_500_000);
    expect((await readFile(target)).equals(bytes)).toBe(true);
    expect(platform.stats().byPath.get('GET /files/f/clip.mp4')).toBe(2);
  });
});
