import { createHash } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import {
  generatedBytes, generatedSha256, generatedStream,
} from '../../electron/core/sample-platform/generated-content.ts';
import { generatedDigestCachePath } from '../../electron/core/sample-platform/generated-digest-cache.ts';

/** The SPEC's definition, written out independently of the implementation. */
function specBytes(seed: string, size: number): Buffer {
  const blocks: Buffer[] = [];
  for (let counter = 0; blocks.length * 32 < size; counter += 1) {
    blocks.push(createHash('sha256').update(`${seed}:${counter}`, 'utf8').digest());
  }
  return Buffer.concat(blocks).subarray(0, size);
}

async function collect(stream: NodeJS.ReadableStream): Promise<Buffer[]> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return chunks;
}

describe('generated content', () => {
  it('matches the SPEC definition byte for byte', () => {
    expect(generatedBytes('poster', 250).equals(specBytes('poster', 250))).toBe(true);
    expect(generatedBytes('poster', 32).equals(createHash('sha256').update('poster:0').digest()))
      .toBe(true);
    expect(generatedBytes('ünïcødé ✓', 100).equals(specBytes('ünïcødé ✓', 100))).toBe(true);
    expect(generatedBytes('x', 0).length).toBe(0);
  });

  it('cuts ranges at and around block boundaries', () => {
    const whole = specBytes('edge', 200);
    const cases: Array<[number, number]> = [
      [0, 32], [31, 33], [32, 64], [33, 95], [63, 65], [64, 64], [0, 1], [199, 200], [17, 200],
    ];
    for (const [start, end] of cases) {
      expect(generatedBytes('edge', 200, start, end).equals(whole.subarray(start, end)), `${start}-${end}`)
        .toBe(true);
    }
  });

  it('refuses ranges outside the content', () => {
    expect(() => generatedBytes('edge', 10, 5, 11)).toThrow(RangeError);
    expect(() => generatedBytes('edge', 10, 6, 5)).toThrow(RangeError);
    expect(() => generatedStream('edge', 10, -1, 5)).toThrow(RangeError);
  });

  it('streams a range in chunks of at most 64 KiB with the same bytes', async () => {
    const size = 300_000;
    const whole = specBytes('stream', size);
    const chunks = await collect(generatedStream('stream', size));
    expect(chunks.every((chunk) => chunk.length <= 64 * 1024)).toBe(true);
    expect(chunks.length).toBeGreaterThan(4);
    expect(Buffer.concat(chunks).equals(whole)).toBe(true);
    const start = 65_535;
    const end = 131_075;
    const part = Buffer.concat(await collect(generatedStream('stream', size, start, end)));
    expect(part.equals(whole.subarray(start, end))).toBe(true);
    expect(Buffer.concat(await collect(generatedStream('stream', size, 7, 7))).length).toBe(0);
  });

  it('digests a 1 MB content as the SHA-256 of its bytes', async () => {
    const size = 1_000_000;
    const expected = createHash('sha256').update(specBytes('digest', size)).digest('hex');
    expect(await generatedSha256('digest', size)).toBe(expected);
    expect(await generatedSha256('digest', 0)).toBe(createHash('sha256').digest('hex'));
  });

  it('keeps the digest of large contents on disk', async () => {
    const size = 16 * 1024 * 1024 + 5;
    const seed = 'disk-cache-test';
    const cacheFile = generatedDigestCachePath(seed, size);
    await rm(cacheFile, { force: true });
    const expected = createHash('sha256').update(generatedBytes(seed, size)).digest('hex');
    expect(await generatedSha256(seed, size)).toBe(expected);
    const stored = await readFile(cacheFile, 'utf8');
    expect(stored.trim()).toBe(expected);
    await rm(cacheFile, { force: true });
  });
});
