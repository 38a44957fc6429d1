import { createHash } from 'node:crypto';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createDeflateRaw, crc32 } from 'node:zlib';
import type { BufferedFile } from './buffered-file.ts';
import { fileChunks } from './file-chunks.ts';

/** What a streamed entry turned out to be, for its headers and the manifest. */
export interface MeasuredBody {
  crc32: number;
  sha256: string;
  size: number;
  compressedSize: number;
}

/**
 * The SHA-256 of a body: measured on its way into the ZIP, or, for a file whose digest is
 * already known (the platform announced it), taken as given, since the ZIP is read back and
 * checked against it before it is kept: one pass less over every byte of a large file.
 */
export type BodyDigest = { measure: true } | { known: string };

function startDigest(digest: BodyDigest): { update: (chunk: Buffer) => void; result: () => string } {
  if ('known' in digest) return { update: () => undefined, result: () => digest.known };
  const hash = createHash('sha256');
  return { update: (chunk) => hash.update(chunk), result: () => hash.digest('hex') };
}

/** Streams a source through CRC-32 and SHA-256, and deflate when asked, into the ZIP. */
export async function pipeBody(
  out: BufferedFile,
  source: Readable | AsyncIterable<Uint8Array>,
  compress: boolean,
  signal: AbortSignal,
  digest: BodyDigest = { measure: true },
): Promise<MeasuredBody> {
  const hash = startDigest(digest);
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
  try {
    if (compress) await pipeline(source, measure, createDeflateRaw(), sink, { signal });
    else await pipeline(source, measure, sink, { signal });
  } catch (error) {
    throw writeError ?? error;
  }
  return { crc32: checksum, sha256: hash.result(), size, compressedSize };
}

/** Stored files skip the stream machinery: each chunk is hashed while it is written and the next one read. */
export async function copyFileBody(out: BufferedFile, file: string, signal: AbortSignal, digest: BodyDigest = { measure: true }): Promise<MeasuredBody> {
  const hash = startDigest(digest);
  let checksum = 0;
  let size = 0;
  for await (const chunk of fileChunks(file)) {
    signal.throwIfAborted();
    const written = out.write(chunk);
    written.catch(() => undefined);
    hash.update(chunk);
    checksum = crc32(chunk, checksum);
    size += chunk.length;
    await written;
  }
  return { crc32: checksum, sha256: hash.result(), size, compressedSize: size };
}
