import { createHash } from 'node:crypto';
import { open, stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { crc32, inflateRawSync } from 'node:zlib';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { BlockReader } from './block-reader.ts';
import type { DigestSoFar, EntryReadBack, ReadBackSoFar } from './sealed-read-back.ts';
import { fileDigestOffThread } from './file-digest-worker.ts';
import { localHeaderProblem } from './local-header-check.ts';
import { METHOD_DEFLATE, METHOD_STORE } from './zip-records.ts';

export interface ZipEntryInfo {
  name: string;
  size: number;
  compressedSize: number;
  crc32: number;
  method: number;
  utf8: boolean;
}

export interface CheckedEntry extends ZipEntryInfo {
  sha256: string;
  /** Null when the local header agrees with the directory and the bytes read back match its CRC-32. */
  problem: string | null;
}

/** Entries up to this size are read and inflated whole: a stream per entry costs more than the work. */
const WHOLE_ENTRY_BYTES = 1 << 20;

/** Opens a ZIP through a block cache, for yauzl to read; `digest` also hashes the whole file on the way. */
async function withZip<T>(file: string, digest: boolean, use: (zip: ZipFile, reader: BlockReader) => Promise<T>): Promise<T> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    const reader = new BlockReader(handle, size, { digest });
    const zip = await yauzl.fromRandomAccessReaderPromise(reader, size, {
      lazyEntries: true, autoClose: false, strictFileNames: true, validateEntrySizes: true,
    });
    try {
      return await use(zip, reader);
    } finally {
      zip.close();
    }
  } finally {
    await handle.close();
  }
}

function eachEntry(zip: ZipFile, visit: (entry: Entry) => Promise<void>): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    zip.on('error', reject);
    zip.on('end', () => resolve());
    zip.on('entry', (entry: Entry) => {
      visit(entry).then(() => zip.readEntry(), reject);
    });
    zip.readEntry();
  });
}

function openEntryStream(zip: ZipFile, entry: Entry): Promise<Readable> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error || !stream) reject(error ?? new Error(`Could not read ${entry.fileName}`));
      else resolve(stream);
    });
  });
}

// yauzl's own openReadStreamLowLevelPromise calls the wrong method (yauzl 3.4.0).
function openDataStream(zip: ZipFile, entry: Entry, fileDataStart: number, inflate: boolean): Promise<Readable> {
  return new Promise((resolve, reject) => {
    zip.openReadStreamLowLevel(fileDataStart, entry.compressedSize, 0, entry.compressedSize, inflate, entry.uncompressedSize, (error, stream) => {
      if (error || !stream) reject(error ?? new Error(`Could not read ${entry.fileName}`));
      else resolve(stream);
    });
  });
}

function info(entry: Entry): ZipEntryInfo {
  return {
    name: entry.fileName,
    size: entry.uncompressedSize,
    compressedSize: entry.compressedSize,
    crc32: entry.crc32 >>> 0,
    method: entry.compressionMethod,
    utf8: (entry.generalPurposeBitFlag & 0x800) !== 0,
  };
}

/**
 * Visits every entry of a ZIP in directory order with an independent reader (yauzl), so
 * what our writer wrote is checked by code that did not write it.
 */
export async function forEachZipEntry(
  file: string,
  visit: (entry: ZipEntryInfo, open: () => Promise<Readable>) => Promise<void>,
): Promise<void> {
  await withZip(file, false, (zip) => eachEntry(zip, (entry) => visit(info(entry), () => openEntryStream(zip, entry))));
}

/**
 * One entry read back: its local header against its directory record, its bytes (inflated
 * by zlib, not by our writer) against the CRC-32 and size in the directory, and their SHA-256.
 * A stored entry whose bytes were already read back while the ZIP was written (`readBacks`, by
 * where its bytes start) is not read again: what that read measured is checked instead.
 */
async function checkEntry(zip: ZipFile, reader: BlockReader, entry: Entry, readBacks: ReadonlyMap<number, EntryReadBack>): Promise<CheckedEntry> {
  const hash = createHash('sha256');
  let sha256: string | null = null;
  let checksum = 0;
  let problem: string | null = null;
  try {
    const local = await zip.readLocalFileHeaderPromise(entry);
    problem = localHeaderProblem(entry, local);
    if (problem === null) {
      if (entry.isEncrypted()) throw new Error('it is encrypted');
      if (entry.compressionMethod !== METHOD_STORE && entry.compressionMethod !== METHOD_DEFLATE) {
        throw new Error(`compression method ${entry.compressionMethod} is not one we write`);
      }
      const deflated = entry.compressionMethod === METHOD_DEFLATE;
      let size = 0;
      const take = (data: Buffer) => {
        hash.update(data);
        checksum = crc32(data, checksum);
        size += data.length;
      };
      const earlier = deflated ? undefined : readBacks.get(local.fileDataStart);
      if (earlier !== undefined && earlier.size === entry.compressedSize) {
        size = earlier.size;
        checksum = earlier.crc32;
        sha256 = earlier.sha256;
      } else if (entry.compressedSize <= WHOLE_ENTRY_BYTES) {
        const stored = await reader.range(local.fileDataStart, entry.compressedSize);
        take(deflated ? inflateRawSync(stored, { maxOutputLength: Math.max(1, entry.uncompressedSize) }) : stored);
      } else if (!deflated && !reader.digesting) {
        for await (const chunk of reader.direct(local.fileDataStart, local.fileDataStart + entry.compressedSize)) take(chunk);
      } else {
        for await (const chunk of await openDataStream(zip, entry, local.fileDataStart, deflated)) take(chunk as Buffer);
      }
      if (size !== entry.uncompressedSize) throw new Error(`it holds ${size} bytes, not the ${entry.uncompressedSize} of its directory record`);
      if (checksum >>> 0 !== entry.crc32 >>> 0) problem = `CRC-32 mismatch in "${entry.fileName}"`;
    }
  } catch (error) {
    problem = `"${entry.fileName}" cannot be read: ${(error as Error).message}`;
  }
  return { ...info(entry), sha256: sha256 ?? hash.digest('hex'), problem };
}

/**
 * From this size the whole file is hashed on a thread of its own while the entries are checked
 * here (a 2 GB part: about 1.3 s less); below it, starting a thread costs more than it saves.
 */
const DIGEST_OFF_THREAD_BYTES = 64 * 1024 * 1024;

interface CheckOptions {
  onEntry?: (entry: CheckedEntry) => void;
  /**
   * What was read back while the ZIP was written: those stored entries are not read again (see
   * checkEntry), and of the whole file only what came after them is hashed here.
   */
  readBack?: ReadBackSoFar | null;
}

/** Continues a digest taken while the file was written over the bytes from where it stopped. */
async function finishDigest(reader: BlockReader, soFar: DigestSoFar): Promise<string> {
  const hash = soFar.hash.copy();
  for await (const chunk of reader.direct(soFar.upTo, reader.size)) hash.update(chunk);
  return hash.digest('hex');
}

async function checkAll(file: string, digest: boolean, options: CheckOptions): Promise<{ entries: CheckedEntry[]; sha256: string | null }> {
  const readBacks = new Map((options.readBack?.entries ?? []).map((readBack) => [readBack.dataStart, readBack]));
  const soFar = digest ? (options.readBack?.digest ?? null) : null;
  const size = digest && soFar === null ? (await stat(file)).size : 0;
  const offThread = size >= DIGEST_OFF_THREAD_BYTES ? fileDigestOffThread(file) : null;
  try {
    return await withZip(file, digest && soFar === null && offThread === null, async (zip, reader) => {
      const entries: CheckedEntry[] = [];
      await eachEntry(zip, async (entry) => {
        const checked = await checkEntry(zip, reader, entry, readBacks);
        entries.push(checked);
        options.onEntry?.(checked);
      });
      if (!digest) return { entries, sha256: null };
      if (soFar !== null) return { entries, sha256: await finishDigest(reader, soFar) };
      if (offThread === null) return { entries, sha256: await reader.digest() };
      const whole = await offThread.result;
      // The entries were checked in the file yauzl opened; the digest must be of those same bytes.
      if (whole.size !== reader.size) throw new Error(`${file} changed while it was read back (${whole.size} bytes, then ${reader.size}).`);
      return { entries, sha256: whole.sha256 };
    });
  } finally {
    offThread?.stop();
  }
}

/** Reads every entry back: local header, CRC-32 and size against the directory, and the SHA-256 of its bytes. */
export async function checkZip(file: string, onEntry?: (entry: CheckedEntry) => void): Promise<CheckedEntry[]> {
  return (await checkAll(file, false, onEntry ? { onEntry } : {})).entries;
}

/** checkZip, and in the same read the SHA-256 of the whole file as it lies on disk. */
export async function checkZipAndDigest(file: string, options: CheckOptions = {}): Promise<{ entries: CheckedEntry[]; sha256: string }> {
  const { entries, sha256 } = await checkAll(file, true, options);
  if (sha256 === null) throw new Error('Internal error: the ZIP was read without its digest.');
  return { entries, sha256 };
}

/** One entry's bytes as a stream (for `open ITEM`); null when the entry is not there. */
export async function extractEntry(file: string, name: string, write: (stream: Readable) => Promise<void>): Promise<boolean> {
  let found = false;
  await forEachZipEntry(file, async (entry, open) => {
    if (found || entry.name !== name) return;
    found = true;
    await write(await open());
  });
  return found;
}
