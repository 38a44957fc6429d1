import type { SlotSource } from './concurrency-limiter.ts';
import type { HttpClient } from './http-client.ts';

/** What every request of one client shares. */
export interface RequestContext {
  readonly http: HttpClient;
  /** The client's limiter (or its priority lane, for the requests that renew the session). */
  readonly limiter: SlotSource;
  /** Aborts on the caller's signal and on `close()`. */
  readonly signal: AbortSignal;
}

/** A request the platform answered with 401, and the Cookie header it carried. */
export interface Refusal {
  kind: 'unauthorized';
  url: URL;
  sentCookie: string;
}

/** One try of a call: its result, or the news that the platform wants a new session. */
export type Attempt<T> = { kind: 'done'; value: T } | Refusal;

export function cookieHeaderSent(headers: Record<string, string | string[] | undefined>): string {
  const cookie = headers['cookie'];
  return Array.isArray(cookie) ? cookie.join('; ') : (cookie ?? '');
}
