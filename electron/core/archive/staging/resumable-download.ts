import { createHash, type Hash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { readFile, rename, rm, stat, truncate, writeFile } from 'node:fs/promises';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { OpenedFile, OpenFileOptions } from '../../platform-client/platform-client.ts';
import { PlatformClientError } from '../../platform-client/errors.ts';

export interface FileOpener {
  openFile(path: string, options?: OpenFileOptions): Promise<OpenedFile>;
}

export interface DownloadRequest {
  /** Same-origin path of the file on the platform. */
  urlPath: string;
  /** Where the complete, checked file ends up; `${target}.part` holds bytes until then. */
  target: string;
  expectedSize: number;
  /** The SHA-256 the platform announced in the item's metadata. */
  expectedSha256: string;
}

export interface DownloadOptions {
  signal?: AbortSignal;
  /** Bytes newly received (negative when a changed file forces a restart). */
  onBytes?: (delta: number) => void;
  maxAttempts?: number;
  retryDelayMs?: (attempt: number) => number;
  /**
   * False: a file received whole from its first byte is not hashed on the way, for a caller that
   * checks it against `expectedSha256` later anyway (the ZIP check reads every file back). Bytes
   * kept from an earlier attempt are always checked, since they may have been damaged.
   */
  checkFresh?: boolean;
  /** How a file taken whole into memory is written under its name (default: a plain write). */
  writeWhole?: (file: string, bytes: Buffer) => Promise<void>;
}

export class DownloadIntegrityError extends Error {
  override readonly name = 'DownloadIntegrityError';
}

/**
 * Below this size a file is taken whole into memory and written once it checks out: a broken
 * download starts over, which costs less than the part file, its ETag and the rename would.
 */
export const RESUMABLE_FROM_BYTES = 1024 * 1024;

/**
 * Bytes held between the socket and the disk. With the streams' 16 KiB default the socket is
 * paused while each 64 KiB chunk is written; with more, it keeps reading while writes are in
 * flight, and the chunks waiting meanwhile go to disk in one call.
 */
const STREAM_BUFFER_BYTES = 1024 * 1024;

const unquote = (etag: string | null): string | null => etag?.replace(/^W\//, '').replace(/^"|"$/g, '') ?? null;

async function sizeOf(file: string): Promise<number> {
  try {
    return (await stat(file)).size;
  } catch {
    return 0;
  }
}

async function hashPrefix(file: string, length: number): Promise<Hash> {
  const hash = createHash('sha256');
  if (length === 0) return hash;
  for await (const chunk of createReadStream(file, { start: 0, end: length - 1 })) hash.update(chunk as Buffer);
  return hash;
}

function isRetryable(error: unknown): boolean {
  if (error instanceof PlatformClientError) {
    return error.code === 'PLATFORM_UNREACHABLE' || error.code === 'PLATFORM_SERVER_ERROR';
  }
  if (error instanceof DownloadIntegrityError) return true;
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return code !== 'ENOSPC' && code !== 'EACCES' && code !== 'EROFS' && code !== 'ABORT_ERR';
}

/**
 * Downloads a file to disk so that no byte is fetched twice: a broken body, a killed process or
 * a lost network resumes from the bytes already on disk with `Range` and `If-Range` (the ETag
 * kept beside the part), and a changed file starts over. The result is checked against the
 * announced size and SHA-256 before it takes its final name.
 */
export async function downloadResumable(client: FileOpener, request: DownloadRequest, options: DownloadOptions = {}): Promise<{ sha256: string | null; size: number }> {
  const part = `${request.target}.part`;
  const etagFile = `${request.target}.etag`;
  const maxAttempts = options.maxAttempts ?? 8;
  const delay = options.retryDelayMs ?? ((attempt: number) => Math.min(8000, 250 * 2 ** attempt));
  let lastError: unknown = null;

  for (let attempt = 1; attempt <= maxAttempts; attempt += 1) {
    options.signal?.throwIfAborted();
    try {
      if (request.expectedSize < RESUMABLE_FROM_BYTES) return await downloadWhole(client, request, options);
      return await downloadOnce(client, request, part, etagFile, options);
    } catch (error) {
      lastError = error;
      if (options.signal?.aborted || !isRetryable(error) || attempt === maxAttempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, delay(attempt)));
    }
  }
  throw lastError;
}

/**
 * A small file: received into memory, checked, then written under its final name in one call.
 * A crash while writing can leave it short there; whoever trusts a file from an earlier run
 * checks it first (stageItem hashes it).
 */
async function downloadWhole(client: FileOpener, request: DownloadRequest, options: DownloadOptions): Promise<{ sha256: string; size: number }> {
  const opened = await client.openFile(request.urlPath, options.signal ? { signal: options.signal } : {});
  if (opened.size !== request.expectedSize) {
    opened.stream.on('error', () => undefined);
    opened.stream.destroy();
    throw new DownloadIntegrityError(`${request.urlPath} is ${opened.size} bytes on the platform, not the ${request.expectedSize} it announced: scan again.`);
  }
  const hash = createHash('sha256');
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of opened.stream) {
      hash.update(chunk as Buffer);
      chunks.push(chunk as Buffer);
      size += (chunk as Buffer).length;
      options.onBytes?.((chunk as Buffer).length);
    }
    if (size !== request.expectedSize) throw new DownloadIntegrityError(`${request.urlPath} stopped at ${size} of ${request.expectedSize} bytes.`);
    const sha256 = hash.digest('hex');
    if (sha256 !== request.expectedSha256 && sha256 !== unquote(opened.etag)) {
      throw new DownloadIntegrityError(`${request.urlPath} did not match its SHA-256 after download; it is fetched again.`);
    }
    await (options.writeWhole ?? writeFile)(request.target, Buffer.concat(chunks, size));
    return { sha256, size };
  } catch (error) {
    options.onBytes?.(-size);
    throw error;
  }
}

async function downloadOnce(
  client: FileOpener,
  request: DownloadRequest,
  part: string,
  etagFile: string,
  options: DownloadOptions,
): Promise<{ sha256: string | null; size: number }> {
  let have = await sizeOf(part);
  const knownEtag = have > 0 ? await readFile(etagFile, 'utf8').catch(() => null) : null;
  if (have > request.expectedSize || (have > 0 && knownEtag === null)) {
    options.onBytes?.(-have);
    await truncate(part, 0).catch(() => undefined);
    have = 0;
  }

  const checkFresh = options.checkFresh ?? true;
  let hash: Hash | null = null;
  /** Every byte on disk came in this attempt, from the first one on. */
  let fresh = false;
  let servedEtag: string | null = null;
  if (have < request.expectedSize || request.expectedSize === 0) {
    // Hashed before the request, so the body is piped the moment it arrives: a body that breaks
    // while nothing listens would otherwise be an unhandled error.
    let running = have > 0 ? await hashPrefix(part, have) : checkFresh ? createHash('sha256') : null;
    const opened = await client.openFile(request.urlPath, {
      start: have,
      ...(knownEtag ? { ifRange: knownEtag } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
    opened.stream.on('error', () => undefined);
    if (opened.status === 200 && have > 0) {
      // The platform sent the whole file: it changed since the part was written.
      options.onBytes?.(-have);
      have = 0;
      running = checkFresh ? createHash('sha256') : null;
    }
    if (opened.size !== request.expectedSize) {
      opened.stream.destroy();
      throw new DownloadIntegrityError(`${request.urlPath} is ${opened.size} bytes on the platform, not the ${request.expectedSize} it announced: scan again.`);
    }
    if (have === 0 && request.expectedSize >= RESUMABLE_FROM_BYTES) await writeFile(etagFile, opened.etag ?? opened.lastModified ?? '');
    hash = running;
    fresh = have === 0;
    servedEtag = opened.etag;
    const received = new Transform({
      highWaterMark: STREAM_BUFFER_BYTES,
      transform(chunk: Buffer, _encoding, done) {
        running?.update(chunk);
        options.onBytes?.(chunk.length);
        done(null, chunk);
      },
    });
    await pipeline(opened.stream, received, createWriteStream(part, { flags: have === 0 ? 'w' : 'a', highWaterMark: STREAM_BUFFER_BYTES }), options.signal ? { signal: options.signal } : {});
  }

  const size = await sizeOf(part);
  if (size !== request.expectedSize) {
    throw new DownloadIntegrityError(`${request.urlPath} stopped at ${size} of ${request.expectedSize} bytes.`);
  }
  const sha256 = fresh && !checkFresh ? null : (hash ?? (await hashPrefix(part, size))).digest('hex');
  if (sha256 !== null && sha256 !== request.expectedSha256 && sha256 !== unquote(servedEtag ?? (await readFile(etagFile, 'utf8').catch(() => null)))) {
    options.onBytes?.(-size);
    await rm(part, { force: true });
    throw new DownloadIntegrityError(`${request.urlPath} did not match its SHA-256 after download; it is fetched again.`);
  }
  // Not flushed to disk here: after a crash the file may hold less than was written, so whoever
  // trusts a file from an earlier run checks it again first (stageItem hashes it), and the ZIP
  // it goes into is read back against the announced SHA-256 and flushed before it takes its name.
  await rename(part, request.target);
  if (request.expectedSize >= RESUMABLE_FROM_BYTES) await rm(etagFile, { force: true });
  return { sha256, size };
}
