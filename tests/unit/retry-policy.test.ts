import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RETRY_POLICY, isRetryable, parseRetryAfter, retryDelayMs,
} from '../../electron/core/platform-client/retry-policy.ts';

const NOW = Date.parse('2025-06-01T12:00:00Z');

describe('parseRetryAfter', () => {
  it('reads delay-seconds', () => {
    expect(parseRetryAfter('1', NOW)).toBe(1000);
    expect(parseRetryAfter(' 120 ', NOW)).toBe(120_000);
    expect(parseRetryAfter('0', NOW)).toBe(0);
  });

  it('reads an HTTP date, and a past one as now', () => {
    expect(parseRetryAfter('Sun, 01 Jun 2025 12:00:05 GMT', NOW)).toBe(5000);
    expect(parseRetryAfter('Sun, 01 Jun 2025 11:00:00 GMT', NOW)).toBe(0);
  });

  it('ignores an absent or unreadable header', () => {
    expect(parseRetryAfter(undefined, NOW)).toBeNull();
    expect(parseRetryAfter('soon', NOW)).toBeNull();
    expect(parseRetryAfter('-5', NOW)).toBeNull();
    expect(parseRetryAfter('1.5', NOW)).toBeNull();
  });
});

describe('retryDelayMs', () => {
  it('follows Retry-After up to the cap, with a little spread', () => {
    expect(retryDelayMs(DEFAULT_RETRY_POLICY, 1, 2000, () => 0)).toBe(2000);
    expect(retryDelayMs(DEFAULT_RETRY_POLICY, 1, 2000, () => 0.99)).toBe(2099);
    expect(retryDelayMs(DEFAULT_RETRY_POLICY, 1, 3_600_000, () => 0)).toBe(DEFAULT_RETRY_POLICY.maxRetryAfterMs);
    // got takes 0 for "give up".
    expect(retryDelayMs(DEFAULT_RETRY_POLICY, 1, 0, () => 0)).toBe(1);
  });

  it('backs off exponentially with jitter between half and all of the step', () => {
    const policy = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 100, maxDelayMs: 1000 };
    expect([1, 2, 3, 4, 5].map((attempt) => retryDelayMs(policy, attempt, null, () => 0))).toEqual([50, 100, 200, 400, 500]);
    expect([1, 2, 3, 4, 5].map((attempt) => retryDelayMs(policy, attempt, null, () => 0.999))).toEqual([99, 199, 399, 799, 999]);
  });
});

describe('isRetryable', () => {
  it('retries busy and failing answers but not refusals', () => {
    for (const status of [408, 429, 500, 502, 503, 504]) {
      expect(isRetryable({ status, code: undefined, reachedBefore: true })).toBe(true);
    }
    for (const status of [400, 401, 403, 404, 416, 501]) {
      expect(isRetryable({ status, code: undefined, reachedBefore: true })).toBe(false);
    }
  });

  it('retries broken connections and bodies', () => {
    for (const code of ['ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN', 'ERR_STREAM_PREMATURE_CLOSE']) {
      expect(isRetryable({ status: undefined, code, reachedBefore: false })).toBe(true);
    }
  });

  it('retries a refused connection only once the platform has answered before', () => {
    expect(isRetryable({ status: undefined, code: 'ECONNREFUSED', reachedBefore: false })).toBe(false);
    expect(isRetryable({ status: undefined, code: 'ECONNREFUSED', reachedBefore: true })).toBe(true);
    expect(isRetryable({ status: undefined, code: 'ENOTFOUND', reachedBefore: true })).toBe(false);
  });
});
