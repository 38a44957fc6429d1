import * as crypto from 'node:crypto';
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { GeneratedBlocks } from './generated-blocks.ts';
import {
  cachedBytesStillThere, findCachedBytes, startGeneratedBytesCache, type GeneratedBytesCacheWriter,
} from './generated-bytes-cache.ts';
import { readCachedDigest, writeCachedDigest } from './generated-digest-cache.ts';

/**
 * Generated file contents (SPEC.md, "Snapshot file"): the first `size` bytes of
 * SHA-256("S:0") ‖ SHA-256("S:1") ‖ … for a seed S. generated-blocks.ts makes them at a few
 * hundred MB/s; very large ones are also kept on disk once their digest has been computed.
 */

const STREAM_CHUNK_SIZE = 64 * 1024;
const DIGEST_CHUNK_SIZE = 1024 * 1024;
const DISK_CACHE_MIN_SIZE = 16 * 1024 * 1024;
const BYTES_CACHE_MIN_SIZE = 256 * 1024 * 1024;
const MAX_BUFFERED_RANGE = 256 * 1024 * 1024;

function checkRange(size: number, start: number, end: number): void {
  if (!Number.isSafeInteger(size) || size < 0) {
    throw new RangeError(`A generated content size must be a non-negative integer, not ${size}.`);
  }
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start < 0 || start > end
    || end > size) {
    throw new RangeError(`The byte range [${start}, ${end}) does not fit in ${size} bytes.`);
  }
}

const contentKey = (seed: string, size: number): string => JSON.stringify([seed, size]);

/** Complete cache files of the contents whose digest this process has computed or read. */
const bytesFiles = new Map<string, string>();

/** The bytes [start, end) of the content, in memory: for checks and small contents only. */
export function generatedBytes(seed: string, size: number, start = 0, end = size): Buffer {
  checkRange(size, start, end);
  if (end - start > MAX_BUFFERED_RANGE) {
    throw new RangeError(`A range of ${end - start} bytes is too large to hold in memory; stream it.`);
  }
  const bytes = Buffer.allocUnsafe(end - start);
  new GeneratedBlocks(seed).fill(start, bytes);
  return bytes;
}

/**
 * Streams the bytes [start, end) in chunks of at most 64 KiB, producing each only when it is
 * wanted and starting at the block that holds `start`: from the disk cache when there is one.
 */
export function generatedStream(seed: string, size: number, start = 0, end = size): Readable {
  checkRange(size, start, end);
  const file = bytesFiles.get(contentKey(seed, size));
  if (file !== undefined && end > start && cachedBytesStillThere(file, size)) {
    return createReadStream(file, { start, end: end - 1, highWaterMark: STREAM_CHUNK_SIZE });
  }
  let position = start;
  const blocks = new GeneratedBlocks(seed);
  return new Readable({
    highWaterMark: STREAM_CHUNK_SIZE,
    read() {
      if (position >= end) {
        this.push(null);
        return;
      }
      const chunk = Buffer.allocUnsafe(Math.min(STREAM_CHUNK_SIZE, end - position));
      blocks.fill(position, chunk);
      position += chunk.length;
      this.push(chunk);
    },
  });
}

/**
 * Hashes the whole content, handing every chunk to `cache` as well when there is one: while the
 * disk writes a chunk, the next one is being generated.
 */
async function computeSha256(
  seed: string, size: number, cache: GeneratedBytesCacheWriter | null,
): Promise<string> {
  const hash = crypto.createHash('sha256');
  const blocks = new GeneratedBlocks(seed);
  const chunkSize = Math.min(DIGEST_CHUNK_SIZE, size);
  const buffers = [Buffer.allocUnsafe(chunkSize), Buffer.allocUnsafe(chunkSize)] as const;
  let writing: Promise<void> = Promise.resolve();
  for (let position = 0, turn = 0; position < size; turn += 1) {
    const buffer = buffers[turn % 2 === 0 ? 0 : 1];
    const part = buffer.subarray(0, Math.min(buffer.length, size - position));
    blocks.fill(position, part);
    hash.update(part);
    position += part.length;
    // The other buffer may be reused once its write is done.
    await writing;
    writing = cache === null ? Promise.resolve() : cache.write(part);
    // Large contents take seconds: let the server answer other requests meanwhile.
    await nextTurn();
  }
  await writing;
  return hash.digest('hex');
}

async function sha256WithDiskCache(seed: string, size: number): Promise<string> {
  if (size < DISK_CACHE_MIN_SIZE) return computeSha256(seed, size, null);
  const cachedDigest = await readCachedDigest(seed, size);
  const wantsBytes = size >= BYTES_CACHE_MIN_SIZE;
  if (cachedDigest !== null) {
    if (!wantsBytes) return cachedDigest;
    const file = await findCachedBytes(seed, size);
    if (file !== null) {
      bytesFiles.set(contentKey(seed, size), file);
      return cachedDigest;
    }
  }
  // One generation pass yields both the digest and the cache file.
  const cache = wantsBytes ? await startGeneratedBytesCache(seed, size) : null;
  if (cache === null && cachedDigest !== null) return cachedDigest;
  let digest: string;
  try {
    digest = await computeSha256(seed, size, cache);
  } catch (error) {
    await cache?.discard();
    throw error;
  }
  if (digest !== cachedDigest) await writeCachedDigest(seed, size, digest);
  const published = cache === null ? null : await cache.finish();
  if (published !== null) bytesFiles.set(contentKey(seed, size), published);
  return digest;
}

const digests = new Map<string, Promise<string>>();

/**
 * The hex SHA-256 of the whole content. Computed once per process (and, from 16 MiB up, once
 * per machine through small files in the temp folder; from 256 MiB up, the same pass keeps the
 * bytes there too).
 */
export function generatedSha256(seed: string, size: number): Promise<string> {
  checkRange(size, 0, size);
  const key = contentKey(seed, size);
  const known = digests.get(key);
  if (known !== undefined) return known;
  const digest = sha256WithDiskCache(seed, size);
  digests.set(key, digest);
  digest.catch(() => digests.delete(key));
  return digest;
}
