/**
 * When a failed request is worth another try, and how long to wait first. Shared by got's retry
 * (JSON and HTML calls) and by the file opener, which retries by hand until the body starts.
 */

export interface RetryPolicy {
  /** Attempts in all, the first one included. */
  maxAttempts: number;
  /** The first backoff; each further one doubles, up to `maxDelayMs`. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** A `Retry-After` longer than this is shortened to it, so one answer cannot stall a run. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 5,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  maxRetryAfterMs: 60_000,
};

const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([408, 425, 429, 500, 502, 503, 504]);

/** Failures of the connection or of the body in transit, which another try may not meet. */
const TRANSIENT_NETWORK_CODES: ReadonlySet<string> = new Set([
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'ENETUNREACH',
  'ENETDOWN',
  'EHOSTUNREACH',
  'ECONNABORTED',
  'ERR_STREAM_PREMATURE_CLOSE',
  'ERR_HTTP_CONTENT_LENGTH_MISMATCH',
  'ERR_READING_RESPONSE_STREAM',
]);

export interface FailedAttempt {
  /** The HTTP status when the failure is the status itself, else undefined. */
  status: number | undefined;
  /** The error code when the request or its body failed, else undefined. */
  code: string | undefined;
  /** No connection was made: refused, or timed out while looking up or connecting. */
  connecting?: boolean;
  /**
   * Whether the platform has answered this client before. Failing to connect on the first
   * contact means a wrong address (fail at once); later it means a restart (worth waiting).
   */
  reachedBefore: boolean;
}

export function isRetryable(failure: FailedAttempt): boolean {
  if (failure.status !== undefined) return RETRYABLE_STATUSES.has(failure.status);
  if (failure.code === undefined) return false;
  if (failure.connecting === true || failure.code === 'ECONNREFUSED') return failure.reachedBefore;
  return TRANSIENT_NETWORK_CODES.has(failure.code);
}

/**
 * The wait before the next attempt, after `failedAttempts` failures (1 for the first): the
 * server's `Retry-After` when it gave one (capped), else exponential backoff with jitter.
 */
export function retryDelayMs(
  policy: RetryPolicy,
  failedAttempts: number,
  retryAfterMs: number | null,
  random: () => number = Math.random,
): number {
  // Never 0: got reads a delay of 0 as "do not retry".
  if (retryAfterMs !== null) {
    // A little spread so that requests told to wait the same time do not return together.
    return Math.max(1, Math.min(retryAfterMs, policy.maxRetryAfterMs) + Math.floor(random() * 100));
  }
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (failedAttempts - 1));
  return Math.max(1, Math.floor(ceiling / 2 + random() * (ceiling / 2)));
}

/**
 * `Retry-After` as milliseconds from `nowMs`: delay-seconds or an HTTP date; null when absent
 * or unreadable. A date in the past means "now" (0).
 */
export function parseRetryAfter(header: string | undefined, nowMs: number): number | null {
  if (header === undefined) return null;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  if (!/[a-z]/i.test(text)) return null;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - nowMs);
}
