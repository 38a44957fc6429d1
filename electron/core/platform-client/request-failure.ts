import { RequestError, TimeoutError } from 'got';

export interface RequestFailure {
  /** got's (or Node's) error code, when there is one. */
  code: string | undefined;
  /** The failure came before a connection existed: refused, or timed out looking up or connecting. */
  connecting: boolean;
}

const CONNECTING_TIMEOUTS = new Set(['lookup', 'connect', 'secureConnect']);

export function requestFailureOf(error: unknown): RequestFailure {
  if (!(error instanceof RequestError)) return { code: undefined, connecting: false };
  const timedOutConnecting = error instanceof TimeoutError && CONNECTING_TIMEOUTS.has(error.event);
  return { code: error.code, connecting: error.code === 'ECONNREFUSED' || timedOutConnecting };
}
