import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request, type IncomingHttpHeaders } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventSchema, type AppEvent } from '../../shared/contract.ts';
import { REPO_ROOT } from '../helpers/cli.ts';

const INDEX_HTML = '<!DOCTYPE html><html><head><title>TwinArchive</title><script type="module" src="/assets/app.js"></script></head><body></body></html>\n';
const CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-src 'self' blob: data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

interface Bridge {
  child: ChildProcess;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stderr: () => string;
  port: number;
  origin: string;
  token: string;
}

let root: string;
let bridge: Bridge;

async function startBridge(env: NodeJS.ProcessEnv): Promise<Bridge> {
  const child = spawn(process.execPath, [path.join(REPO_ROOT, 'bin', 'dev-bridge.js')], {
    cwd: REPO_ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('exit', (code, signal) => resolve({ code, signal }));
  });
  const lines = createInterface({ input: child.stdout ?? process.stdin });
  const first = await new Promise<string>((resolve, reject) => {
    lines.once('line', resolve);
    void exited.then(() => reject(new Error(`the bridge exited before printing its address: ${stderr}`)));
  });
  const match = /^ui on (http:\/\/127\.0\.0\.1:(\d+))\/#token=([A-Za-z0-9_-]{43})$/.exec(first);
  if (!match?.[1] || !match[2] || !match[3]) throw new Error(`unexpected first line: ${first}`);
  return { child, exited, stderr: () => stderr, origin: match[1], port: Number(match[2]), token: match[3] };
}

/** A raw request: the path goes out exactly as written (no normalising of `..`), any Host and Origin. */
function send(options: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer }): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({
      host: '127.0.0.1', port: bridge.port, method: options.method ?? 'GET', path: options.path, agent: false,
      headers: { ...(options.body !== undefined ? { 'Content-Length': String(Buffer.byteLength(options.body)) } : {}), ...options.headers },
    }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (chunk: string) => {
        body += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

function callApi(name: string, args: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  return send({
    method: 'POST', path: `/api/call/${name}`, body: JSON.stringify(args),
    headers: { 'Content-Type': 'application/json', 'X-TwinArchive-Token': bridge.token, ...headers },
  });
}

function errorOf(answer: Answer): { error: string; code: string | null } {
  return JSON.parse(answer.body) as { error: string; code: string | null };
}

/** Reads the event stream; `next` resolves with the next event that matches. */
function openEvents(token: string): Promise<{ status: number; next: (match: (event: AppEvent) => boolean) => Promise<AppEvent>; comments: string[]; close: () => void }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: bridge.port, path: `/api/events?token=${encodeURIComponent(token)}`, agent: false }, (res) => {
      const events: AppEvent[] = [];
      const comments: string[] = [];
      const waiting: { match: (event: AppEvent) => boolean; resolve: (event: AppEvent) => void }[] = [];
      let buffer = '';
      res.setEncoding('utf8').on('data', (chunk: string) => {
        buffer += chunk;
        for (let end = buffer.indexOf('\n\n'); end !== -1; end = buffer.indexOf('\n\n')) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) comments.push(line);
            if (!line.startsWith('data: ')) continue;
            const event = EventSchema.parse(JSON.parse(line.slice('data: '.length)));
            events.push(event);
            for (const waiter of [...waiting]) {
              if (!waiter.match(event)) continue;
              waiting.splice(waiting.indexOf(waiter), 1);
              waiter.resolve(event);
            }
          }
        }
      });
      resolve({
        status: res.statusCode ?? 0,
        comments,
        next: (match) => new Promise((found) => {
          const seen = events.find(match);
          if (seen) found(seen);
          else waiting.push({ match, resolve: found });
        }),
        close: () => req.destroy(),
      });
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'twinarchive-bridge-'));
  const staticDir = path.join(root, 'renderer');
  await mkdir(path.join(staticDir, 'assets'), { recursive: true });
  await writeFile(path.join(staticDir, 'index.html'), INDEX_HTML);
  await writeFile(path.join(staticDir, 'assets', 'app.js'), 'console.log("ui");\n');
  await writeFile(path.join(staticDir, '.env'), 'SECRET=1\n');
  await writeFile(path.join(root, 'secret.txt'), 'outside the static folder\n');
  bridge = await startBridge({ PORT: '0', TWINARCHIVE_DATA_DIR: path.join(root, 'data'), TWINARCHIVE_STATIC_DIR: staticDir });
});

afterAll(async () => {
  if (bridge?.child.exitCode === null) bridge.child.kill('SIGTERM');
  await bridge?.exited;
  await rm(root, { recursive: true, force: true });
});

describe('dev bridge', () => {
  it('serves the UI with the strict CSP and correct types', async () => {
    const index = await send({ path: '/' });
    expect(index.status).toBe(200);
    expect(index.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(index.headers['content-security-policy']).toBe(CSP);
    expect(index.headers['x-content-type-options']).toBe('nosniff');
    expect(index.body).toBe(INDEX_HTML);
    const script = await send({ path: '/assets/app.js' });
    expect(script).toMatchObject({ status: 200, body: 'console.log("ui");\n' });
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect((await send({ method: 'HEAD', path: '/index.html' })).headers['content-length']).toBe(String(Buffer.byteLength(INDEX_HTML)));
    expect((await send({ path: '/missing.js' })).status).toBe(404);
    expect((await send({ method: 'POST', path: '/' })).status).toBe(405);
  });

  it('refuses paths that leave the static folder, however encoded', async () => {
    const attempts = [
      '/../package.json', '/%2e%2e/package.json', '/%2E%2E/package.json', '/%2e%2e%2fpackage.json', '/..%2fpackage.json',
      '/assets/..%2f..%2fpackage.json', '/..%5cpackage.json', '/%252e%252e/package.json', '/../secret.txt', '/%2e%2e/secret.txt',
      '/assets/../../secret.txt', '/.env', '/%2eenv', '/..%00/package.json', '/%c0%ae%c0%ae/package.json',
    ];
    for (const attempt of attempts) {
      const answer = await send({ path: attempt });
      expect(answer.status, attempt).toBeGreaterThanOrEqual(400);
      expect(answer.body, attempt).not.toContain('twinarchive');
      expect(answer.body, attempt).not.toContain('outside the static folder');
      expect(answer.body, attempt).not.toContain('SECRET');
    }
  });

  it('answers calls only with this run\'s token, from its own origin, to its own host', async () => {
    const withoutToken = await send({ method: 'POST', path: '/api/call/settings.get', body: '{}', headers: { 'Content-Type': 'application/json' } });
    expect(withoutToken.status).toBe(401);
    expect(errorOf(withoutToken).code).toBe('UNAUTHORIZED');
    const wrongToken = await callApi('settings.get', {}, { 'X-TwinArchive-Token': `${bridge.token.slice(0, -1)}${bridge.token.endsWith('A') ? 'B' : 'A'}` });
    expect(wrongToken.status).toBe(401);
    expect((await callApi('settings.get', {}, { 'X-TwinArchive-Token': 'short' })).status).toBe(401);
    expect((await callApi('no.such.call', {}, { 'X-TwinArchive-Token': 'short' })).status).toBe(401);

    const rebound = await callApi('settings.get', {}, { Host: `attacker.example:${bridge.port}` });
    expect(rebound.status).toBe(403);
    expect(errorOf(rebound).code).toBe('BAD_HOST');
    expect((await send({ path: '/', headers: { Host: 'attacker.example' } })).status).toBe(403);
    expect((await callApi('settings.get', {}, { Host: `127.0.0.1:${bridge.port + 1}` })).status).toBe(403);
    expect((await callApi('settings.get', {}, { Host: `localhost:${bridge.port}` })).status).toBe(200);

    const foreign = await callApi('settings.get', {}, { Origin: 'https://attacker.example' });
    expect(foreign.status).toBe(403);
    expect(errorOf(foreign).code).toBe('BAD_ORIGIN');
    expect((await callApi('settings.get', {}, { Origin: 'null' })).status).toBe(403);
    expect((await callApi('settings.get', {}, { Origin: bridge.origin })).status).toBe(200);
  });

  it('maps unknown calls, bad arguments, other media types and large bodies to clear errors', async () => {
    const unknown = await callApi('no.such.call', {});
    expect(unknown.status).toBe(404);
    expect(errorOf(unknown).code).toBe('UNKNOWN_CALL');
    const invalid = await callApi('items.query', { limit: 5000 });
    expect(invalid.status).toBe(400);
    expect(errorOf(invalid)).toEqual({
      error: expect.stringMatching(/^The arguments of items\.query are not valid \(limit: .+\): check what was sent\.$/) as unknown as string,
      code: 'INVALID_ARGS',
    });
    expect((await callApi('settings.get', { extra: true })).status).toBe(400);
    const notJson = await send({ method: 'POST', path: '/api/call/settings.get', body: '{', headers: { 'Content-Type': 'application/json', 'X-TwinArchive-Token': bridge.token } });
    expect(notJson.status).toBe(400);
    expect(errorOf(notJson).code).toBe('INVALID_JSON');
    const form = await send({ method: 'POST', path: '/api/call/settings.get', body: 'a=1', headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-TwinArchive-Token': bridge.token } });
    expect(form.status).toBe(415);
    const large = await callApi('items.query', { text: 'x'.repeat(1024 * 1024 + 10) });
    expect(large.status).toBe(413);
    expect(errorOf(large).code).toBe('BODY_TOO_LARGE');
    expect((await send({ path: '/api/call/settings.get', headers: { 'X-TwinArchive-Token': bridge.token } })).status).toBe(405);
  });

  it('runs real calls and delivers events as Server-Sent Events', async () => {
    expect((await openEvents('wrong')).status).toBe(401);
    const events = await openEvents(bridge.token);
    try {
      expect(events.status).toBe(200);
      const info = await callApi('app.info', {});
      expect(info.status).toBe(200);
      expect(JSON.parse(info.body)).toMatchObject({ shell: 'web', dataDir: path.join(root, 'data'), version: expect.any(String) as unknown as string });
      expect(JSON.parse((await callApi('scan.overview', {})).body)).toBeNull();

      const session = events.next((event) => event.type === 'session');
      const connected = await callApi('session.connect', { kind: 'sample' });
      expect(connected.status).toBe(200);
      expect(JSON.parse(connected.body)).toMatchObject({ connected: true, sample: true });
      expect(await session).toMatchObject({ type: 'session', status: { connected: true, sample: true } });

      const scanDone = events.next((event) => event.type === 'scan' && event.progress.phase === 'done');
      const overview = await callApi('scan.run', {});
      expect(overview.status).toBe(200);
      expect(await scanDone).toMatchObject({ type: 'scan', progress: { fraction: 1 } });
      expect(events.comments[0]).toBe(': connected');

      const pdf = await callApi('report.export', { format: 'pdf', language: 'en', destination: null });
      expect(pdf.status).toBe(501);
      expect(errorOf(pdf).code).toBe('NOT_AVAILABLE');
      expect(await callApi('dialog.chooseFolder', { title: 'Where?' }).then((answer) => JSON.parse(answer.body) as unknown)).toBeNull();
    } finally {
      events.close();
    }
  });

  it('stops cleanly on SIGTERM', async () => {
    bridge.child.kill('SIGTERM');
    expect(await bridge.exited).toEqual({ code: 0, signal: null });
    expect(bridge.stderr()).toContain('Stopping (SIGTERM)');
    expect(bridge.stderr()).not.toContain(bridge.token);
  });
});
