import { createReadStream } from 'node:fs';
import { open, rm } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { BufferedFile } from './buffered-file.ts';
import { sharedCompressionPool } from './compression-pool.ts';
import { DEFAULT_BATCH_LIMITS, EntryBatcher, type BatchLimits, type BatchPreparer } from './entry-batcher.ts';
import { copyFileBody, pipeBody, type BodyDigest, type MeasuredBody } from './entry-bodies.ts';
import { SealedReadBack, type ReadBackSoFar } from './sealed-read-back.ts';
import { FILE_CHUNK_BYTES } from './file-chunks.ts';
import {
  LOCAL_CRC_OFFSET, METHOD_DEFLATE, METHOD_STORE, ZIP32_LIMIT, centralHeader, endOfCentralDirectory,
  localHeader, localSizeFields, type EntryRecord,
} from './zip-records.ts';

/** Streamed entries this close to 4 GiB get ZIP64 local headers up front: deflate may grow them. */
const ZIP64_STREAM_THRESHOLD = ZIP32_LIMIT - 64 * 1024 * 1024;
/** From this size a stored file with a known digest is read back as soon as it is written (see SealedReadBack). */
const READ_BACK_FROM_BYTES = 8 * 1024 * 1024;

export interface ZipEntryOptions {
  modified: Date;
  /** Deflate (text) or store (already-compressed media). */
  compress: boolean;
}

export interface WrittenEntry {
  name: string;
  size: number;
  compressedSize: number;
  crc32: number;
  sha256: string;
  method: 'store' | 'deflate';
}

export interface ZipWriterOptions {
  /** Worker threads for entries held in memory (default: the process's pool); null prepares them on the calling thread. */
  pool?: BatchPreparer | null;
  batchLimits?: BatchLimits;
}

export interface ZipWriter {
  /**
   * Adds an entry held in memory (it must not change until written). Small entries are
   * gathered into batches that worker threads CRC, hash and deflate while earlier entries are
   * written.
   */
  addBuffer(name: string, data: Uint8Array, options: ZipEntryOptions): Promise<WrittenEntry>;
  /** Streams an entry; `size` is the size the source must have, or null when unknown. */
  addStream(name: string, source: Readable | AsyncIterable<Uint8Array>, options: ZipEntryOptions & { size: number | null }): Promise<WrittenEntry>;
  /**
   * Adds a file from disk, opened when its turn comes; `size` is the size it must have. With
   * `sha256`, the digest it must have, the file is not hashed on its way in: the entry reports
   * that digest, and whoever reads the ZIP back must check the entry against it.
   */
  addFile(name: string, file: string, options: ZipEntryOptions & { size: number; sha256?: string }): Promise<WrittenEntry>;
  readonly entryCount: number;
  /** Bytes of the ZIP so far (entries written, not those still queued). */
  readonly bytesWritten: number;
  /** Bytes given to addBuffer and not written yet: bound it to bound memory. */
  readonly pendingBytes: number;
  /**
   * Writes the directory and closes the file, flushed to disk unless `sync` is false: then the
   * caller flushes it (syncFile) before it relies on it, say while reading it back.
   * `readBack` is what was read back of large files while they were written (see SealedReadBack),
   * for the check after closing; their bytes are sealed (BufferedFile.seal): nothing changed them since.
   */
  finish(options?: { sync?: boolean }): Promise<{ size: number; entries: number; readBack: Promise<ReadBackSoFar> | null }>;
  /** Stops, closes and deletes the file. Safe to call at any time, also after a failure. */
  abort(): Promise<void>;
}

/**
 * A ZIP writer for archives that must open everywhere: UTF-8 names, ZIP64 only where needed,
 * no data descriptors (sizes and CRCs of streamed entries are patched into their local
 * headers, which a file allows and a pipe would not). Entries are written in call order;
 * every failure rejects the call that caused it and every later one, so nothing hangs.
 */
export async function createZipWriter(file: string, options: ZipWriterOptions = {}): Promise<ZipWriter> {
  const handle = await open(file, 'wx');
  const out = new BufferedFile(handle);
  const batcher = new EntryBatcher(options.pool === undefined ? sharedCompressionPool() : options.pool, options.batchLimits ?? DEFAULT_BATCH_LIMITS);
  let pendingBytes = 0;
  const records: EntryRecord[] = [];
  const names = new Set<string>();
  let tail: Promise<unknown> = Promise.resolve();
  let failure: Error | null = null;
  let state: 'open' | 'finishing' | 'closed' = 'open';
  const stopStreams = new AbortController();
  let sealedReadBack: SealedReadBack | null = null;
  const earlyFlushes: Promise<void>[] = [];

  function enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = tail.then(() => {
      if (failure) throw failure;
      return task();
    });
    tail = run.catch((error: unknown) => {
      failure ??= error instanceof Error ? error : new Error(String(error));
    });
    return run;
  }

  function claimName(name: string): Buffer {
    if (state !== 'open') throw new Error('The ZIP is already finished.');
    if (names.has(name)) throw new Error(`The ZIP already has an entry named "${name}".`);
    names.add(name);
    return Buffer.from(name, 'utf8');
  }

  function addBuffer(name: string, data: Uint8Array, options: ZipEntryOptions): Promise<WrittenEntry> {
    const nameBytes = claimName(name);
    const queued = batcher.add(data, options.compress);
    pendingBytes += data.length;
    const written = enqueue(async () => {
      queued.start();
      const { crc32: checksum, sha256, deflated } = await queued.prepared;
      const body = deflated ?? data;
      const record: EntryRecord = {
        nameBytes, method: deflated ? METHOD_DEFLATE : METHOD_STORE, crc32: checksum,
        compressedSize: body.length, size: data.length, offset: out.position,
        modified: options.modified, zip64Local: data.length >= ZIP32_LIMIT,
      };
      await out.write(localHeader(record));
      await out.write(body);
      queued.written();
      records.push(record);
      return { name, size: data.length, compressedSize: body.length, crc32: checksum, sha256, method: deflated ? 'deflate' : 'store' } as const;
    });
    const settle = () => {
      pendingBytes -= data.length;
    };
    written.then(settle, settle);
    return written;
  }

  /**
   * Writes the local header with what is known, the body, then patches CRC and sizes into the
   * header: a file allows that, and it spares readers the data descriptors some mishandle.
   */
  function addMeasured(
    name: string,
    options: ZipEntryOptions & { size: number | null; readBackNow?: boolean },
    writeBody: () => Promise<MeasuredBody>,
  ): Promise<WrittenEntry> {
    const nameBytes = claimName(name);
    return enqueue(async () => {
      const record: EntryRecord = {
        nameBytes, method: options.compress ? METHOD_DEFLATE : METHOD_STORE, crc32: 0,
        compressedSize: 0, size: 0, offset: out.position, modified: options.modified,
        zip64Local: options.size === null || options.size >= ZIP64_STREAM_THRESHOLD,
      };
      await out.write(localHeader(record));
      const dataStart = out.position;
      const { crc32: checksum, sha256, size, compressedSize } = await writeBody();
      if (options.size !== null && size !== options.size) {
        throw new Error(`"${name}" ended after ${size} of its ${options.size} bytes.`);
      }
      if (!record.zip64Local && (size >= ZIP32_LIMIT || compressedSize >= ZIP32_LIMIT)) {
        throw new Error(`"${name}" grew past 4 GiB without a ZIP64 header.`);
      }
      Object.assign(record, { crc32: checksum, size, compressedSize });
      const crcBytes = Buffer.alloc(4);
      crcBytes.writeUInt32LE(checksum >>> 0);
      await out.patch(record.offset + LOCAL_CRC_OFFSET, crcBytes);
      for (const field of localSizeFields(record)) await out.patch(record.offset + field.position, field.bytes);
      records.push(record);
      if (options.readBackNow) {
        await out.seal();
        sealedReadBack ??= new SealedReadBack(file, stopStreams.signal);
        sealedReadBack.entry(dataStart, compressedSize);
        flushSealed();
      }
      return { name, size, compressedSize, crc32: checksum, sha256, method: options.compress ? 'deflate' : 'store' } as const;
    });
  }

  // Sealed bytes are final, so they go to disk now, while the next files download: the flush
  // before the ZIP is kept then finds little left (on a laptop disk, gigabytes take seconds). A
  // failed flush fails the ZIP, since after one a later flush may succeed without the lost pages.
  function flushSealed(): void {
    const flushing = handle.datasync();
    flushing.catch(() => undefined);
    earlyFlushes.push(flushing);
  }

  function addStream(
    name: string,
    source: Readable | AsyncIterable<Uint8Array>,
    options: ZipEntryOptions & { size: number | null },
  ): Promise<WrittenEntry> {
    return addMeasured(name, options, () => pipeBody(out, source, options.compress, stopStreams.signal));
  }

  function addFile(name: string, source: string, options: ZipEntryOptions & { size: number; sha256?: string }): Promise<WrittenEntry> {
    const digest: BodyDigest = options.sha256 === undefined ? { measure: true } : { known: options.sha256 };
    // Its digest was not measured on the way in, so reading it back is its check; done now, it
    // overlaps with the fetching of what comes next instead of adding to the wait at the end.
    const readBackNow = 'known' in digest && !options.compress && options.size >= READ_BACK_FROM_BYTES;
    return addMeasured(name, { ...options, readBackNow }, () => (options.compress
      ? pipeBody(out, createReadStream(source, { highWaterMark: FILE_CHUNK_BYTES }), true, stopStreams.signal, digest)
      : copyFileBody(out, source, stopStreams.signal, digest)));
  }

  async function finish({ sync = true }: { sync?: boolean } = {}): Promise<{ size: number; entries: number; readBack: Promise<ReadBackSoFar> | null }> {
    if (state !== 'open') throw new Error('The ZIP is already finished.');
    state = 'finishing';
    return enqueue(async () => {
      const directoryOffset = out.position;
      for (const record of records) await out.write(centralHeader(record));
      const directorySize = out.position - directoryOffset;
      await out.write(endOfCentralDirectory(records.length, directoryOffset, directorySize));
      await out.flush();
      await Promise.all(earlyFlushes);
      if (sync) await handle.sync();
      await handle.close();
      state = 'closed';
      return { size: out.position, entries: records.length, readBack: sealedReadBack?.soFar() ?? null };
    });
  }

  async function abort(): Promise<void> {
    failure ??= new Error('The ZIP was abandoned.');
    stopStreams.abort(failure);
    await tail.catch(() => undefined);
    await sealedReadBack?.settled();
    await Promise.allSettled(earlyFlushes);
    if (state !== 'closed') {
      state = 'closed';
      await handle.close().catch(() => undefined);
    }
    await rm(file, { force: true });
  }

  return {
    addBuffer,
    addStream,
    addFile,
    finish,
    abort,
    get entryCount() {
      return records.length;
    },
    get bytesWritten() {
      return out.position;
    },
    get pendingBytes() {
      return pendingBytes;
    },
  };
}
