import { createHash } from 'node:crypto';
import { open, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { ScannedItem } from '../../shared/inventory.ts';
import { MANIFEST_FORMAT, type ManifestItem } from '../../electron/core/archive/manifest.ts';
import type { PackedPart } from '../../electron/core/archive/pack/pack-part.ts';
import { BufferedFile } from '../../electron/core/archive/zip/buffered-file.ts';
import { FILE_CHUNK_BYTES } from '../../electron/core/archive/zip/file-chunks.ts';
import { SealedReadBack, type ReadBackSoFar } from '../../electron/core/archive/zip/sealed-read-back.ts';
import { checkZip, checkZipAndDigest } from '../../electron/core/archive/zip/read-zip.ts';
import { createZipWriter, type WrittenEntry } from '../../electron/core/archive/zip/zip-writer.ts';
import { ArchiveCheckError, sha256OfFile, verifyAndSync, verifyPackedPart } from '../../electron/core/jobs/finalize-part.ts';
import { useTempDirs } from '../helpers/temp-dir.ts';
import { pythonZipCheck, unzipList, unzipTest } from '../helpers/unzip.ts';

const tempDir = useTempDirs();
const modified = new Date('2021-06-10T14:00:00Z');
const MIB = 1024 * 1024;
const sha = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

/** Deterministic bytes; `alphabet` below 256 makes them compressible, but only so far. */
function bytes(size: number, seed: number, alphabet = 256): Buffer {
  const out = Buffer.alloc(size);
  let state = (seed * 2654435761 + 1) >>> 0 || 1;
  for (let index = 0; index < size; index += 1) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    out[index] = state % alphabet;
  }
  return out;
}

async function zipOf(
  dir: string,
  entries: { name: string; data: Buffer; compress: boolean; sha256?: string }[],
): Promise<{ file: string; written: WrittenEntry[]; readBack: Promise<ReadBackSoFar> | null }> {
  const file = path.join(dir, 'out.zip');
  const zip = await createZipWriter(file);
  const written: Promise<WrittenEntry>[] = [];
  for (const [index, entry] of entries.entries()) {
    const source = path.join(dir, `source-${index}`);
    await writeFile(source, entry.data);
    written.push(zip.addFile(entry.name, source, {
      modified, compress: entry.compress, size: entry.data.length, ...(entry.sha256 === undefined ? {} : { sha256: entry.sha256 }),
    }));
  }
  const result = await Promise.all(written);
  const { readBack } = await zip.finish();
  return { file, written: result, readBack };
}

/** What packPart would return for these written entries: a personal archive of one part. */
function packedPart(size: number, written: readonly WrittenEntry[], items: ManifestItem[], readBack: PackedPart['readBack'] = null): PackedPart {
  return {
    size,
    entries: new Map(written.map((entry) => [entry.name, entry])),
    manifest: {
      format: MANIFEST_FORMAT, space: { id: null, kind: 'personal', title: 'Personal', verdict: null, rule: null },
      account: { id: 'u1', name: 'An', email: 'an@x.example' }, source: 'http://127.0.0.1', archivedAt: modified.toISOString(),
      ruleSet: 'test', part: 1, parts: 1, items,
    },
    bodyTexts: new Map(),
    readBack,
  };
}

/** Where an entry's local header starts, from its central directory record. */
async function localHeaderOffset(file: string, name: string): Promise<number> {
  const zip = await readFile(file);
  const marker = Buffer.from(name);
  const signature = Buffer.from([0x50, 0x4b, 0x01, 0x02]);
  for (let at = zip.indexOf(signature); at >= 0; at = zip.indexOf(signature, at + 1)) {
    const nameLength = zip.readUInt16LE(at + 28);
    if (zip.subarray(at + 46, at + 46 + nameLength).equals(marker)) return zip.readUInt32LE(at + 42);
  }
  throw new Error(`no directory record for ${name}`);
}

async function flipByte(file: string, position: number): Promise<void> {
  const zip = await readFile(file);
  zip[position] = (zip[position] ?? 0) ^ 0xff;
  await writeFile(file, zip);
}

describe('files added from disk', () => {
  it('stores and deflates files on both sides of the read chunk, byte-exact for three readers', async () => {
    const dir = await tempDir();
    const sizes = [0, 1, FILE_CHUNK_BYTES - 1, FILE_CHUNK_BYTES, FILE_CHUNK_BYTES + 1, 2 * FILE_CHUNK_BYTES + 3];
    const entries = sizes.flatMap((size, index) => [
      { name: `stored/${size}.bin`, data: bytes(size, index), compress: false },
      { name: `deflated/${size}.txt`, data: bytes(size, index, 16), compress: true },
    ]);
    const { file, written } = await zipOf(dir, entries);
    expect(written.map((entry) => entry.sha256)).toEqual(entries.map((entry) => sha(entry.data)));
    expect(written.map((entry) => entry.size)).toEqual(entries.map((entry) => entry.data.length));
    expect((await unzipTest(file)).ok).toBe(true);
    expect(await unzipList(file)).toEqual(entries.map((entry) => entry.name));
    expect((await pythonZipCheck(file)).firstBad).toBeNull();
    const { entries: checked, sha256 } = await checkZipAndDigest(file);
    expect(checked.map((entry) => entry.problem)).toEqual(entries.map(() => null));
    expect(checked.map((entry) => entry.sha256)).toEqual(entries.map((entry) => sha(entry.data)));
    expect(sha256).toBe(await sha256OfFile(file));
  });

  it('refuses a file shorter or longer than its declared size, or gone', async () => {
    const dir = await tempDir();
    const source = path.join(dir, 'film.mp4');
    await writeFile(source, bytes(FILE_CHUNK_BYTES + 10, 1));
    const short = await createZipWriter(path.join(dir, 'short.zip'));
    await expect(short.addFile('film.mp4', source, { modified, compress: false, size: FILE_CHUNK_BYTES + 11 }))
      .rejects.toThrow(`ended after ${FILE_CHUNK_BYTES + 10} of its ${FILE_CHUNK_BYTES + 11} bytes`);
    await short.abort();
    const long = await createZipWriter(path.join(dir, 'long.zip'));
    await expect(long.addFile('film.mp4', source, { modified, compress: false, size: FILE_CHUNK_BYTES })).rejects.toThrow('ended after');
    await long.abort();
    const missing = await createZipWriter(path.join(dir, 'missing.zip'));
    await expect(missing.addFile('gone.mp4', path.join(dir, 'gone.mp4'), { modified, compress: false, size: 1 })).rejects.toThrow(/ENOENT/);
    await expect(missing.addBuffer('after.txt', Buffer.from('x'), { modified, compress: false })).rejects.toThrow(/ENOENT/);
    await missing.abort();
  });
});

describe('reading a ZIP back', () => {
  it('checks entries read whole and streamed, on both sides of 1 MiB, and hashes the whole file in the same read', async () => {
    const dir = await tempDir();
    const entries = [
      { name: 'whole-stored.bin', data: bytes(MIB, 1), compress: false },
      { name: 'streamed-stored.bin', data: bytes(MIB + 1, 2), compress: false },
      { name: 'whole-deflated.txt', data: bytes(MIB, 3, 16), compress: true },
      { name: 'streamed-deflated.txt', data: bytes(4 * MIB, 4, 16), compress: true },
    ];
    const { file, written } = await zipOf(dir, entries);
    expect(written[3]?.compressedSize).toBeGreaterThan(MIB);
    expect(written[2]?.compressedSize).toBeLessThanOrEqual(MIB);
    const { entries: checked, sha256 } = await checkZipAndDigest(file);
    expect(checked.map((entry) => [entry.name, entry.problem, entry.sha256])).toEqual(entries.map((entry) => [entry.name, null, sha(entry.data)]));
    expect(sha256).toBe(await sha256OfFile(file));
  });

  it('hashes a ZIP of 64 MiB or more on a thread of its own, to the digest of the file as it lies on disk', async () => {
    const dir = await tempDir();
    const film = bytes(65 * MIB, 4);
    const { file } = await zipOf(dir, [{ name: 'notes.txt', data: bytes(5_000, 5, 16), compress: true }, { name: 'film.mp4', data: film, compress: false }]);
    const first = await checkZipAndDigest(file);
    expect(first.entries.map((entry) => [entry.name, entry.problem])).toEqual([['notes.txt', null], ['film.mp4', null]]);
    expect(first.sha256).toBe(await sha256OfFile(file));

    await flipByte(file, (await localHeaderOffset(file, 'film.mp4')) + 30 + 'film.mp4'.length + 9 + 64 * MIB);
    const second = await checkZipAndDigest(file);
    expect(second.entries.map((entry) => entry.problem)).toEqual([null, 'CRC-32 mismatch in "film.mp4"']);
    expect(second.sha256).toBe(await sha256OfFile(file));
    expect(second.sha256).not.toBe(first.sha256);
  });

  it('finds a flipped byte in a small deflated entry, in a large stored one, and a local header that disagrees', async () => {
    const dir = await tempDir();
    const { file } = await zipOf(dir, [
      { name: 'page.html', data: bytes(50_000, 1, 16), compress: true },
      { name: 'film.mp4', data: bytes(3 * MIB, 2), compress: false },
      { name: 'notes.txt', data: bytes(1_000, 3), compress: false },
    ]);
    const page = await localHeaderOffset(file, 'page.html');
    const film = await localHeaderOffset(file, 'film.mp4');
    const notes = await localHeaderOffset(file, 'notes.txt');
    await flipByte(file, page + 30 + 'page.html'.length + 9 + 200);
    await flipByte(file, film + 30 + 'film.mp4'.length + 9 + 2 * MIB);
    await flipByte(file, notes + 14);
    const problems = (await checkZip(file)).map((entry) => entry.problem);
    expect(problems[0]).toMatch(/page\.html/);
    expect(problems[1]).toBe('CRC-32 mismatch in "film.mp4"');
    expect(problems[2]).toBe('the local header of "notes.txt" gives another CRC-32');
  });

  it('verifyPackedPart returns the SHA-256 of the file it checked, and refuses one that reads back different', async () => {
    const dir = await tempDir();
    const content = bytes(200_000, 5, 16);
    const { file, written } = await zipOf(dir, [{ name: 'Journal/page.html', data: content, compress: true }]);
    const packed = packedPart(content.length, written, []);
    expect(await verifyPackedPart(file, packed, new Map())).toBe(await sha256OfFile(file));
    const other = { ...packed, entries: new Map(written.map((entry) => [entry.name, { ...entry, sha256: sha(Buffer.from('else')) }])) };
    await expect(verifyPackedPart(file, other, new Map())).rejects.toBeInstanceOf(ArchiveCheckError);
    // The same check while the file is flushed: it settles with both, and fails with either.
    expect(await verifyAndSync(file, packed, new Map())).toBe(await sha256OfFile(file));
    await expect(verifyAndSync(file, other, new Map())).rejects.toBeInstanceOf(ArchiveCheckError);
    await expect(verifyAndSync(path.join(dir, 'gone.zip'), packed, new Map())).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it.each([3 * MIB + 17, 9 * MIB + 17])('takes the announced SHA-256 of a file of %i bytes without hashing it on the way in, and the read-back refuses a copy that differs', async (size) => {
    const announced = bytes(size, 8);
    const staged = Buffer.from(announced);
    staged[2 * MIB] = (staged[2 * MIB] ?? 0) ^ 0x01;
    const check = async (data: Buffer, compress: boolean) => {
      const name = compress ? 'Files/notes.txt' : 'Files/film.mp4';
      const { file, written, readBack } = await zipOf(await tempDir(), [{ name, data, compress, sha256: sha(announced) }]);
      expect(written.map((entry) => entry.sha256)).toEqual([sha(announced)]);
      const item = { id: 'i-1', file: { sha256: sha(announced) } } as unknown as ScannedItem;
      const manifestItems = [{ id: 'i-1', entries: { page: 'Files/page.html', file: name, original: null } } as unknown as ManifestItem];
      const digest = await verifyPackedPart(file, packedPart(data.length, written, manifestItems, readBack), new Map([['i-1', item]]));
      expect(digest).toBe(await sha256OfFile(file));
      return digest;
    };
    for (const compress of [false, true]) {
      await expect(check(announced, compress)).resolves.toMatch(/^[0-9a-f]{64}$/);
      await expect(check(staged, compress)).rejects.toThrow(/differs from the platform's copy/);
    }
  });

  it('reads a large stored file with a known digest back as soon as it is written, and the check takes that read', async () => {
    const dir = await tempDir();
    const film = bytes(9 * MIB, 6);
    const clip = bytes(3 * MIB, 7);
    const notes = bytes(9 * MIB, 8, 16);
    const { file, written, readBack } = await zipOf(dir, [
      { name: 'Files/film.mp4', data: film, compress: false, sha256: sha(film) },
      { name: 'Files/clip.mp4', data: clip, compress: false, sha256: sha(clip) },
      { name: 'Files/notes.txt', data: notes, compress: true, sha256: sha(notes) },
    ]);
    const soFar = await readBack;
    if (!soFar?.digest) throw new Error('film.mp4 was not read back');
    const dataStart = (await localHeaderOffset(file, 'Files/film.mp4')) + 30 + 'Files/film.mp4'.length + 9;
    const filmRead = { dataStart, size: film.length, crc32: crc32(film), sha256: sha(film) };
    // The film alone: under 8 MiB, or deflated, is read in the check after closing, as before.
    expect(soFar.entries).toEqual([filmRead]);
    // The same reads took the whole file's digest up to the film's end; the check hashes only the rest.
    const zipBytes = await readFile(file);
    expect(soFar.digest.upTo).toBe(dataStart + film.length);
    expect(soFar.digest.hash.copy().digest('hex')).toBe(sha(zipBytes.subarray(0, dataStart + film.length)));
    const whole = await sha256OfFile(file);
    expect(await verifyPackedPart(file, packedPart(0, written, [], readBack), new Map())).toBe(whole);
    const otherStart = { upTo: soFar.digest.upTo, hash: createHash('sha256').update(Buffer.alloc(soFar.digest.upTo)) };
    expect(await verifyPackedPart(file, packedPart(0, written, [], Promise.resolve({ ...soFar, digest: otherStart })), new Map())).not.toBe(whole);

    const item = { id: 'i-1', file: { sha256: sha(film) } } as unknown as ScannedItem;
    const items = new Map([['i-1', item]]);
    const manifestItems = [{ id: 'i-1', entries: { page: 'Files/page.html', file: 'Files/film.mp4', original: null } } as unknown as ManifestItem];
    const withReadBack = (changed: Partial<typeof filmRead>) =>
      packedPart(0, written, manifestItems, Promise.resolve({ entries: [{ ...filmRead, ...changed }], digest: null }));
    await expect(verifyPackedPart(file, withReadBack({}), items)).resolves.toBe(await sha256OfFile(file));
    // The file on disk is sound: only the read-back's figures can make the check fail.
    await expect(verifyPackedPart(file, withReadBack({ sha256: sha(clip) }), items)).rejects.toThrow(/"Files\/film\.mp4" differs from the platform's copy/);
    await expect(verifyPackedPart(file, withReadBack({ crc32: (crc32(film) ^ 1) >>> 0 }), items)).rejects.toThrow(/CRC-32 mismatch in "Files\/film\.mp4"/);
    // A read-back of other bytes than the entry's (elsewhere, or not all of them) is not taken for it.
    await expect(verifyPackedPart(file, withReadBack({ dataStart: dataStart + 1, sha256: sha(clip) }), items)).resolves.toMatch(/^[0-9a-f]{64}$/);
    await expect(verifyPackedPart(file, withReadBack({ size: film.length - 1, sha256: sha(clip) }), items)).resolves.toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses to patch bytes sealed for a read-back, and patches after them as before', async () => {
    const file = path.join(await tempDir(), 'sealed.bin');
    const handle = await open(file, 'w');
    try {
      const out = new BufferedFile(handle, 16);
      await out.write(Buffer.from('0123456789'));
      await out.seal();
      await expect(out.patch(9, Buffer.from('x'))).rejects.toThrow('would change bytes sealed up to 10');
      await out.write(Buffer.from('abcdef'));
      await out.patch(10, Buffer.from('A'));
      await out.flush();
    } finally {
      await handle.close();
    }
    expect(await readFile(file, 'utf8')).toBe('0123456789Abcdef');
  });

  it('gives up reading back after a read fails or is stopped, and leaves the whole check to the read after closing', async () => {
    const dir = await tempDir();
    const late = path.join(dir, 'late.zip');
    const early = new SealedReadBack(late, new AbortController().signal);
    early.entry(0, 10);
    expect(await early.soFar()).toEqual({ entries: [], digest: null });
    await writeFile(late, bytes(100, 9));
    // Readable now, but the digest lacks what the failed read missed: nothing more is read.
    early.entry(10, 10);
    expect(await early.soFar()).toEqual({ entries: [], digest: null });

    const file = path.join(dir, 'part.zip');
    await writeFile(file, bytes(3 * MIB, 10));
    const stop = new AbortController();
    const stopped = new SealedReadBack(file, stop.signal);
    stopped.entry(100, MIB);
    const read = await stopped.soFar();
    expect(read.entries).toMatchObject([{ dataStart: 100, size: MIB }]);
    expect(read.digest?.upTo).toBe(100 + MIB);
    stop.abort();
    stopped.entry(2 * MIB, 10);
    // What was read before the stop still counts; the digest does not.
    expect(await stopped.soFar()).toEqual({ entries: read.entries, digest: null });
  });
});
