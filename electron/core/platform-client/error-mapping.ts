import { RequestError } from 'got';
import {
  AbortedError,
  AccessDeniedError,
  NotAPlatformError,
  NotFoundError,
  PlatformClientError,
  PlatformServerError,
  PlatformUnreachableError,
  type UnreachableReason,
} from './errors.ts';
import { requestFailureOf } from './request-failure.ts';

const UNREACHABLE_REASONS: Record<string, UnreachableReason> = {
  ECONNREFUSED: 'refused',
  ENOTFOUND: 'name-not-found',
  EAI_AGAIN: 'name-not-found',
  ETIMEDOUT: 'timeout',
  ECONNRESET: 'connection-broken',
  EPIPE: 'connection-broken',
  ECONNABORTED: 'connection-broken',
  ERR_STREAM_PREMATURE_CLOSE: 'connection-broken',
  ERR_HTTP_CONTENT_LENGTH_MISMATCH: 'connection-broken',
  ERR_READING_RESPONSE_STREAM: 'connection-broken',
};

/**
 * Our error for a request that failed without a usable answer (got's errors carry the cookie
 * header and the request body in their options, so they never leave this folder).
 */
export function fromRequestError(error: unknown, origin: URL, call: string, signal: AbortSignal): Error {
  if (signal.aborted) return new AbortedError();
  if (error instanceof PlatformClientError) return error;
  if (!(error instanceof RequestError)) return error instanceof Error ? error : new Error(String(error));
  const { code } = error;
  if (code === 'ERR_ABORTED' || code === 'ERR_CANCELED') return new AbortedError();
  if (code === 'ERR_TOO_MANY_REDIRECTS') return new NotAPlatformError(origin.origin, call, 'unexpected-status', code);
  if (code.startsWith('HPE_')) return new NotAPlatformError(origin.origin, call, 'not-http', code);
  // A timeout before any connection says nothing about slowness: the address is not answering.
  const reason = requestFailureOf(error).connecting && code === 'ETIMEDOUT' ? 'other' : UNREACHABLE_REASONS[code];
  return new PlatformUnreachableError(origin.origin, reason ?? 'other', code);
}

/** Our error for an answer whose status is none the call expects (401 is handled by callers). */
export function fromStatus(status: number, origin: URL, call: string, location: string | undefined): Error {
  if (status === 403) return new AccessDeniedError(origin.origin, call);
  if (status === 404 || status === 410) return new NotFoundError(origin.origin, call);
  if (status === 429 || status >= 500) return new PlatformServerError(origin.origin, status);
  if (status >= 300 && status < 400 && location !== undefined) {
    // Same-origin redirects were followed already, so this one leads elsewhere.
    return new NotAPlatformError(origin.origin, call, 'redirected-elsewhere', `HTTP ${status}`);
  }
  return new NotAPlatformError(origin.origin, call, 'unexpected-status', `HTTP ${status}`);
}
