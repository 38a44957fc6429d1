import { createHash } from 'node:crypto';
import { open, rm } from 'node:fs/promises';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createDeflateRaw, crc32, deflateRaw } from 'node:zlib';
import { promisify } from 'node:util';
import { BufferedFile } from './buffered-file.ts';
import {
  LOCAL_CRC_OFFSET, METHOD_DEFLATE, METHOD_STORE, ZIP32_LIMIT, centralHeader, endOfCentralDirectory,
  localHeader, localSizeFields, type EntryRecord,
} from './zip-records.ts';

const deflateRawAsync = promisify(deflateRaw);
/** Streamed entries this close to 4 GiB get ZIP64 local headers up front: deflate may grow them. */
const ZIP64_STREAM_THRESHOLD = ZIP32_LIMIT - 64 * 1024 * 1024;

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

export interface ZipWriter {
  /** Adds an entry held in memory; compression starts at once, on the thread pool. */
  addBuffer(name: string, data: Uint8Array, options: ZipEntryOptions): Promise<WrittenEntry>;
  /** Streams an entry; `size` is the size the source must have, or null when unknown. */
  addStream(name: string, source: Readable | AsyncIterable<Uint8Array>, options: ZipEntryOptions & { size: number | null }): Promise<WrittenEntry>;
  readonly entryCount: number;
  /** Bytes of the ZIP so far (entries written, not those still queued). */
  readonly bytesWritten: number;
  finish(): Promise<{ size: number; entries: number }>;
  /** Stops, closes and deletes the file. Safe to call at any time, also after a failure. */
  abort(): Promise<void>;
}

/**
 * A ZIP writer for archives that must open everywhere: UTF-8 names, ZIP64 only where needed,
 * no data descriptors (sizes and CRCs of streamed entries are patched into their local
 * headers, which a file allows and a pipe would not). Entries are written in call order;
 * every failure rejects the call that caused it and every later one, so nothing hangs.
 */
export async function createZipWriter(file: string): Promise<ZipWriter> {
  const handle = await open(file, 'wx');
  const out = new BufferedFile(handle);
  const records: EntryRecord[] = [];
  const names = new Set<string>();
  let tail: Promise<unknown> = Promise.resolve();
  let failure: Error | null = null;
  let state: 'open' | 'finishing' | 'closed' = 'open';
  const stopStreams = new AbortController();

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

  async function writeEntry(record: EntryRecord, data: Uint8Array): Promise<void> {
    await out.write(localHeader(record));
    await out.write(data);
    records.push(record);
  }

  function addBuffer(name: string, data: Uint8Array, options: ZipEntryOptions): Promise<WrittenEntry> {
    const nameBytes = claimName(name);
    const sha256 = createHash('sha256').update(data).digest('hex');
    const checksum = crc32(data);
    const compressed = options.compress ? deflateRawAsync(data) : Promise.resolve(null);
    compressed.catch(() => undefined);
    return enqueue(async () => {
      const deflated = await compressed;
      const useDeflate = deflated !== null && deflated.length < data.length;
      const body = useDeflate ? deflated : data;
      const record: EntryRecord = {
        nameBytes, method: useDeflate ? METHOD_DEFLATE : METHOD_STORE, crc32: checksum,
        compressedSize: body.length, size: data.length, offset: out.position,
        modified: options.modified, zip64Local: data.length >= ZIP32_LIMIT,
      };
      await writeEntry(record, body);
      return { name, size: data.length, compressedSize: body.length, crc32: checksum, sha256, method: useDeflate ? 'deflate' : 'store' };
    });
  }

  function addStream(
    name: string,
    source: Readable | AsyncIterable<Uint8Array>,
    options: ZipEntryOptions & { size: number | null },
  ): Promise<WrittenEntry> {
    const nameBytes = claimName(name);
    return enqueue(async () => {
      const record: EntryRecord = {
        nameBytes, method: options.compress ? METHOD_DEFLATE : METHOD_STORE, crc32: 0,
        compressedSize: 0, size: 0, offset: out.position, modified: options.modified,
        zip64Local: options.size === null || options.size >= ZIP64_STREAM_THRESHOLD,
      };
      await out.write(localHeader(record));
      const hash = createHash('sha256');
      let checksum = 0;
      let size = 0;
      let compressedSize = 0;
      const measure = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          hash.update(chunk);
          checksum = crc32(chunk, checksum);
          size += chunk.length;
          done(null, chunk);
        },
      });
      // pipeline() reports its own AbortError when the sink throws; the write error (a full
      // disk, say) is what the person needs to hear.
      let writeError: unknown = null;
      const sink = async (chunks: AsyncIterable<Buffer>) => {
        for await (const chunk of chunks) {
          compressedSize += chunk.length;
          try {
            await out.write(chunk);
          } catch (error) {
            writeError = error;
            throw error;
          }
        }
      };
      const { signal } = stopStreams;
      try {
        if (options.compress) await pipeline(source, measure, createDeflateRaw(), sink, { signal });
        else await pipeline(source, measure, sink, { signal });
      } catch (error) {
        throw writeError ?? error;
      }
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
      return {
        name, size, compressedSize, crc32: checksum, sha256: hash.digest('hex'),
        method: options.compress ? 'deflate' : 'store',
      };
    });
  }

  async function finish(): Promise<{ size: number; entries: number }> {
    if (state !== 'open') throw new Error('The ZIP is already finished.');
    state = 'finishing';
    return enqueue(async () => {
      const directoryOffset = out.position;
      for (const record of records) await out.write(centralHeader(record));
      const directorySize = out.position - directoryOffset;
      await out.write(endOfCentralDirectory(records.length, directoryOffset, directorySize));
      await out.flush();
      await handle.sync();
      await handle.close();
      state = 'closed';
      return { size: out.position, entries: records.length };
    });
  }

  async function abort(): Promise<void> {
    failure ??= new Error('The ZIP was abandoned.');
    stopStreams.abort(failure);
    await tail.catch(() => undefined);
    if (state !== 'closed') {
      state = 'closed';
      await handle.close().catch(() => undefined);
    }
    await rm(file, { force: true });
  }

  return {
    addBuffer,
    addStream,
    finish,
    abort,
    get entryCount() {
      return records.length;
    },
    get bytesWritten() {
      return out.position;
    },
  };
}
