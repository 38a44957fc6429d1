import { createHash, type Hash } from 'node:crypto';
import { createReadStream, createWriteStream, writeFileSync } from 'node:fs';
import { open, readFile, rename, rm, stat, truncate } from 'node:fs/promises';
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
}

export class DownloadIntegrityError extends Error {
  override readonly name = 'DownloadIntegrityError';
}

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
export async function downloadResumable(client: FileOpener, request: DownloadRequest, options: DownloadOptions = {}): Promise<{ sha256: string; size: number }> {
  const part = `${request.target}.part`;
  const etagFile = `${request.target}.etag`;
  const maxAttempts = options.maxAttempts ?? 8;
  const delay = options.retryDelayMs ?? ((attempt: number) => Math.min(8000, 250 * 2 ** attempt));
  let lastError: unknown = null;

  for (let attempt = 1; attempt <= maxAttempts; attempt += 1) {
    options.signal?.throwIfAborted();
    try {
      return await downloadOnce(client, request, part, etagFile, options);
    } catch (error) {
      lastError = error;
      if (options.signal?.aborted || !isRetryable(error) || attempt === maxAttempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, delay(attempt)));
    }
  }
  throw lastError;
}

async function downloadOnce(
  client: FileOpener,
  request: DownloadRequest,
  part: string,
  etagFile: string,
  options: DownloadOptions,
): Promise<{ sha256: string; size: number }> {
  let have = await sizeOf(part);
  const knownEtag = have > 0 ? await readFile(etagFile, 'utf8').catch(() => null) : null;
  if (have > request.expectedSize || (have > 0 && knownEtag === null)) {
    options.onBytes?.(-have);
    await truncate(part, 0).catch(() => undefined);
    have = 0;
  }

  let hash: Hash | null = null;
  if (have < request.expectedSize || request.expectedSize === 0) {
    // Hashed before the request, so the body is piped the moment it arrives: a body that breaks
    // while nothing listens would otherwise be an unhandled error.
    let running = await hashPrefix(part, have);
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
      running = createHash('sha256');
    }
    if (opened.size !== request.expectedSize) {
      opened.stream.destroy();
      throw new DownloadIntegrityError(`${request.urlPath} is ${opened.size} bytes on the platform, not the ${request.expectedSize} it announced: scan again.`);
    }
    if (have === 0) writeFileSync(etagFile, opened.etag ?? opened.lastModified ?? '');
    hash = running;
    const received = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        running.update(chunk);
        options.onBytes?.(chunk.length);
        done(null, chunk);
      },
    });
    await pipeline(opened.stream, received, createWriteStream(part, { flags: have === 0 ? 'w' : 'a' }), options.signal ? { signal: options.signal } : {});
  }

  const size = await sizeOf(part);
  if (size !== request.expectedSize) {
    throw new DownloadIntegrityError(`${request.urlPath} stopped at ${size} of ${request.expectedSize} bytes.`);
  }
  const sha256 = (hash ?? (await hashPrefix(part, size))).digest('hex');
  const etag = unquote(await readFile(etagFile, 'utf8').catch(() => null));
  if (sha256 !== request.expectedSha256 && sha256 !== etag) {
    options.onBytes?.(-size);
    await rm(part, { force: true });
    throw new DownloadIntegrityError(`${request.urlPath} did not match its SHA-256 after download; it is fetched again.`);
  }
  const handle = await open(part, 'r+');
  await handle.sync();
  await handle.close();
  await rename(part, request.target);
  await rm(etagFile, { force: true });
  return { sha256, size };
}
