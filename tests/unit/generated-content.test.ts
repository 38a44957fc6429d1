import { createHash } from 'node:crypto';
import { ReadStream } from 'node:fs';
import { mkdir, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  GeneratedBlocks, defaultGeneratedBlocksEngine, type GeneratedBlocksEngine,
} from '../../electron/core/sample-platform/generated-blocks.ts';
import { generatedBytesCachePath } from '../../electron/core/sample-platform/generated-bytes-cache.ts';
import {
  generatedBytes, generatedSha256, generatedStream,
} from '../../electron/core/sample-platform/generated-content.ts';
import {
  generatedCacheFolder, generatedDigestCachePath,
} from '../../electron/core/sample-platform/generated-digest-cache.ts';

/** The SPEC's definition, written out independently of the implementation. */
function specBytes(seed: string, size: number): Buffer {
  const blocks: Buffer[] = [];
  for (let counter = 0; blocks.length * 32 < size; counter += 1) {
    blocks.push(createHash('sha256').update(`${seed}:${counter}`, 'utf8').digest());
  }
  return Buffer.concat(blocks).subarray(0, size);
}

/** Blocks [first, first + count) by the SPEC's definition, for counters far from 0. */
function specBlocks(seed: string, first: number, count: number): Buffer {
  const blocks: Buffer[] = [];
  for (let counter = first; counter < first + count; counter += 1) {
    blocks.push(createHash('sha256').update(`${seed}:${counter}`, 'utf8').digest());
  }
  return Buffer.concat(blocks);
}

/** A content so large that any counter below 2^48 is in it. */
const HUGE = Number.MAX_SAFE_INTEGER;

const SEEDS = [
  '', 'a', 'poster', 'S:1:2', 'ünïcødé ✓', '🎉🧪 emoji 👩‍👩‍👧 seed', 'é'.repeat(70),
  'a long seed of more than a hundred bytes, so that its prefix fills a whole SHA-256 block '
    + 'and then some',
  'long'.repeat(300),
  // A lone surrogate is not UTF-8: encoded as U+FFFD, as node:crypto does.
  'lone \uD800 surrogate',
];
const ENGINES: GeneratedBlocksEngine[] = ['simd', 'scalar'];

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

  it('matches node:crypto for every seed shape and every tail layout', () => {
    // 'p' × 0…130 puts the digits at every offset of the prefix's last 64-byte block, so the
    // tail is one block or two and the digits sit in its first block or straddle both.
    const seeds = [...SEEDS, ...Array.from({ length: 131 }, (_, length) => 'p'.repeat(length))];
    const counters = [0, 7, 95, 995, 99_995, 9_999_995, 4_294_967_290, 281_474_976_710_000];
    for (const seed of seeds) {
      for (const counter of counters) {
        const actual = generatedBytes(seed, HUGE, counter * 32, (counter + 6) * 32);
        expect(actual.equals(specBlocks(seed, counter, 6)), `${JSON.stringify(seed)} at ${counter}`)
          .toBe(true);
      }
    }
  });

  it('carries the counter across every change of its number of digits', () => {
    const boundaries = Array.from({ length: 15 }, (_, digits) => 10 ** digits);
    boundaries.push(2 ** 32);
    for (const seed of ['poster', 'p'.repeat(50), 'p'.repeat(60)]) {
      for (const boundary of boundaries) {
        const first = Math.max(0, boundary - 3);
        const whole = specBlocks(seed, first, 6);
        // Odd offsets too: a range that starts and ends inside a block.
        for (const [from, to] of [[0, 192], [5, 187], [32, 160], [95, 97]] as const) {
          const actual = generatedBytes(seed, HUGE, first * 32 + from, first * 32 + to);
          expect(actual.equals(whole.subarray(from, to)), `${seed} around ${boundary}, ${from}-${to}`)
            .toBe(true);
        }
      }
    }
  });

  it('handles sizes 0, 1, 31, 32 and 33 and cuts at every block boundary', () => {
    for (const seed of SEEDS) {
      for (const size of [0, 1, 31, 32, 33]) {
        expect(generatedBytes(seed, size).equals(specBytes(seed, size)), `${seed} ${size}`).toBe(true);
      }
      const whole = specBytes(seed, 160);
      for (let start = 0; start <= 160; start += 32) {
        for (const end of [start, start + 1, start + 31, start + 32, start + 33, 160]) {
          if (end > 160) continue;
          expect(generatedBytes(seed, 160, start, end).equals(whole.subarray(start, end)),
            `${seed} ${start}-${end}`).toBe(true);
        }
      }
    }
  });

  it('streams from far into the content without making the blocks before the start', async () => {
    // Making the 2^48 blocks before this offset would take years: the stream seeks to its block.
    const start = HUGE - 100_000;
    const firstBlock = Math.floor(start / 32);
    const expected = specBlocks('poster', firstBlock, Math.ceil(HUGE / 32) - firstBlock)
      .subarray(start - firstBlock * 32, HUGE - firstBlock * 32);
    const chunks = await collect(generatedStream('poster', HUGE, start, HUGE));
    expect(Buffer.concat(chunks).equals(expected)).toBe(true);
    // Around counter 2^32, where a 32-bit counter would wrap.
    const near = (2 ** 32 - 2) * 32 + 7;
    const part = Buffer.concat(await collect(generatedStream('poster', HUGE, near, near + 100)));
    expect(part.equals(specBlocks('poster', 2 ** 32 - 2, 4).subarray(7, 107))).toBe(true);
  });

  it('makes the same bytes with both engines, across batches and interleaved contents', () => {
    expect(defaultGeneratedBlocksEngine()).toBe('simd');
    // Blocks 9_000 to 14_000: several batches of 2048 and the step from 4 to 5 digits.
    const first = 9_000;
    const count = 5_000;
    const seeds = ['poster', 'p'.repeat(60)]; // a one-block and a two-block tail
    const expected = seeds.map((seed) => specBlocks(seed, first, count));
    for (const engine of ENGINES) {
      const makers = seeds.map((seed) => new GeneratedBlocks(seed, engine));
      const outputs = seeds.map(() => Buffer.alloc(count * 32));
      // Alternate between the contents in uneven pieces, as concurrent streams do.
      const pieces = [1, 31, 32, 33, 64 * 1024, 100, 65_536 * 2 + 5];
      for (let offset = 0, turn = 0; offset < count * 32; turn += 1) {
        const length = Math.min(pieces[turn % pieces.length] ?? 1, count * 32 - offset);
        makers.forEach((maker, index) => {
          maker.fill(first * 32 + offset, outputs[index]?.subarray(offset, offset + length) ?? Buffer.alloc(0));
        });
        offset += length;
      }
      outputs.forEach((output, index) => {
        expect(output.equals(expected[index] ?? Buffer.alloc(0)), `${engine} ${seeds[index]}`).toBe(true);
      });
    }
  });

  it('keeps very large contents on disk in the pass that digests them, then serves them from there', async () => {
    const size = 256 * 1024 * 1024 + 5;
    const seed = 'bytes-cache-test';
    const cacheFile = generatedBytesCachePath(seed, size);
    const digestFile = generatedDigestCachePath(seed, size);
    await mkdir(generatedCacheFolder(), { recursive: true });
    // A short file under the final name and a part left by a killed process are both ignored.
    await writeFile(cacheFile, 'short');
    const abandoned = `${cacheFile}.999999999-abcd1234.tmp`;
    await writeFile(abandoned, 'part');
    await rm(digestFile, { force: true });
    try {
      const hash = createHash('sha256');
      for await (const chunk of generatedStream(seed, size)) hash.update(chunk as Buffer);
      expect(await generatedSha256(seed, size)).toBe(hash.digest('hex'));
      expect((await stat(cacheFile)).size).toBe(size);
      const leftovers = (await readdir(generatedCacheFolder()))
        .filter((name) => name.startsWith(`${basename(cacheFile)}.`));
      expect(leftovers).toEqual([]);
      const ranges = [[0, 1], [31, 65], [size - 100_000, size], [123_456_789, 123_457_000]] as const;
      for (const [start, end] of ranges) {
        const stream = generatedStream(seed, size, start, end);
        expect(stream).toBeInstanceOf(ReadStream);
        const chunks = await collect(stream);
        expect(chunks.every((chunk) => chunk.length <= 64 * 1024)).toBe(true);
        expect(Buffer.concat(chunks).equals(generatedBytes(seed, size, start, end)), `${start}-${end}`)
          .toBe(true);
      }
      expect(Buffer.concat(await collect(generatedStream(seed, size, 9, 9))).length).toBe(0);
    } finally {
      await rm(cacheFile, { force: true });
      await rm(digestFile, { force: true });
      await rm(abandoned, { force: true });
    }
  });
});
