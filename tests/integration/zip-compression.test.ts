import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { crc32, inflateRawSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { CompressionPool } from '../../electron/core/archive/zip/compression-pool.ts';
import type { BatchLimits, BatchPreparer } from '../../electron/core/archive/zip/entry-batcher.ts';
import { prepareInline } from '../../electron/core/archive/zip/prepared-entry.ts';
import { checkZip } from '../../electron/core/archive/zip/read-zip.ts';
import { createZipWriter, type ZipWriterOptions } from '../../electron/core/archive/zip/zip-writer.ts';
import { useTempDirs } from '../helpers/temp-dir.ts';
import { pythonZipCheck, unzipTest } from '../helpers/unzip.ts';

const tempDir = useTempDirs();
const modified = new Date('2021-06-10T14:00:00Z');
const sha = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');
const LIMITS: BatchLimits = { batchBytes: 64 * 1024, inlineBytes: 16 * 1024, largeBytes: 1024 * 1024 };
const pool = new CompressionPool(2, 200);
afterAll(() => pool.close());

function text(bytes: number, seed: number): Buffer {
  const words = ['rivier', 'klas', 'ideeën', 'project', 'school', 'eTwinning', 'water', 'brug', 'stad', 'kaart'];
  const parts: string[] = [];
  let length = 0;
  for (let index = 0; length < bytes; index += 1) {
    const word = words[(index * 7 + seed) % words.length] ?? 'x';
    parts.push(word);
    length += Buffer.byteLength(word) + 1;
  }
  return Buffer.from(parts.join(' ')).subarray(0, bytes);
}

function noise(bytes: number, seed: number): Buffer {
  const out = Buffer.alloc(bytes);
  for (let offset = 0, block = 0; offset < bytes; block += 1) {
    const digest = createHash('sha256').update(`${seed}:${block}`).digest();
    out.set(digest.subarray(0, Math.min(digest.length, bytes - offset)), offset);
    offset += digest.length;
  }
  return out;
}

/** Sizes on both sides of every limit the batcher and the reader know. */
function sampleEntries(): { name: string; data: Buffer; compress: boolean }[] {
  const sizes = [0, 1, 100, LIMITS.inlineBytes - 1, LIMITS.inlineBytes, LIMITS.inlineBytes + 1, LIMITS.batchBytes - 1, LIMITS.batchBytes,
    LIMITS.batchBytes + 1, 256 * 1024, LIMITS.largeBytes - 1, LIMITS.largeBytes, 3_000_000];
  const entries = sizes.map((size, index) => ({ name: `pages/${index}-${size}.html`, data: text(size, index), compress: true }));
  entries.push({ name: 'media/noise.bin', data: noise(200_000, 1), compress: true });
  entries.push({ name: 'media/stored.txt', data: text(70_000, 3), compress: false });
  for (let index = 0; index < 300; index += 1) entries.push({ name: `small/${index}.html`, data: text(2_000 + index * 37, index), compress: true });
  return entries;
}

async function write(file: string, options: ZipWriterOptions) {
  const zip = await createZipWriter(file, options);
  const entries = sampleEntries();
  const written = await Promise.all(entries.map((entry) => zip.addBuffer(entry.name, entry.data, { modified, compress: entry.compress })));
  expect(zip.pendingBytes).toBe(0);
  await zip.finish();
  return { entries, written };
}

describe('compression of entries held in memory', () => {
  it('prepares a batch in a worker exactly as on the calling thread', async () => {
    const entries = sampleEntries();
    const batch = await pool.prepare(entries);
    const prepared = batch.entries;
    expect(prepared).toHaveLength(entries.length);
    prepared.forEach((entry, index) => {
      const source = entries[index];
      if (!source) throw new Error('missing entry');
      const inline = prepareInline(source.data, source.compress);
      expect(entry.crc32).toBe(crc32(source.data));
      expect(entry.sha256).toBe(sha(source.data));
      expect(entry.deflated === null).toBe(inline.deflated === null);
      if (entry.deflated) {
        expect(Buffer.from(entry.deflated).equals(Buffer.from(inline.deflated ?? []))).toBe(true);
        expect(inflateRawSync(entry.deflated).equals(source.data)).toBe(true);
      }
    });
    expect(prepared[entries.findIndex((entry) => entry.name === 'media/noise.bin')]?.deflated).toBeNull();
    batch.release();
  });

  it('writes the same bytes through worker batches as on the calling thread, and three readers agree', async () => {
    const dir = await tempDir();
    const viaWorkers = path.join(dir, 'workers.zip');
    const inline = path.join(dir, 'inline.zip');
    let batches = 0;
    const counting: BatchPreparer = { prepare: (batch) => { batches += 1; return pool.prepare(batch); } };
    const { entries, written } = await write(viaWorkers, { pool: counting, batchLimits: LIMITS });
    await write(inline, { pool: null });
    expect(batches).toBeGreaterThan(5);
    expect((await readFile(viaWorkers)).equals(await readFile(inline))).toBe(true);

    written.forEach((entry, index) => {
      const source = entries[index];
      expect(entry.sha256).toBe(sha(source?.data ?? Buffer.alloc(0)));
      expect(entry.crc32).toBe(crc32(source?.data ?? Buffer.alloc(0)));
    });
    expect(written.find((entry) => entry.name === 'media/noise.bin')?.method).toBe('store');
    expect(written.find((entry) => entry.name === 'media/stored.txt')?.method).toBe('store');
    expect(written.filter((entry) => entry.name.startsWith('pages/')).every((entry) => entry.method === (entry.size < 100 ? 'store' : 'deflate'))).toBe(true);
    expect((await unzipTest(viaWorkers)).ok).toBe(true);
    expect((await pythonZipCheck(viaWorkers)).firstBad).toBeNull();
    const checked = await checkZip(viaWorkers);
    expect(checked.map((entry) => entry.problem).filter((problem) => problem !== null)).toEqual([]);
    expect(checked.map((entry) => entry.sha256)).toEqual(entries.map((entry) => sha(entry.data)));
  });

  it('prepares entries on the calling thread when each one is awaited', async () => {
    let batches = 0;
    const counting: BatchPreparer = { prepare: (entries) => { batches += 1; return pool.prepare(entries); } };
    const file = path.join(await tempDir(), 'one-by-one.zip');
    const zip = await createZipWriter(file, { pool: counting, batchLimits: LIMITS });
    for (let index = 0; index < 50; index += 1) {
      const entry = await zip.addBuffer(`${index}.html`, text(1_000, index), { modified, compress: true });
      expect(entry.method).toBe('deflate');
    }
    await zip.addBuffer('large.html', text(LIMITS.batchBytes, 1), { modified, compress: true });
    await zip.finish();
    expect(batches).toBe(1);
    expect((await unzipTest(file)).ok).toBe(true);
  });

  it('fails the entry whose batch could not be prepared and every later call, and abort removes the file', async () => {
    const broken: BatchPreparer = { prepare: () => Promise.reject(new Error('the worker died')) };
    const file = path.join(await tempDir(), 'broken.zip');
    const zip = await createZipWriter(file, { pool: broken, batchLimits: LIMITS });
    await expect(zip.addBuffer('big.html', text(LIMITS.batchBytes, 1), { modified, compress: true })).rejects.toThrow('the worker died');
    await expect(zip.addBuffer('after.html', text(10, 1), { modified, compress: true })).rejects.toThrow('the worker died');
    await expect(zip.finish()).rejects.toThrow('the worker died');
    await zip.abort();
    expect(existsSync(file)).toBe(false);
  });

  it('starts new workers after its workers stopped, when idle or closed', async () => {
    const own = new CompressionPool(1, 20);
    const entries = [{ data: text(50_000, 1), compress: true }];
    const first = (await own.prepare(entries)).entries;
    await new Promise((resolve) => setTimeout(resolve, 100));
    const afterIdle = (await own.prepare(entries)).entries;
    await own.close();
    const afterClose = (await own.prepare(entries)).entries;
    expect(afterIdle[0]?.sha256).toBe(first[0]?.sha256);
    expect(afterClose[0]?.deflated?.length).toBe(first[0]?.deflated?.length);
    await own.close();
  });
});
