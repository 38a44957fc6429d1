import http from 'node:http';
import https from 'node:https';
import { got, HTTPError, type Delays, type Got, type PlainResponse, type RetryObject } from 'got';
import { CookieJar } from 'tough-cookie';
import { isSameOrigin } from './platform-address.ts';
import { requestFailureOf } from './request-failure.ts';
import { DEFAULT_RETRY_POLICY, isRetryable, parseRetryAfter, retryDelayMs, type RetryPolicy } from './retry-policy.ts';

export const USER_AGENT = 'TwinArchive/0.1';

/** Timeouts of JSON and HTML calls, whose bodies are small: the `request` total bounds each attempt. */
export const CALL_TIMEOUTS: Delays = {
  lookup: 10_000,
  connect: 10_000,
  secureConnect: 10_000,
  send: 30_000,
  response: 30_000,
  socket: 60_000,
  request: 120_000,
};

/** File bodies may take hours: no total, but a stalled socket still ends the download. */
export const STREAM_TIMEOUTS: Delays = { ...CALL_TIMEOUTS, request: undefined };

/** Set in a request's `context` to let got retry it although it is not a GET (sign-in). */
export const RETRY_NON_GET = 'twinarchiveRetryNonGet';

export interface HttpClientOptions {
  origin: URL;
  retryPolicy?: RetryPolicy | undefined;
}

export interface HttpClient {
  /** got with every default of ours; callers add only what differs per request. */
  readonly got: Got;
  readonly origin: URL;
  readonly cookieJar: CookieJar;
  readonly retryPolicy: RetryPolicy;
  /** Whether the platform has answered at least once (see `FailedAttempt.reachedBefore`). */
  hasReached(): boolean;
  noteReached(): void;
  /** The Cookie header the jar would send to `url` now. */
  cookieHeaderFor(url: URL): string;
  /** Closes kept-alive connections. */
  destroy(): void;
}

/**
 * The one place that sets how we talk HTTP: base origin, timeouts, User-Agent, cookie jar,
 * retries and redirects. Redirects are followed only within the platform's origin; a redirect
 * elsewhere comes back as the answer, so the caller can refuse it.
 */
export function createHttpClient(options: HttpClientOptions): HttpClient {
  const { origin } = options;
  const retryPolicy = options.retryPolicy ?? DEFAULT_RETRY_POLICY;
  const cookieJar = new CookieJar();
  const agents = { http: new http.Agent({ keepAlive: true }), https: new https.Agent({ keepAlive: true }) };
  let reached = false;

  const calculateDelay = ({ attemptCount, error }: RetryObject): number => {
    if (attemptCount >= retryPolicy.maxAttempts) return 0;
    if (error.options.method !== 'GET' && error.options.context[RETRY_NON_GET] !== true) return 0;
    const isStatus = error instanceof HTTPError;
    const failure = isStatus
      ? { status: error.response.statusCode, code: undefined, reachedBefore: reached }
      : { status: undefined, ...requestFailureOf(error), reachedBefore: reached };
    if (!isRetryable(failure)) return 0;
    const retryAfter = isStatus ? parseRetryAfter(error.response.headers['retry-after'], Date.now()) : null;
    return retryDelayMs(retryPolicy, attemptCount, retryAfter);
  };

  const followRedirect = (response: PlainResponse): boolean => {
    const location = response.headers.location;
    if (location === undefined) return false;
    try {
      return isSameOrigin(origin, new URL(location, response.url));
    } catch {
      return false;
    }
  };

  const instance = got.extend({
    headers: { 'user-agent': USER_AGENT },
    cookieJar,
    timeout: CALL_TIMEOUTS,
    agent: agents,
    http2: false,
    followRedirect,
    maxRedirects: 5,
    // Not `strictContentLength`: in got 14.6 it switches the body to flowing mode before the
    // cookie jar is awaited, so a short answer with Set-Cookie is lost and the request hangs.
    // Node itself reports a body closed short of its Content-Length (got: ECONNRESET).
    retry: {
      limit: retryPolicy.maxAttempts - 1,
      methods: ['GET'],
      calculateDelay,
    },
    hooks: {
      afterResponse: [
        (response) => {
          reached = true;
          return response;
        },
      ],
    },
  });

  return {
    got: instance,
    origin,
    cookieJar,
    retryPolicy,
    hasReached: () => reached,
    noteReached: () => {
      reached = true;
    },
    cookieHeaderFor: (url) => cookieJar.getCookieStringSync(url.toString()),
    destroy: () => {
      agents.http.destroy();
      agents.https.destroy();
    },
  };
}
