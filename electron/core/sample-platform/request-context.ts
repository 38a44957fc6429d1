import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SessionStore } from './sessions.ts';
import type { SnapshotIndex } from './snapshot-index.ts';

/** What a handler needs to answer one request. */
export interface RequestContext {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly method: string;
  readonly query: URLSearchParams;
  readonly index: SnapshotIndex;
  readonly sessions: SessionStore;
  /** Aborted when the server closes, so pauses end with it. */
  readonly signal: AbortSignal;
  /** Bytes per second for file bodies, or null for as fast as possible. */
  readonly bandwidth: number | null;
}
