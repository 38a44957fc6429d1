import { createServer } from 'node:net';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { contentPath } from '../../shared/platform-api.ts';
import {
  createPlatformClient, type Credentials, type PlatformClient, type PlatformClientOptions,
} from '../../electron/core/platform-client/platform-client.ts';
import {
  AbortedError, AccessDeniedError, ContentTooLargeError, NotAPlatformError, NotFoundError,
  OffPlatformLinkError, PlatformUnreachableError, SessionExpiredError, SignInFailedError,
} from '../../electron/core/platform-client/errors.ts';
import { DEFAULT_RETRY_POLICY } from '../../electron/core/platform-client/retry-policy.ts';
import { planFault } from '../../electron/core/sample-platform/fault-plan.ts';
import { loadSnapshot } from '../../electron/core/sample-platform/load-snapshot.ts';
import {
  startSamplePlatform, type RunningSamplePlatform, type SamplePlatformOptions,
} from '../../electron/core/sample-platform/server.ts';
import type { Snapshot } from '../../electron/core/sample-platform/snapshot-schema.ts';
import {
  LOGIN, PASSWORD, SAMPLE_ME, bigSnapshot, cookiesTxt, downloadWithResume, listEverything, pagesOf,
  sendJson, sha256Of, startTinyServer, type Listing, type TinyServer,
} from './platform-client-support.ts';

const PASSWORD_CREDENTIALS: Credentials = { kind: 'password', login: LOGIN, password: PASSWORD };

let publicCases: Snapshot;
let big: Snapshot;
const cleanups: (() => Promise<void>)[] = [];

beforeAll(async () => {
  publicCases = await loadSnapshot(new URL('../fixtures/public-cases.json', import.meta.url).pathname);
  big = bigSnapshot(publicCases);
});

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function platform(options: Partial<SamplePlatformOptions> & { snapshot: Snapshot }): Promise<RunningSamplePlatform> {
  const running = await startSamplePlatform(options);
  cleanups.push(() => running.close());
  return running;
}

async function tiny(...args: Parameters<typeof startTinyServer>): Promise<TinyServer> {
  const server = await startTinyServer(...args);
  cleanups.push(() => server.close());
  return server;
}

function client(baseUrl: string, options: Partial<PlatformClientOptions> = {}): PlatformClient {
  const created = createPlatformClient({ baseUrl, credentials: PASSWORD_CREDENTIALS, ...options });
  cleanups.push(() => created.close());
  return created;
}

function logins(running: RunningSamplePlatform): number {
  return running.stats().byPath.get('POST /login') ?? 0;
}

function apiRequests(running: RunningSamplePlatform): number {
  let total = 0;
  for (const [key, count] of running.stats().byPath) if (key.startsWith('GET /api/')) total += count;
  return total;
}

async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Error) return error;
    throw new Error(`rejected with a non-error: ${String(error)}`);
  }
  throw new Error('expected a failure, but the call succeeded');
}

/** A real session of the sample platform, taken the way a browser would get it. */
async function browserSession(baseUrl: string): Promise<string> {
  const response = await fetch(`${baseUrl}/login`, {
    method: 'POST',
    body: new URLSearchParams({ login: LOGIN, password: PASSWORD }),
    redirect: 'manual',
  });
  const token = /session=([0-9a-f]+)/.exec(response.headers.getSetCookie().join('\n'))?.[1];
  if (response.status !== 303 || token === undefined) throw new Error('The sample platform gave no session.');
  return token;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

function ids(listing: Listing): { spaces: string[]; items: string[]; personal: string[] } {
  return {
    spaces: listing.spaces.map((space) => space.id),
    items: Object.values(listing.spaceItems).flat().map((item) => item.id),
    personal: listing.personalItems.map((item) => item.id),
  };
}

describe('signing in and listing', () => {
  it('lists every space and item of the public cases', async () => {
    const running = await platform({ snapshot: publicCases });
    const listing = await listEverything(client(running.url));

    expect(listing.me).toEqual({
      id: 'u1', name: 'An Peeters', email: 'an.peeters@school.example', hasEtwinningAccount: true, hasSegAccount: true,
    });
    const { spaces, items, personal } = ids(listing);
    expect(spaces).toEqual(publicCases.spaces.map((space) => space.id));
    expect(items.length + personal.length).toBe(24);
    expect(personal).toHaveLength(11);
    expect(new Set([...items, ...personal])).toEqual(new Set(publicCases.items.map((item) => item.id)));
    for (const space of publicCases.spaces) {
      expect(listing.activity[space.id]).toHaveLength(space.activity.length);
      expect(listing.spaceItems[space.id]?.every((item) => item.space === space.id)).toBe(true);
    }
    expect(listing.activity['g-g']).toEqual([
      { at: '2021-03-03T10:00:00Z', kind: 'login' },
      { at: '2022-06-01T10:00:00Z', kind: 'forum' },
    ]);
    expect(logins(running)).toBe(1);
  });

  it('reads item bodies and files of the public cases', async () => {
    const running = await platform({ snapshot: publicCases });
    const platformClient = client(running.url);
    const listing = await listEverything(platformClient);
    const all = [...Object.values(listing.spaceItems).flat(), ...listing.personalItems];

    const welcome = publicCases.items.find((item) => item.id === 'i-a1');
    expect(await platformClient.fetchContent('i-a1')).toBe(welcome?.body);

    const withFiles = all.filter((item) => item.file !== undefined && item.url?.startsWith('/files/'));
    expect(withFiles.length).toBeGreaterThan(0);
    for (const item of withFiles) {
      const opened = await platformClient.openFile(item.url ?? '');
      expect(opened).toMatchObject({ status: 200, start: 0, size: item.file?.size });
      expect(await sha256Of(opened.stream)).toEqual({ sha256: item.file?.sha256, bytes: item.file?.size });
    }
  });

  it('follows cursors over lists longer than a page', async () => {
    const running = await platform({ snapshot: big });
    const listing = await listEverything(client(running.url));

    expect(listing.spaces).toHaveLength(7 + 1 + 105);
    const bigItems = listing.spaceItems['g-big'] ?? [];
    expect(bigItems).toHaveLength(256);
    expect(new Set(bigItems.map((item) => item.id)).size).toBe(256);
    expect(bigItems.slice(0, 250).map((item) => item.id)).toEqual(
      big.items.filter((item) => item.space === 'g-big').slice(0, 250).map((item) => item.id),
    );
    expect(listing.activity['g-big']).toHaveLength(130);
    expect(listing.personalItems).toHaveLength(121);
    expect(running.stats().byPath.get('GET /api/spaces/g-big/items')).toBe(3);
    expect(running.stats().byPath.get('GET /api/spaces')).toBe(2);
    expect(running.stats().byPath.get('GET /api/me/items')).toBe(2);
  });

  it('opens a file part way with Range and If-Range', async () => {
    const running = await platform({ snapshot: publicCases });
    const platformClient = client(running.url);
    await platformClient.signIn();
    const whole = await platformClient.openFile('/files/i-a5/poster.jpg');
    const wholeBytes = await sha256Of(whole.stream);
    expect(whole.etag).not.toBeNull();
    expect(whole.lastModified).not.toBeNull();

    const rest = await platformClient.openFile('/files/i-a5/poster.jpg', { start: 1000, ifRange: whole.etag ?? '' });
    expect(rest).toMatchObject({ status: 206, start: 1000, size: whole.size, etag: whole.etag });
    expect((await sha256Of(rest.stream)).bytes).toBe(whole.size - 1000);

    const changed = await platformClient.openFile('/files/i-a5/poster.jpg', { start: 1000, ifRange: '"another-version"' });
    expect(changed).toMatchObject({ status: 200, start: 0, size: whole.size });
    expect(await sha256Of(changed.stream)).toEqual(wholeBytes);
  });

  it('says so when the account may not see a space or an item is gone', async () => {
    const running = await platform({ snapshot: big });
    const platformClient = client(running.url);
    await platformClient.signIn();
    const denied = await failure((async () => { for await (const item of platformClient.listSpaceItems('g-private')) void item; })());
    expect(denied).toBeInstanceOf(AccessDeniedError);
    expect(await failure(platformClient.fetchContent('p-private'))).toBeInstanceOf(AccessDeniedError);
    expect(await failure(platformClient.fetchContent('no-such-item'))).toBeInstanceOf(NotFoundError);
  });
});

describe('sign-in failures', () => {
  it('reports a wrong password without repeating it', async () => {
    const running = await platform({ snapshot: publicCases });
    const error = await failure(
      client(running.url, { credentials: { kind: 'password', login: LOGIN, password: 'not-the-password' } }).signIn(),
    );
    expect(error).toBeInstanceOf(SignInFailedError);
    expect(error).toMatchObject({ code: 'SIGN_IN_FAILED', reason: 'wrong-login' });
    expect(error.message).toContain(running.url);
    expect(error.message).not.toContain('not-the-password');
  });

  it('reports an unreachable address at once', async () => {
    const port = await freePort();
    const started = Date.now();
    const error = await failure(client(`http://127.0.0.1:${port}`).signIn());
    expect(error).toBeInstanceOf(PlatformUnreachableError);
    expect(error.message).toBe(`Could not reach http://127.0.0.1:${port}: check the address and your internet connection.`);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('refuses an address that is not a web address', () => {
    expect(() => createPlatformClient({ baseUrl: 'ftp://example.org', credentials: PASSWORD_CREDENTIALS })).toThrow(
      /not a web address/,
    );
    expect(() => createPlatformClient({ baseUrl: 'http://user:pw@example.org', credentials: PASSWORD_CREDENTIALS })).toThrow(
      /not a web address/,
    );
  });

  it('recognises a web site that is not the platform', async () => {
    const site = await tiny((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<!doctype html><title>Welcome to my blog</title>');
    });
    const byPassword = await failure(client(site.url).signIn());
    expect(byPassword).toBeInstanceOf(NotAPlatformError);
    expect(byPassword).toMatchObject({ call: 'POST /login' });

    const byCookies = await failure(
      client(site.url, { credentials: { kind: 'cookies', cookiesTxt: cookiesTxt('127.0.0.1', 'x') } }).signIn(),
    );
    expect(byCookies).toBeInstanceOf(NotAPlatformError);
    expect(byCookies).toMatchObject({ call: 'GET /api/me', sign: 'web-page' });
    expect(byCookies.message).toContain('GET /api/me');
  });

  it('recognises JSON of another shape as not the platform', async () => {
    const api = await tiny((_req, res) => sendJson(res, 200, { hello: 'world' }));
    const error = await failure(
      client(api.url, { credentials: { kind: 'cookies', cookiesTxt: cookiesTxt('127.0.0.1', 'x') } }).signIn(),
    );
    expect(error).toMatchObject({ code: 'NOT_A_PLATFORM', sign: 'unexpected-data' });
  });
});

describe('signing in with a cookies.txt file', () => {
  it('uses a real session exported from a browser', async () => {
    const running = await platform({ snapshot: publicCases });
    const token = await browserSession(running.url);
    const file = cookiesTxt('127.0.0.1', token, [`localhost\tFALSE\t/\tFALSE\t0\tsession\tnot-for-this-host`]);
    const listing = await listEverything(client(running.url, { credentials: { kind: 'cookies', cookiesTxt: file } }));
    expect(ids(listing).spaces).toHaveLength(7);
    expect(logins(running)).toBe(1);
  });

  it('says the cookies have expired when the platform no longer knows the session', async () => {
    const running = await platform({ snapshot: publicCases });
    const token = await browserSession(running.url);
    await fetch(`${running.url}/logout`, { method: 'POST', headers: { cookie: `session=${token}` }, redirect: 'manual' });
    const error = await failure(
      client(running.url, { credentials: { kind: 'cookies', cookiesTxt: cookiesTxt('127.0.0.1', token) } }).signIn(),
    );
    expect(error).toMatchObject({ code: 'SIGN_IN_FAILED', reason: 'cookies-expired' });
    expect(error.message).not.toContain(token);
  });

  it('fails clearly when the file has nothing for the platform', async () => {
    const running = await platform({ snapshot: publicCases });
    const error = await failure(
      client(running.url, { credentials: { kind: 'cookies', cookiesTxt: cookiesTxt('localhost', 'abc') } }).signIn(),
    );
    expect(error).toMatchObject({ code: 'COOKIES_FILE_UNUSABLE', problem: 'no-cookies-for-host' });
  });
});

describe('sessions that end mid-run', () => {
  it('signs in again once per expiry, even with eight requests at a time', async () => {
    const baseline = await platform({ snapshot: big });
    const expected = await listEverything(client(baseline.url, { concurrency: 8 }));

    const expireAfter = 7;
    const running = await platform({ snapshot: big, expireAfter });
    const listing = await listEverything(client(running.url, { concurrency: 8 }));

    expect(listing).toEqual(expected);
    // Every session serves exactly `expireAfter` answers (the listing's pages and the /api/me
    // check of each sign-in) before it ends: one sign-in more would leave a session unused.
    const signIns = logins(running);
    const answered = pagesOf(listing) + (signIns - 1);
    expect(signIns).toBe(Math.ceil(answered / expireAfter));
    expect(signIns).toBeGreaterThan(10);
    // Several requests met each expiry at once, and still one sign-in sufficed; requests
    // waiting for a slot were held back meanwhile, so about one refusal per slot at most.
    const refusals = apiRequests(running) - answered;
    expect(refusals).toBeGreaterThan(signIns - 1);
    expect(refusals).toBeLessThan(2 * 8 * signIns);
  });

  it('asks for credentials when a cookies session ends, and carries on with them', async () => {
    const running = await platform({ snapshot: big, expireAfter: 20 });
    const token = await browserSession(running.url);
    let asked = 0;
    const listing = await listEverything(
      client(running.url, {
        concurrency: 8,
        credentials: { kind: 'cookies', cookiesTxt: cookiesTxt('127.0.0.1', token) },
        onReauthenticate: async () => {
          asked += 1;
          return PASSWORD_CREDENTIALS;
        },
      }),
    );
    expect(ids(listing).spaces).toHaveLength(113);
    expect(asked).toBe(logins(running) - 1);
    expect(asked).toBeGreaterThan(0);
  });

  it('gives up with SessionExpiredError when it cannot sign in again', async () => {
    const running = await platform({ snapshot: big, expireAfter: 3 });
    const token = await browserSession(running.url);
    const cookieClient = client(running.url, { credentials: { kind: 'cookies', cookiesTxt: cookiesTxt('127.0.0.1', token) } });
    const error = await failure(listEverything(cookieClient));
    expect(error).toBeInstanceOf(SessionExpiredError);
    expect(error.message).toBe(`Your session on ${running.url} has ended and could not be renewed: sign in again to continue.`);

    const declined = client(running.url, { onReauthenticate: async () => null });
    expect(await failure(listEverything(declined))).toBeInstanceOf(SessionExpiredError);
  });
});

describe('faults', () => {
  it('lists, reads and downloads everything exactly as without faults', async () => {
    const baseline = await platform({ snapshot: big });
    const expected = await listEverything(client(baseline.url));

    const running = await platform({ snapshot: big, faultSeed: 'twinarchive-1' });
    const faulty = client(running.url, { concurrency: 8 });
    expect(await listEverything(faulty)).toEqual(expected);

    const withBodies = [...Object.values(expected.spaceItems).flat(), ...expected.personalItems]
      .filter((item) => item.url?.startsWith('/content/'));
    const bodies = await Promise.all(withBodies.map((item) => faulty.fetchContent(item.id)));
    const snapshotBodies = new Map(big.items.map((item) => [item.id, item.body]));
    expect(bodies).toEqual(withBodies.map((item) => snapshotBodies.get(item.id)));

    const withFiles = Object.values(expected.spaceItems).flat().filter((item) => item.url?.startsWith('/files/'));
    for (const item of withFiles) {
      const download = await downloadWithResume(faulty, item.url ?? '');
      expect({ sha256: download.sha256, bytes: download.bytes }).toEqual({ sha256: item.file?.sha256, bytes: item.file?.size });
    }
    // The plan did fault (retries, and sign-ins after its session expiries).
    expect(running.stats().requests).toBeGreaterThan(baseline.stats().requests + withBodies.length + withFiles.length);
    expect(logins(running)).toBeGreaterThan(1);
  }, 120_000);

  it('lists the same under another fault seed', async () => {
    const baseline = await platform({ snapshot: big });
    const running = await platform({ snapshot: big, faultSeed: 'twinarchive-2' });
    const [expected, listing] = await Promise.all([
      listEverything(client(baseline.url)),
      listEverything(client(running.url, { concurrency: 8 })),
    ]);
    expect(listing).toEqual(expected);
    expect(apiRequests(running)).toBeGreaterThan(apiRequests(baseline));
  }, 60_000);

  it('retries the sign-in when the platform is busy', async () => {
    let posts = 0;
    const busy = await tiny((req, res) => {
      if (req.method === 'POST') {
        posts += 1;
        if (posts < 3) sendJson(res, 503, { error: 'busy' }, { 'retry-after': '0' });
        else {
          res.writeHead(303, { location: '/', 'set-cookie': 'session=abc; HttpOnly; Path=/' });
          res.end();
        }
      } else {
        sendJson(res, 200, SAMPLE_ME);
      }
    });
    expect(await client(busy.url).signIn()).toEqual(SAMPLE_ME);
    expect(busy.requests.map((request) => request.line)).toEqual([
      'POST /login', 'POST /login', 'POST /login', 'GET /api/me',
    ]);
  });

  it('waits as long as Retry-After says (seconds)', async () => {
    let seed = 0;
    while (planFault(`retry-after-${seed}`, 'GET', '/api/me', 1)?.kind !== 'status-429'
      || planFault(`retry-after-${seed}`, 'GET', '/api/me', 2) !== null) seed += 1;
    const running = await platform({ snapshot: publicCases, faultSeed: `retry-after-${seed}` });
    const started = Date.now();
    await client(running.url).signIn();
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(running.stats().byPath.get('GET /api/me')).toBe(2);
  });

  it('waits as long as Retry-After says (HTTP date), and caps a long wait', async () => {
    const times: number[] = [];
    const busy = await tiny((_req, res) => {
      times.push(Date.now());
      if (times.length === 1) {
        sendJson(res, 503, { error: 'busy' }, { 'retry-after': new Date(Date.now() + 2000).toUTCString() });
      } else if (times.length === 2) {
        sendJson(res, 429, { error: 'busy' }, { 'retry-after': '3600' });
      } else {
        sendJson(res, 200, SAMPLE_ME);
      }
    });
    const patient = client(busy.url, {
      credentials: { kind: 'cookies', cookiesTxt: cookiesTxt('127.0.0.1', 'x') },
      retryPolicy: { ...DEFAULT_RETRY_POLICY, maxRetryAfterMs: 1500 },
    });
    expect(await patient.signIn()).toEqual(SAMPLE_ME);
    const [first = 0, second = 0, third = 0] = times;
    // An HTTP date has whole seconds: "in 2 s" may be a little over 1 s away.
    expect(second - first).toBeGreaterThanOrEqual(1000);
    expect(third - second).toBeGreaterThanOrEqual(1500);
    expect(third - second).toBeLessThan(3000);
  });

  it('gives up on a platform that keeps failing, with a clear error', async () => {
    const broken = await tiny((_req, res) => sendJson(res, 500, { error: 'down' }));
    const error = await failure(
      client(broken.url, {
        credentials: { kind: 'cookies', cookiesTxt: cookiesTxt('127.0.0.1', 'x') },
        retryPolicy: { ...DEFAULT_RETRY_POLICY, baseDelayMs: 10, maxDelayMs: 20 },
      }).signIn(),
    );
    expect(error).toMatchObject({ code: 'PLATFORM_SERVER_ERROR', status: 500 });
    expect(broken.requests).toHaveLength(DEFAULT_RETRY_POLICY.maxAttempts);
  });

  it('refuses an HTML body larger than the cap without reading it all', async () => {
    const huge = await tiny((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(40 * 1024 * 1024) });
      res.write('<p>'.padEnd(64 * 1024, 'x'));
    });
    const error = await failure(client(huge.url).fetchContent('i-1'));
    expect(error).toBeInstanceOf(ContentTooLargeError);
    expect(error.message).toContain('32 MB');
  });
});

describe('concurrency and cancellation', () => {
  it('keeps at most `concurrency` requests in flight', async () => {
    let inFlight = 0;
    let most = 0;
    const slow = await tiny((_req, res) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      setTimeout(() => {
        inFlight -= 1;
        sendJson(res, 200, { activity: [], next: null });
      }, 20);
    });
    const limited = client(slow.url, { concurrency: 3 });
    await Promise.all(
      Array.from({ length: 12 }, async (_, index) => {
        for await (const entry of limited.listActivity(`s-${index}`)) void entry;
      }),
    );
    expect(slow.requests).toHaveLength(12);
    expect(most).toBe(3);
  });

  it('stops a request in flight, one waiting for a slot, and one waiting to retry', async () => {
    let arrived: () => void = () => undefined;
    const firstArrival = new Promise<void>((resolve) => {
      arrived = resolve;
    });
    const hanging = await tiny((req, res) => {
      if (req.url?.startsWith('/api/spaces/retry')) {
        sendJson(res, 503, { error: 'later' }, { 'retry-after': '30' });
        return;
      }
      arrived();
      // Never answers.
      void res;
    });
    const controller = new AbortController();
    const cancellable = client(hanging.url, { concurrency: 1, signal: controller.signal });
    const drain = async (iterable: AsyncIterable<unknown>) => {
      for await (const entry of iterable) void entry;
    };
    const inFlight = failure(drain(cancellable.listSpaces()));
    const queued = failure(drain(cancellable.listActivity('g-a')));
    await firstArrival;
    const second = createPlatformClient({
      baseUrl: hanging.url, credentials: PASSWORD_CREDENTIALS, signal: controller.signal,
    });
    cleanups.push(() => second.close());
    const retrying = failure(drain(second.listActivity('retry')));
    while (hanging.requests.filter((request) => request.line.includes('retry')).length === 0) {
      await new Promise((resolve) => setImmediate(resolve));
    }

    const started = Date.now();
    controller.abort();
    const errors = await Promise.all([inFlight, queued, retrying]);
    expect(Date.now() - started).toBeLessThan(1000);
    for (const error of errors) {
      expect(error).toBeInstanceOf(AbortedError);
      expect(error.name).toBe('AbortError');
    }
    expect(await failure(cancellable.me())).toBeInstanceOf(AbortedError);
    expect(hanging.requests.filter((request) => request.line.startsWith('GET /api/spaces/g-a'))).toHaveLength(0);
  });

  it('stops an open download when the client closes', async () => {
    const running = await platform({ snapshot: big });
    const downloading = client(running.url);
    await downloading.signIn();
    const opened = await downloading.openFile('/files/f-big-5/album%205.jpg');
    const reading = failure(sha256Of(opened.stream));
    await downloading.close();
    expect(await reading).toBeInstanceOf(AbortedError);
  });
});

describe('the session cookie stays with the platform', () => {
  it('refuses paths that lead to another host or port', async () => {
    const running = await platform({ snapshot: publicCases });
    const spy = await tiny((_req, res) => sendJson(res, 200, {}));
    const platformClient = client(running.url);
    await platformClient.signIn();
    for (const path of [
      `http://localhost:${spy.port}/files/x`,
      `http://127.0.0.1:${spy.port}/files/x`,
      `//127.0.0.1:${spy.port}/files/x`,
      `/\\127.0.0.1:${spy.port}/files/x`,
      'files/i-a5/poster.jpg',
    ]) {
      expect(await failure(platformClient.openFile(path))).toBeInstanceOf(OffPlatformLinkError);
    }
    expect(spy.requests).toEqual([]);
  });

  it('follows a redirect that stays on the platform', async () => {
    const moved = await tiny((req, res) => {
      if (req.url === '/api/me') {
        res.writeHead(301, { location: '/api/v2/me' });
        res.end();
      } else {
        sendJson(res, 200, SAMPLE_ME);
      }
    });
    const file = cookiesTxt('127.0.0.1', 'kept');
    expect(await client(moved.url, { credentials: { kind: 'cookies', cookiesTxt: file } }).signIn()).toEqual(SAMPLE_ME);
    expect(moved.requests).toEqual([
      { line: 'GET /api/me', cookie: 'session=kept' },
      { line: 'GET /api/v2/me', cookie: 'session=kept' },
    ]);
  });

  it('does not follow a redirect to another host name or port', async () => {
    const otherName = await tiny((_req, res) => sendJson(res, 200, SAMPLE_ME), 'localhost');
    const otherPort = await tiny((_req, res) => sendJson(res, 200, SAMPLE_ME));
    const redirecting = await tiny((req, res) => {
      if (req.method === 'POST' && req.url === '/login') {
        res.writeHead(303, { location: '/', 'set-cookie': 'session=secret-token; HttpOnly; Path=/' });
        res.end();
      } else if (req.url === '/api/me') {
        res.writeHead(302, { location: `http://localhost:${otherName.port}/api/me` });
        res.end();
      } else if (req.url === '/api/spaces') {
        res.writeHead(307, { location: `http://127.0.0.1:${otherPort.port}/api/spaces` });
        res.end();
      } else {
        sendJson(res, 404, {});
      }
    });
    const platformClient = client(redirecting.url);
    const error = await failure(platformClient.signIn());
    expect(error).toMatchObject({ code: 'NOT_A_PLATFORM', sign: 'redirected-elsewhere' });
    const listing = await failure((async () => { for await (const space of platformClient.listSpaces()) void space; })());
    expect(listing).toMatchObject({ code: 'NOT_A_PLATFORM', sign: 'redirected-elsewhere' });
    expect(redirecting.requests.find((request) => request.line === 'GET /api/me')?.cookie).toBe('session=secret-token');
    expect(otherName.requests).toEqual([]);
    expect(otherPort.requests).toEqual([]);
  });

  it('sends cookies of a cookies.txt only to the host they belong to', async () => {
    const api = await tiny((_req, res) => sendJson(res, 200, SAMPLE_ME));
    const file = cookiesTxt('127.0.0.1', 'for-platform', [
      'localhost\tFALSE\t/\tFALSE\t0\tsession\tfor-localhost',
      '.example.org\tTRUE\t/\tFALSE\t0\tother\tfor-example',
    ]);
    await client(api.url, { credentials: { kind: 'cookies', cookiesTxt: file } }).signIn();
    expect(api.requests.map((request) => request.cookie)).toEqual(['session=for-platform']);
  });

  it('never names the cookie or password in an error', async () => {
    const running = await platform({ snapshot: big, expireAfter: 2 });
    const token = await browserSession(running.url);
    const cookieClient = client(running.url, { credentials: { kind: 'cookies', cookiesTxt: cookiesTxt('127.0.0.1', token) } });
    const errors = [
      await failure(listEverything(cookieClient)),
      await failure(cookieClient.signIn()),
      await failure(client(running.url, { credentials: { kind: 'password', login: LOGIN, password: 'p4ssw0rd!' } }).signIn()),
    ];
    expect(errors.map((error) => (error as { code?: string }).code)).toEqual([
      'SESSION_EXPIRED', 'SIGN_IN_FAILED', 'SIGN_IN_FAILED',
    ]);
    for (const error of errors) {
      const told = JSON.stringify({ message: error.message, detail: (error as { detail?: unknown }).detail });
      expect(told).not.toContain(token);
      expect(told).not.toContain('p4ssw0rd');
    }
  });

  it('reads an item body from its own content path only', async () => {
    const running = await platform({ snapshot: publicCases });
    const platformClient = client(running.url);
    await platformClient.signIn();
    expect(contentPath('i-a1')).toBe('/content/i-a1');
    expect(await failure(platformClient.fetchContent('../api/me'))).toBeInstanceOf(NotFoundError);
  });
});
