import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { answer, isCallRoute } from './dispatch.ts';
import { FaultPlan } from './fault-plan.ts';
import type { RequestContext } from './request-context.ts';
import { parseRequestTarget } from './request-target.ts';
import { sendError } from './responses.ts';
import { matchRoute } from './routes.ts';
import { SessionStore } from './sessions.ts';
import { indexSnapshot, type SnapshotIndex } from './snapshot-index.ts';
import { findSnapshotProblem } from './snapshot-integrity.ts';
import type { Snapshot } from './snapshot-schema.ts';

/** The embedded sample platform: serves a snapshot over the legacy platform interface. */

export interface SamplePlatformOptions {
  snapshot: Snapshot;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Turns the seeded fault plan on (see fault-plan.ts). */
  faultSeed?: string | null;
  /** Delay before every answer. */
  latencyMs?: number;
  /** A session serves this many authenticated requests, then answers 401. */
  expireAfter?: number | null;
  /** File bodies are sent at about this many bytes per second (a slow link); null: full speed. */
  bandwidth?: number | null;
}

export interface SamplePlatformStats {
  requests: number;
  /** Requests per "METHOD /path" (the path as sent, without the query). */
  byPath: ReadonlyMap<string, number>;
  /** Bytes written to the network per "METHOD /path", headers included: proves a resume sent only the rest. */
  bytesByPath: ReadonlyMap<string, number>;
}

export interface RunningSamplePlatform {
  /** `http://127.0.0.1:PORT` */
  url: string;
  port: number;
  stats(): SamplePlatformStats;
  /** Stops listening and closes idle and active connections. */
  close(): Promise<void>;
}

const OptionsSchema = z.object({
  port: z.number().int().min(0).max(65535).default(0),
  faultSeed: z.string().nullable().default(null),
  latencyMs: z.number().nonnegative().finite().default(0),
  expireAfter: z.number().int().nonnegative().nullable().default(null),
  bandwidth: z.number().int().positive().nullable().default(null),
});

const HOST = '127.0.0.1';
const BAD_REQUEST = Buffer.from('{"error":"bad request"}');

interface Platform {
  readonly index: SnapshotIndex;
  readonly sessions: SessionStore;
  readonly faults: FaultPlan | null;
  readonly latencyMs: number;
  readonly bandwidth: number | null;
  readonly signal: AbortSignal;
  readonly counts: Map<string, number>;
  readonly bytes: Map<string, number>;
  requests: number;
}

async function handle(platform: Platform, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const method = req.method ?? 'GET';
  const target = parseRequestTarget(req.url);
  const key = `${method} ${target?.path ?? req.url ?? ''}`;
  platform.requests += 1;
  platform.counts.set(key, (platform.counts.get(key) ?? 0) + 1);
  // One request at a time per connection (no pipelining), so the socket's count is this answer's.
  const writtenBefore = req.socket.bytesWritten;
  res.once('close', () => platform.bytes.set(key, (platform.bytes.get(key) ?? 0) + req.socket.bytesWritten - writtenBefore));
  const route = target?.segments ? matchRoute(method, target.segments) : null;
  // Attempts are counted on arrival, before any delay, so concurrency cannot reorder them.
  const fault = route !== null && isCallRoute(route) && target !== null
    ? (platform.faults?.next(method, target.path) ?? null)
    : null;
  if (platform.latencyMs > 0) await sleep(platform.latencyMs, undefined, { signal: platform.signal });
  if (target === null || target.segments === null) {
    sendError(res, 400, 'bad request');
    return;
  }
  if (route === null) {
    sendError(res, 404, 'not found');
    return;
  }
  const context: RequestContext = {
    req, res, method, query: target.query, index: platform.index, sessions: platform.sessions,
    signal: platform.signal, bandwidth: platform.bandwidth,
  };
  await answer(context, route, fault);
}

function answerClientError(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  socket.end(
    'HTTP/1.1 400 Bad Request\r\nContent-Type: application/json; charset=utf-8\r\n'
    + `Content-Length: ${BAD_REQUEST.length}\r\nConnection: close\r\n\r\n${BAD_REQUEST.toString()}`,
  );
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, HOST, () => {
      server.off('error', reject);
      const address = server.address();
      if (address === null || typeof address === 'string') reject(new Error('The sample platform has no port.'));
      else resolve(address.port);
    });
  });
}

export async function startSamplePlatform(options: SamplePlatformOptions): Promise<RunningSamplePlatform> {
  const parsed = OptionsSchema.safeParse({
    port: options.port, faultSeed: options.faultSeed, latencyMs: options.latencyMs,
    expireAfter: options.expireAfter, bandwidth: options.bandwidth,
  });
  if (!parsed.success) {
    throw new Error(`The sample platform options are not valid: ${z.prettifyError(parsed.error)}`);
  }
  const settings = parsed.data;
  const problem = findSnapshotProblem(options.snapshot);
  if (problem !== null) throw new Error(`The snapshot is inconsistent: ${problem}; fix it before serving it.`);

  const closing = new AbortController();
  const platform: Platform = {
    index: indexSnapshot(options.snapshot),
    sessions: new SessionStore(settings.expireAfter),
    faults: settings.faultSeed === null ? null : new FaultPlan(settings.faultSeed),
    latencyMs: settings.latencyMs,
    bandwidth: settings.bandwidth,
    signal: closing.signal,
    counts: new Map(),
    bytes: new Map(),
    requests: 0,
  };
  // Node keeps HTTP/1.1 connections alive by default (5 s idle), which is what clients expect.
  const server = createServer((req, res) => {
    handle(platform, req, res).catch(() => {
      // Closing aborts pauses; anything else is a bug that must not take the server down.
      if (!res.headersSent && !res.destroyed) sendError(res, 500, 'internal server error');
      else res.destroy();
    });
  });
  server.on('clientError', answerClientError);
  const port = await listen(server, settings.port);

  let closed: Promise<void> | null = null;
  const close = (): Promise<void> => {
    closed ??= new Promise<void>((resolve, reject) => {
      closing.abort();
      server.close((error) => (error ? reject(error) : resolve()));
      server.closeAllConnections();
    });
    return closed;
  };
  return {
    url: `http://${HOST}:${port}`,
    port,
    stats: () => ({ requests: platform.requests, byPath: new Map(platform.counts), bytesByPath: new Map(platform.bytes) }),
    close,
  };
}
