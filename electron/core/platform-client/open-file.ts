import { PassThrough, type Readable } from 'node:stream';
import { RequestError, type PlainResponse, type Request } from 'got';
import { sleep } from './abort.ts';
import { fromRequestError, fromStatus } from './error-mapping.ts';
import { AbortedError, NotAPlatformError, PlatformUnreachableError, RangeNotSatisfiableError } from './errors.ts';
import { STREAM_TIMEOUTS } from './http-client.ts';
import { cookieHeaderSent, type Attempt, type RequestContext } from './request-context.ts';
import { requestFailureOf } from './request-failure.ts';
import { isRetryable, parseRetryAfter, retryDelayMs } from './retry-policy.ts';

export interface OpenFileOptions {
  /** The first byte wanted; above 0 it is asked for with `Range`. */
  start?: number;
  /** The ETag (or Last-Modified) of the bytes already held: a changed file comes whole (200). */
  ifRange?: string;
  /** Cancels this download only; the client's own signal cancels it too. */
  signal?: AbortSignal;
}

export interface OpenedFile {
  /** 206 when the bytes start at the asked `start`, 200 when the whole file comes. */
  status: 200 | 206;
  stream: Readable;
  /** The size of the whole file, not of this part. */
  size: number;
  etag: string | null;
  lastModified: string | null;
  /** Where `stream`'s first byte sits in the file. */
  start: number;
}

/**
 * Opens a file body as a stream. Failures before the body starts are retried like any GET;
 * once the stream is handed out it is the caller's: a broken body errors the stream, and the
 * caller resumes with `start` and `ifRange`. The download holds one of the client's slots until
 * the stream ends or is destroyed, so callers must consume or destroy it.
 */
export async function openFileAttempt(
  context: RequestContext,
  url: URL,
  call: string,
  options: OpenFileOptions,
  signal: AbortSignal,
): Promise<Attempt<OpenedFile>> {
  const { http, limiter } = context;
  const start = options.start ?? 0;
  if (!Number.isSafeInteger(start) || start < 0) throw new RangeError(`A download cannot start at byte ${start}.`);
  const headers: Record<string, string> = { 'accept-encoding': 'identity' };
  if (start > 0) {
    headers['range'] = `bytes=${start}-`;
    if (options.ifRange !== undefined) headers['if-range'] = options.ifRange;
  }

  for (let attempt = 1; ; attempt += 1) {
    const release = await limiter.acquire(signal);
    let stream: Request | undefined;
    let response: PlainResponse;
    try {
      stream = http.got.stream(url, { headers, throwHttpErrors: false, decompress: false, timeout: STREAM_TIMEOUTS, signal });
      response = await responseOf(stream);
    } catch (error) {
      discard(stream);
      release();
      if (signal.aborted) throw new AbortedError();
      const retry = isRetryable({ status: undefined, ...requestFailureOf(error), reachedBefore: http.hasReached() });
      if (retry && attempt < http.retryPolicy.maxAttempts) {
        await sleep(retryDelayMs(http.retryPolicy, attempt, null), signal);
        continue;
      }
      throw fromRequestError(error, http.origin, call, signal);
    }
    http.noteReached();
    const { statusCode } = response;
    if (statusCode === 200 || statusCode === 206) {
      let opened: Omit<OpenedFile, 'stream'>;
      try {
        opened = describe(response, statusCode, http.origin, call);
      } catch (error) {
        discard(stream);
        release();
        throw error;
      }
      return { kind: 'done', value: { ...opened, stream: handOut(stream, release, http.origin, signal) } };
    }
    discard(stream);
    release();
    if (statusCode === 401) return { kind: 'unauthorized', url, sentCookie: cookieHeaderSent(stream.options.headers) };
    if (statusCode === 416) throw new RangeNotSatisfiableError(http.origin.origin, call);
    if (isRetryable({ status: statusCode, code: undefined, reachedBefore: true }) && attempt < http.retryPolicy.maxAttempts) {
      const retryAfter = parseRetryAfter(response.headers['retry-after'], Date.now());
      await sleep(retryDelayMs(http.retryPolicy, attempt, retryAfter), signal);
      continue;
    }
    throw fromStatus(statusCode, http.origin, call, response.headers.location);
  }
}

function responseOf(stream: Request): Promise<PlainResponse> {
  return new Promise((resolve, reject) => {
    const onResponse = (response: PlainResponse) => {
      stream.off('error', onError);
      resolve(response);
    };
    const onError = (error: Error) => {
      stream.off('response', onResponse);
      reject(error);
    };
    stream.once('response', onResponse);
    stream.once('error', onError);
  });
}

/**
 * The caller gets a plain stream of the body, not got's: got's errors carry the request options,
 * cookie header included, so a broken body becomes our error. The slot is freed as soon as the
 * network part is over, and destroying the handed-out stream stops the download.
 */
function handOut(source: Request, release: () => void, origin: URL, signal: AbortSignal): Readable {
  const body = new PassThrough();
  source.once('error', (error) => {
    const code = error instanceof RequestError ? error.code : null;
    body.destroy(signal.aborted ? new AbortedError() : new PlatformUnreachableError(origin.origin, 'download-interrupted', code));
  });
  // got's stream does not destroy itself at the end, and until destroyed it keeps listening to
  // the abort signal (an abort after the end would then raise an error nobody listens to).
  source.once('end', () => source.destroy());
  source.once('close', release);
  body.once('close', () => {
    release();
    if (!source.destroyed) source.destroy();
  });
  source.pipe(body);
  return body;
}

/** Drops a stream we will not hand out; a late error on it must not crash the process. */
function discard(stream: Request | undefined): void {
  if (stream === undefined) return;
  stream.on('error', () => undefined);
  stream.destroy();
}

function describe(response: PlainResponse, status: 200 | 206, origin: URL, call: string): Omit<OpenedFile, 'stream'> {
  const etag = response.headers.etag ?? null;
  const lastModified = response.headers['last-modified'] ?? null;
  if (status === 200) {
    const length = response.headers['content-length'];
    if (length === undefined || !/^\d+$/.test(length)) {
      throw new NotAPlatformError(origin.origin, call, 'missing-header', 'Content-Length');
    }
    return { status, size: Number(length), etag, lastModified, start: 0 };
  }
  const range = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(response.headers['content-range'] ?? '');
  if (range === null || range[1] === undefined || range[3] === undefined) {
    throw new NotAPlatformError(origin.origin, call, 'missing-header', 'Content-Range');
  }
  return { status, size: Number(range[3]), etag, lastModified, start: Number(range[1]) };
}
