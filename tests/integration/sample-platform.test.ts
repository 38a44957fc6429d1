import { createHash } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  ActivityPageSchema, ItemsPageSchema, MeSchema, SpacesPageSchema, contentPath, filePath,
  type ItemMetadata,
} from '../../shared/platform-api.ts';
import {
  startSamplePlatform, type RunningSamplePlatform,
} from '../../electron/core/sample-platform/server.ts';
import { loadSnapshot } from '../../electron/core/sample-platform/load-snapshot.ts';
import type { SnapshotItem } from '../../electron/core/sample-platform/snapshot-schema.ts';
import { expectedFileBytes, rawRequest, signIn, testSnapshot } from './sample-platform-support.ts';

const snapshot = testSnapshot();
const itemById = new Map(snapshot.items.map((item) => [item.id, item]));
function itemOf(id: string): SnapshotItem {
  const item = itemById.get(id);
  if (item === undefined) throw new Error(`the test snapshot has no item ${id}`);
  return item;
}
let platform: RunningSamplePlatform;
let cookie = '';

beforeAll(async () => {
  platform = await startSamplePlatform({ snapshot });
  cookie = await signIn(platform.url);
});
afterAll(async () => {
  await platform.close();
});

async function getJson<T>(path: string, schema: z.ZodType<T>, session = cookie): Promise<T> {
  const response = await fetch(`${platform.url}${path}`, { headers: { cookie: session } });
  const json: unknown = await response.json();
  if (response.status !== 200) throw new Error(`${path} answered ${response.status}: ${JSON.stringify(json)}`);
  // strict() would reject extra keys: the answers must hold exactly the documented fields.
  return schema.parse(json);
}

async function status(path: string, init: RequestInit = {}): Promise<{ status: number; json: unknown }> {
  const response = await fetch(`${platform.url}${path}`, { redirect: 'manual', ...init });
  const text = await response.text();
  const type = response.headers.get('content-type') ?? '';
  return { status: response.status, json: type.startsWith('application/json') ? JSON.parse(text) : text };
}

async function allItems(path: string, session = cookie): Promise<ItemMetadata[]> {
  const items: ItemMetadata[] = [];
  let cursor: string | null = '';
  let pages = 0;
  while (cursor !== null) {
    const query: string = cursor === '' ? '' : `?cursor=${encodeURIComponent(cursor)}`;
    const page = await getJson(`${path}${query}`, ItemsPageSchema, session);
    expect(page.items.length).toBeLessThanOrEqual(100);
    items.push(...page.items);
    cursor = page.next;
    pages += 1;
    expect(pages).toBeLessThan(20);
  }
  return items;
}

async function fetchBytes(path: string, headers: Record<string, string> = {}): Promise<{ response: Response; bytes: Buffer }> {
  const response = await fetch(`${platform.url}${path}`, { headers: { cookie, ...headers } });
  return { response, bytes: Buffer.from(await response.arrayBuffer()) };
}

describe('signing in', () => {
  it('serves a self-contained, labelled login form', async () => {
    const response = await fetch(`${platform.url}/login`);
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(html).toMatch(/<form method="post" action="\/login">/);
    expect(html).toMatch(/<label for="login">/);
    expect(html).toMatch(/<label for="password">/);
    expect(html).toMatch(/<html lang="en">/);
    expect(html).not.toMatch(/<link|<script|src=|https?:/);
  });

  it('answers good credentials with a session cookie and a redirect home', async () => {
    const response = await fetch(`${platform.url}/login`, {
      method: 'POST', redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'login=an.peeters&password=demo',
    });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/');
    expect(response.headers.get('set-cookie')).toMatch(
      /^session=[0-9a-f]{64}; HttpOnly; Path=\/; SameSite=Lax$/,
    );
    const home = await status('/', { headers: { cookie } });
    expect(home.status).toBe(200);
    expect(home.json).toContain('Signed in as An Peeters');
    const bo = await status('/', { headers: { cookie: await signIn(platform.url, 'bo.jansen', 'secret') } });
    expect(bo.json).toContain('Signed in as Bo &lt;Jansen&gt;');
  });

  it('answers wrong credentials with 401 and the form with an error', async () => {
    for (const body of ['login=an.peeters&password=wrong', 'login=nobody&password=demo', 'login=an.peeters']) {
      const answer = await status('/login', {
        method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body,
      });
      expect(answer.status).toBe(401);
      expect(answer.json).toMatch(/role="alert"/);
      expect(answer.json).toMatch(/<form method="post" action="\/login">/);
    }
    const notAForm = await status('/login', {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}',
    });
    expect(notAForm.status).toBe(400);
  });

  it('sends people who are not signed in to the login form', async () => {
    const home = await fetch(`${platform.url}/`, { redirect: 'manual' });
    expect(home.status).toBe(303);
    expect(home.headers.get('location')).toBe('/login');
  });

  it('refuses every call without a valid session with 401 JSON', async () => {
    const paths = [
      '/api/me', '/api/spaces', '/api/spaces/s-big/activity', '/api/spaces/s-big/items',
      '/api/me/items', '/content/f-page', filePath('f-gen', 'zomer/été #1?.jpg'),
    ];
    for (const path of paths) {
      for (const headers of [{}, { cookie: `session=${'0'.repeat(64)}` }, { cookie: 'session=nonsense' }] as Array<Record<string, string>>) {
        const answer = await status(path, { headers });
        expect(answer, path).toEqual({ status: 401, json: { error: 'not signed in' } });
      }
    }
  });
});

describe('the API', () => {
  it('describes the signed-in account', async () => {
    expect(await getJson('/api/me', MeSchema)).toEqual({
      id: 'u1', name: 'An Peeters', email: 'an.peeters@school.example',
      hasEtwinningAccount: true, hasSegAccount: false,
    });
  });

  it('lists only the spaces the account is a member of, with their item counts', async () => {
    const page = await getJson('/api/spaces', SpacesPageSchema);
    expect(page.next).toBeNull();
    expect(page.spaces).toEqual([
      { id: 's-big', kind: 'group', title: 'Big group', createdAt: '2016-09-01T10:00:00+02:00', itemCount: 250 },
      { id: 's-files', kind: 'twinspace', title: 'Files “and” names', createdAt: '2019-09-01T08:00:00Z',
        migrationRequest: 'requested', projectId: 'p-1', itemCount: 7 },
    ]);
    const bo = await getJson('/api/spaces', SpacesPageSchema, await signIn(platform.url, 'bo.jansen', 'secret'));
    expect(bo.spaces.map((space) => space.id)).toEqual(['s-files', 's-private']);
  });

  it('pages through 250 items with cursors, in order and without duplicates', async () => {
    const items = await allItems('/api/spaces/s-big/items');
    expect(items.map((item) => item.id)).toEqual(
      snapshot.items.filter((item) => item.space === 's-big').map((item) => item.id),
    );
    expect(new Set(items.map((item) => item.id)).size).toBe(250);
    const first = await getJson('/api/spaces/s-big/items', ItemsPageSchema);
    expect(first.items).toHaveLength(100);
    expect(first.next).not.toBeNull();
    // Items written by someone else are listed too.
    expect(items.filter((item) => item.owner === 'u2')).toHaveLength(84);
  });

  it('pages through activity, normalising bare timestamps to page activity', async () => {
    const first = await getJson('/api/spaces/s-big/activity', ActivityPageSchema);
    expect(first.activity).toHaveLength(100);
    expect(first.activity[0]).toEqual({ at: '2020-01-01T00:00:00.000Z', kind: 'page' });
    expect(first.activity[1]?.kind).toBe('forum');
    const second = await getJson(
      `/api/spaces/s-big/activity?cursor=${encodeURIComponent(first.next ?? '')}`, ActivityPageSchema,
    );
    expect(second.activity).toHaveLength(30);
    expect(second.next).toBeNull();
    expect(await getJson('/api/spaces/s-files/activity', ActivityPageSchema)).toEqual({
      activity: [{ at: '2020-03-01T08:00:00Z', kind: 'page' }], next: null,
    });
  });

  it('answers a malformed cursor with 400', async () => {
    for (const cursor of ['%%%', 'bm90IGpzb24', Buffer.from('{"offset":-1}').toString('base64url'),
      Buffer.from('{"offset":9999}').toString('base64url'), 'x'.repeat(5000)]) {
      const answer = await status(`/api/spaces/s-big/items?cursor=${encodeURIComponent(cursor)}`, {
        headers: { cookie },
      });
      expect(answer.status, cursor).toBe(400);
      expect(answer.json).toEqual({ error: 'bad cursor' });
    }
  });

  it('gives item metadata without bodies or contents, with file digests and URLs', async () => {
    const items = await allItems('/api/spaces/s-files/items');
    const byId = new Map(items.map((item) => [item.id, item]));
    const album = expectedFileBytes(itemOf('f-gen'));
    expect(byId.get('f-gen')).toEqual({
      id: 'f-gen', owner: 'u1', space: 's-files', type: 'material', title: 'Album',
      createdAt: '2020-01-03T10:00:00Z', updatedAt: '2021-05-06T07:08:09Z', parent: 'f-page',
      file: { name: 'zomer/été #1?.jpg', mediaType: 'image/jpeg', size: 300_000,
        sha256: createHash('sha256').update(album).digest('hex') },
      url: filePath('f-gen', 'zomer/été #1?.jpg'),
    });
    expect(byId.get('f-page')?.url).toBe(contentPath('f-page'));
    expect(byId.get('f-both')?.url).toBe('/content/f-both');
    expect(byId.get('f-both')?.file?.name).toBe('diary.txt');
    expect(byId.get('f-empty')?.file?.size).toBe(0);
    for (const item of items) {
      expect(item).not.toHaveProperty('body');
      expect(item.file ?? {}).not.toHaveProperty('content');
    }
  });

  it('lists the account’s own personal items only', async () => {
    const items = await allItems('/api/me/items');
    expect(items.map((item) => item.id)).toEqual(['me-1', 'me-2', 'me-3', 'me-4']);
    expect(items[0]?.url).toBeNull();
    expect(items[3]).toMatchObject({ organizer: 'nso', origin: 'seg', url: null });
  });

  it('answers 403 for spaces and items of others and 404 for unknown ones', async () => {
    const headers = { cookie };
    const cases: Array<[string, number]> = [
      ['/api/spaces/s-private/items', 403],
      ['/api/spaces/s-private/activity', 403],
      ['/api/spaces/s-nowhere/items', 404],
      ['/api/spaces/s-nowhere/activity', 404],
      ['/content/p-1', 403],
      [filePath('p-2', 'secret.bin'), 403],
      ['/content/other-1', 403],
      [filePath('other-2', 'bo.jpg'), 403],
      ['/content/nothing', 404],
      ['/content/f-gen', 404],
      [filePath('f-gen', 'other.jpg'), 404],
      [filePath('me-1', 'x'), 404],
      ['/api/unknown', 404],
      ['/api/spaces/s-big', 404],
      ['/nowhere', 404],
      ['/content/f-page/extra', 404],
    ];
    for (const [path, expected] of cases) {
      expect((await status(path, { headers })).status, path).toBe(expected);
    }
    expect((await status('/api/me', { method: 'DELETE', headers })).status).toBe(404);
  });
});

describe('bodies and files', () => {
  it('serves bodies as UTF-8 HTML', async () => {
    const { response, bytes } = await fetchBytes('/content/f-page');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(bytes.toString('utf8')).toBe(itemById.get('f-page')?.body);
    const personal = await fetchBytes('/content/me-3');
    expect(personal.bytes.toString()).toBe('<p>Hello An</p>');
  });

  it('serves every file byte-exact with an ETag that is its SHA-256', async () => {
    for (const id of ['f-text', 'f-b64', 'f-gen', 'f-tiny', 'f-empty', 'f-both', 'me-2']) {
      const item = itemById.get(id);
      if (item?.file === undefined) throw new Error(id);
      const { response, bytes } = await fetchBytes(filePath(id, item.file.name));
      const expected = expectedFileBytes(item);
      expect(response.status, id).toBe(200);
      expect(bytes.equals(expected), id).toBe(true);
      expect(response.headers.get('etag')).toBe(`"${createHash('sha256').update(bytes).digest('hex')}"`);
      expect(response.headers.get('content-type')).toBe(item.file.mediaType);
      expect(response.headers.get('content-length')).toBe(String(expected.length));
      expect(response.headers.get('accept-ranges')).toBe('bytes');
      expect(response.headers.get('last-modified')).toBe(new Date(item.updatedAt ?? item.createdAt).toUTCString());
    }
  });

  it('answers HEAD with the headers only', async () => {
    const response = await fetch(`${platform.url}${filePath('f-gen', 'zomer/été #1?.jpg')}`, {
      method: 'HEAD', headers: { cookie },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-length')).toBe('300000');
    expect(response.headers.get('etag')).toMatch(/^"[0-9a-f]{64}"$/);
    expect((await response.arrayBuffer()).byteLength).toBe(0);
  });

  describe('ranges', () => {
    const path = filePath('f-gen', 'zomer/été #1?.jpg');
    const whole = expectedFileBytes(itemOf('f-gen'));
    const etag = `"${createHash('sha256').update(whole).digest('hex')}"`;
    const lastModified = new Date('2021-05-06T07:08:09Z').toUTCString();

    it.each([
      ['bytes=0-99', 0, 100],
      ['bytes=31-32', 31, 33],
      ['bytes=65530-131080', 65_530, 131_081],
      ['bytes=299990-', 299_990, 300_000],
      ['bytes=-10', 299_990, 300_000],
      ['bytes=299999-400000', 299_999, 300_000],
    ])('%s', async (range, start, end) => {
      const { response, bytes } = await fetchBytes(path, { range });
      expect(response.status).toBe(206);
      expect(response.headers.get('content-range')).toBe(`bytes ${start}-${end - 1}/300000`);
      expect(response.headers.get('content-length')).toBe(String(end - start));
      expect(response.headers.get('etag')).toBe(etag);
      expect(bytes.equals(whole.subarray(start, end))).toBe(true);
    });

    it('honours If-Range only while the ETag or date still match', async () => {
      const matching = [etag, lastModified];
      for (const ifRange of matching) {
        const { response } = await fetchBytes(path, { range: 'bytes=10-19', 'if-range': ifRange });
        expect(response.status, ifRange).toBe(206);
      }
      const stale = [`"${'0'.repeat(64)}"`, `W/${etag}`, 'Thu, 01 Jan 2015 00:00:00 GMT', 'garbage'];
      for (const ifRange of stale) {
        const { response, bytes } = await fetchBytes(path, { range: 'bytes=10-19', 'if-range': ifRange });
        expect(response.status, ifRange).toBe(200);
        expect(bytes.equals(whole)).toBe(true);
      }
    });

    it('answers unsatisfiable ranges with 416 and malformed ones with 400', async () => {
      for (const range of ['bytes=300000-', 'bytes=-0', 'bytes=999999-9999999']) {
        const { response } = await fetchBytes(path, { range });
        expect(response.status, range).toBe(416);
        expect(response.headers.get('content-range')).toBe('bytes */300000');
      }
      const empty = await fetchBytes(filePath('f-empty', 'empty.bin'), { range: 'bytes=0-' });
      expect(empty.response.status).toBe(416);
      expect(empty.response.headers.get('content-range')).toBe('bytes */0');
      for (const range of ['bytes=9-1', 'bytes=x-y', 'bytes=-', 'nonsense']) {
        expect((await fetchBytes(path, { range })).response.status, range).toBe(400);
      }
      const ignored = await fetchBytes(path, { range: 'bytes=0-1,5-9' });
      expect(ignored.response.status).toBe(200);
    });
  });
});

describe('sessions', () => {
  it('signs out', async () => {
    const session = await signIn(platform.url);
    expect((await status('/api/me', { headers: { cookie: session } })).status).toBe(200);
    const response = await fetch(`${platform.url}/logout`, {
      method: 'POST', redirect: 'manual', headers: { cookie: session },
    });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/login');
    expect(response.headers.get('set-cookie')).toMatch(/^session=;.*Max-Age=0/);
    expect((await status('/api/me', { headers: { cookie: session } })).status).toBe(401);
    expect((await status('/api/me', { headers: { cookie } })).status).toBe(200);
  });

  it('expires a session after N authenticated requests', async () => {
    const expiring = await startSamplePlatform({ snapshot, expireAfter: 3 });
    try {
      const first = await signIn(expiring.url);
      const codes: number[] = [];
      for (let request = 0; request < 5; request += 1) {
        codes.push((await fetch(`${expiring.url}/api/me`, { headers: { cookie: first } })).status);
      }
      expect(codes).toEqual([200, 200, 200, 401, 401]);
      const second = await signIn(expiring.url);
      expect(second).not.toBe(first);
      const again = await fetch(`${expiring.url}/content/f-page`, { headers: { cookie: second } });
      expect(again.status).toBe(200);
      await again.arrayBuffer();
    } finally {
      await expiring.close();
    }
  });
});

describe('the server', () => {
  it('delays each answer by the configured latency', async () => {
    const slow = await startSamplePlatform({ snapshot, latencyMs: 300 });
    try {
      const started = performance.now();
      const response = await fetch(`${slow.url}/login`);
      await response.text();
      expect(performance.now() - started).toBeGreaterThanOrEqual(290);
      const session = await signIn(slow.url);
      const apiStarted = performance.now();
      await (await fetch(`${slow.url}/api/me`, { headers: { cookie: session } })).json();
      expect(performance.now() - apiStarted).toBeGreaterThanOrEqual(290);
    } finally {
      await slow.close();
    }
  });

  it('counts requests per method and path', async () => {
    const counted = await startSamplePlatform({ snapshot });
    try {
      const session = await signIn(counted.url);
      for (const cursor of ['', '?cursor=abc']) {
        await (await fetch(`${counted.url}/api/spaces/s-big/items${cursor}`, { headers: { cookie: session } })).text();
      }
      await (await fetch(`${counted.url}/api/me`, { method: 'HEAD', headers: { cookie: session } })).text();
      const stats = counted.stats();
      expect(stats.requests).toBe(4);
      expect(stats.byPath.get('POST /login')).toBe(1);
      expect(stats.byPath.get('GET /api/spaces/s-big/items')).toBe(2);
      expect(stats.byPath.get('HEAD /api/me')).toBe(1);
      expect(stats.byPath.get('GET /api/me')).toBeUndefined();
    } finally {
      await counted.close();
    }
  });

  it('answers hostile requests with 400 and keeps serving', async () => {
    const bad = await rawRequest(platform.url, '/content/%E0%A4%A', { headers: { cookie } });
    expect(bad.status).toBe(400);
    const badFile = await rawRequest(platform.url, '/files/%FF/x', { headers: { cookie } });
    expect(badFile.status).toBe(400);
    const huge = await rawRequest(platform.url, '/api/me', { headers: { cookie, 'x-filler': 'a'.repeat(64 * 1024) } });
    expect(huge.status).toBe(400);
    const raw = await new Promise<string>((resolve) => {
      const socket = connect(platform.port, '127.0.0.1', () => socket.write('GET http://elsewhere/ HTTP/1.1\r\nHost: x\r\n\r\n'));
      let text = '';
      socket.on('data', (chunk) => { text += chunk.toString(); socket.end(); });
      socket.on('close', () => resolve(text));
      socket.on('error', () => resolve(text));
    });
    expect(raw).toMatch(/^HTTP\/1\.1 400/);
    const garbage = await new Promise<string>((resolve) => {
      const socket = connect(platform.port, '127.0.0.1', () => socket.write('\u0000\u0001 nonsense\r\n\r\n'));
      let text = '';
      socket.on('data', (chunk) => { text += chunk.toString(); });
      socket.on('close', () => resolve(text));
      socket.on('error', () => resolve(text));
    });
    expect(garbage).toMatch(/^HTTP\/1\.1 400/);
    expect((await status('/api/me', { headers: { cookie } })).status).toBe(200);
  });

  it('serves the public cases and every answer parses with the shared schemas', async () => {
    const cases = await startSamplePlatform({
      snapshot: await loadSnapshot(fileURLToPath(new URL('../fixtures/public-cases.json', import.meta.url))),
    });
    try {
      const session = await signIn(cases.url);
      const get = async <T>(path: string, schema: z.ZodType<T>): Promise<T> =>
        schema.parse(await (await fetch(`${cases.url}${path}`, { headers: { cookie: session } })).json());
      await get('/api/me', MeSchema);
      const spaces = await get('/api/spaces', SpacesPageSchema);
      expect(spaces.spaces).toHaveLength(7);
      const items = [...(await get('/api/me/items', ItemsPageSchema)).items];
      for (const space of spaces.spaces) {
        await get(`/api/spaces/${encodeURIComponent(space.id)}/activity`, ActivityPageSchema);
        const page = await get(`/api/spaces/${encodeURIComponent(space.id)}/items`, ItemsPageSchema);
        expect(page.items).toHaveLength(space.itemCount);
        items.push(...page.items);
      }
      for (const item of items.filter((candidate) => typeof candidate.url === 'string')) {
        const response = await fetch(`${cases.url}${item.url ?? ''}`, { headers: { cookie: session } });
        const bytes = Buffer.from(await response.arrayBuffer());
        expect(response.status, item.id).toBe(200);
        if (item.file !== undefined && !item.url?.startsWith('/content/')) {
          expect(createHash('sha256').update(bytes).digest('hex')).toBe(item.file.sha256);
        }
      }
    } finally {
      await cases.close();
    }
  });

  it('closes active downloads when it stops', async () => {
    const big = testSnapshot();
    big.items.push({
      id: 'big', owner: 'u1', space: 's-files', type: 'material', title: 'Big', createdAt: '2020-01-01T00:00:00Z',
      file: { name: 'big.bin', mediaType: 'application/octet-stream',
        content: { kind: 'generated', seed: 'big', size: 8 * 1024 * 1024 } },
    });
    const stopping = await startSamplePlatform({ snapshot: big });
    const session = await signIn(stopping.url);
    const ended = new Promise<{ received: number; complete: boolean }>((resolve, reject) => {
      const req = httpRequest(`${stopping.url}/files/big/big.bin`, { headers: { cookie: session } }, (res) => {
        let received = 0;
        res.once('data', (chunk: Buffer) => {
          received += chunk.length;
          // Stop reading, so the server is stuck mid-body when it is asked to close.
          res.pause();
          stopping.close().then(() => res.resume(), reject);
        });
        res.on('close', () => resolve({ received, complete: res.complete }));
        res.on('error', () => undefined);
      });
      req.on('error', () => undefined);
      req.end();
    });
    const outcome = await ended;
    expect(outcome.complete).toBe(false);
    expect(outcome.received).toBeLessThan(8 * 1024 * 1024);
  });
});
