import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { CallError } from '../core/app/call-error.ts';
import { toCallError, type AppService } from '../core/app/index.ts';
import { httpStatusOf } from './call-status.ts';
import { createEventStreams } from './event-stream.ts';
import { BodyTooLargeError, isJsonRequest, readBody, MAX_BODY_BYTES } from './json-body.ts';
import { createGuards, TOKEN_HEADER, type Guards } from './request-guards.ts';
import { findStaticFile, sendStaticFile } from './static-files.ts';

const HOST = '127.0.0.1';
const CALL_PREFIX = '/api/call/';
const EVENTS_PATH = '/api/events';

export interface BridgeServerOptions {
  service: AppService;
  /** The built renderer (out/renderer). */
  staticDir: string;
  /** 0 picks a free port. */
  port: number;
  token: string;
}

export interface RunningBridgeServer {
  port: number;
  /** http://127.0.0.1:PORT */
  origin: string;
  close(): Promise<void>;
}

function sendJson(res: ServerResponse, status: number, body: unknown, extra: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    ...extra,
  });
  res.end(text);
}

function sendError(res: ServerResponse, status: number, error: CallError, extra: Record<string, string> = {}): void {
  sendJson(res, status, error, extra);
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(text), 'Cache-Control': 'no-store' });
  res.end(text);
}

const UNAUTHORIZED: CallError = { error: 'This page has no valid key for TwinArchive: open the address the dev bridge printed, with its #token.', code: 'UNAUTHORIZED' };

async function answerCall(service: AppService, req: IncomingMessage, res: ServerResponse, name: string): Promise<void> {
  if (req.method !== 'POST') {
    sendError(res, 405, { error: 'Calls are made with POST: use the app\'s API client.', code: 'METHOD_NOT_ALLOWED' }, { Allow: 'POST' });
    return;
  }
  if (!isJsonRequest(req)) {
    sendError(res, 415, { error: 'A call must be sent as application/json: use the app\'s API client.', code: 'UNSUPPORTED_MEDIA_TYPE' });
    return;
  }
  let text: string;
  try {
    text = await readBody(req);
  } catch (error) {
    if (!(error instanceof BodyTooLargeError)) throw error;
    // The rest of the body is not read: the connection closes after this answer.
    sendError(res, 413, { error: `The arguments are larger than ${MAX_BODY_BYTES / (1024 * 1024)} MB: send less at once.`, code: 'BODY_TOO_LARGE' }, { Connection: 'close' });
    return;
  }
  let args: unknown;
  try {
    args = text.trim() === '' ? {} : JSON.parse(text);
  } catch {
    sendError(res, 400, { error: 'The arguments are not valid JSON: use the app\'s API client.', code: 'INVALID_JSON' });
    return;
  }
  try {
    const result = await service.handle(name, args);
    sendJson(res, 200, result ?? null);
  } catch (error) {
    const failure = toCallError(error);
    sendError(res, httpStatusOf(failure.code), failure);
  }
}

async function answer(context: { service: AppService; guards: Guards; staticDir: string; streams: ReturnType<typeof createEventStreams> }, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const { service, guards } = context;
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Frame-Options', 'SAMEORIGIN');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  if (!guards.hostAllowed(req)) {
    sendError(res, 403, { error: 'This address is not the dev bridge\'s: open http://127.0.0.1 with the port it printed.', code: 'BAD_HOST' });
    return;
  }
  if (!guards.originAllowed(req)) {
    sendError(res, 403, { error: 'Requests from other sites are refused: open the UI from the address the dev bridge printed.', code: 'BAD_ORIGIN' });
    return;
  }
  const rawUrl = req.url ?? '/';
  const queryAt = rawUrl.indexOf('?');
  const rawPath = queryAt === -1 ? rawUrl : rawUrl.slice(0, queryAt);

  if (rawPath === EVENTS_PATH) {
    const token = new URLSearchParams(queryAt === -1 ? '' : rawUrl.slice(queryAt + 1)).get('token');
    if (!guards.tokenMatches(token)) return sendError(res, 401, UNAUTHORIZED);
    if (req.method !== 'GET') return sendError(res, 405, { error: 'Events are read with GET.', code: 'METHOD_NOT_ALLOWED' }, { Allow: 'GET' });
    context.streams.open(res, (listener) => service.onEvent(listener));
    return;
  }
  if (rawPath.startsWith('/api/')) {
    if (!guards.tokenMatches(req.headers[TOKEN_HEADER] as string | undefined)) return sendError(res, 401, UNAUTHORIZED);
    if (!rawPath.startsWith(CALL_PREFIX)) return sendError(res, 404, { error: 'There is nothing at this address: calls go to /api/call/NAME.', code: 'NOT_FOUND' });
    await answerCall(service, req, res, rawPath.slice(CALL_PREFIX.length));
    return;
  }

  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD');
    return sendText(res, 405, 'Only GET and HEAD are served here.');
  }
  const target = await findStaticFile(context.staticDir, rawPath);
  if ('refused' in target) {
    const missingUi = target.refused === 404 && (rawPath === '/' || rawPath === '/index.html');
    return sendText(res, target.refused, missingUi ? 'The UI is not built yet: run "npm run dev:web", which builds it first.' : 'Not found.');
  }
  await sendStaticFile(res, target, req.method === 'HEAD');
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, HOST, () => {
      server.off('error', reject);
      const address = server.address();
      if (address === null || typeof address === 'string') reject(new Error('The dev bridge got no port.'));
      else resolve(address.port);
    });
  });
}

/**
 * The contract over loopback HTTP, for the UI in a plain browser: only on 127.0.0.1, only for
 * requests carrying this run's token, from this origin and to this host.
 */
export async function startBridgeServer(options: BridgeServerOptions): Promise<RunningBridgeServer> {
  const streams = createEventStreams();
  // The port is known only once listening; requests before that cannot arrive.
  let guards: Guards = createGuards(-1, options.token);
  const server = createServer((req, res) => {
    answer({ service: options.service, guards, staticDir: options.staticDir, streams }, req, res).catch(() => {
      if (!res.headersSent) sendError(res, 500, { error: 'The dev bridge failed to answer: try again.', code: 'INTERNAL' });
      else res.destroy();
    });
  });
  server.on('clientError', (_error, socket) => socket.destroy());
  const port = await listen(server, options.port);
  guards = createGuards(port, options.token);

  let closed: Promise<void> | null = null;
  return {
    port,
    origin: `http://${HOST}:${port}`,
    close() {
      closed ??= new Promise<void>((resolve) => {
        streams.closeAll();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closed;
    },
  };
}
