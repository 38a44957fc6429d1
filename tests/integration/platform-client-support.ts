import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Readable } from 'node:stream';
import type { ActivityEntry, ItemMetadata, Me, SpaceSummary } from '../../shared/platform-api.ts';
import type { PlatformClient } from '../../electron/core/platform-client/platform-client.ts';
import type { Snapshot, SnapshotItem, SnapshotSpace } from '../../electron/core/sample-platform/snapshot-schema.ts';

export const LOGIN = 'an.peeters';
export const PASSWORD = 'demo';

/**
 * The public cases grown past one page everywhere: 112 spaces, a space with 250 items and 130
 * activity entries, 121 personal items, and a space of another account (for 403).
 */
export function bigSnapshot(publicCases: Snapshot): Snapshot {
  const extraSpaces: SnapshotSpace[] = Array.from({ length: 105 }, (_, index) => ({
    id: `g-extra-${String(index).padStart(3, '0')}`,
    kind: 'group',
    title: `Extra group ${index}`,
    createdAt: '2017-01-01T00:00:00Z',
    members: ['u1'],
    activity: index % 4 === 0 ? [] : ['2021-01-01T00:00:00Z'],
  }));
  const bigActivity: SnapshotSpace['activity'] = Array.from({ length: 130 }, (_, index) => {
    const at = new Date(Date.UTC(2019, 0, 1) + index * 86_400_000).toISOString();
    return index % 2 === 0 ? at : { at, kind: 'forum' as const };
  });
  const bigItems: SnapshotItem[] = Array.from({ length: 250 }, (_, index) => ({
    id: `i-big-${String(index).padStart(3, '0')}`,
    owner: 'u1',
    space: 'g-big',
    type: 'page',
    title: `Page ${index}`,
    createdAt: new Date(Date.UTC(2019, 0, 1) + index * 3_600_000).toISOString(),
    body: `<p>Page ${index} ✓</p>`,
  }));
  const personal: SnapshotItem[] = Array.from({ length: 110 }, (_, index) => ({
    id: `me-extra-${String(index).padStart(3, '0')}`,
    owner: 'u1',
    space: null,
    type: 'contact',
    title: `Contact ${index}`,
    createdAt: '2018-01-01T00:00:00Z',
  }));
  const files: SnapshotItem[] = Array.from({ length: 6 }, (_, index) => ({
    id: `f-big-${index}`,
    owner: 'u1',
    space: 'g-big',
    type: 'material',
    title: `Album ${index}`,
    createdAt: '2020-01-01T00:00:00Z',
    file: {
      name: `album ${index}.jpg`,
      mediaType: 'image/jpeg',
      content: { kind: 'generated', seed: `album-${index}`, size: 150_000 + index * 10_000 },
    },
  }));
  return {
    ...publicCases,
    accounts: [
      ...publicCases.accounts,
      { id: 'u2', login: 'bo.jansen', password: 'secret', name: 'Bo Jansen', email: 'bo@school.example',
        hasEtwinningAccount: true, hasSegAccount: false },
    ],
    spaces: [
      ...publicCases.spaces,
      { id: 'g-big', kind: 'group', title: 'Big group', createdAt: '2016-09-01T10:00:00+02:00',
        members: ['u1'], activity: bigActivity },
      { id: 'g-private', kind: 'group', title: 'Not for An', createdAt: '2018-01-01T00:00:00Z',
        members: ['u2'], activity: [] },
      ...extraSpaces,
    ],
    items: [
      ...publicCases.items,
      ...bigItems,
      ...files,
      ...personal,
      { id: 'p-private', owner: 'u2', space: 'g-private', type: 'page', title: 'Private',
        createdAt: '2020-01-01T00:00:00Z', body: '<p>private</p>' },
    ],
  };
}

export interface Listing {
  me: Me;
  spaces: SpaceSummary[];
  activity: Record<string, ActivityEntry[]>;
  spaceItems: Record<string, ItemMetadata[]>;
  personalItems: ItemMetadata[];
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const entry of iterable) all.push(entry);
  return all;
}

/** Signs in and lists everything, all spaces at once so the client's limiter does the pacing. */
export async function listEverything(client: PlatformClient): Promise<Listing> {
  const me = await client.signIn();
  const spaces = await collect(client.listSpaces());
  const [perSpace, personalItems] = await Promise.all([
    Promise.all(
      spaces.map(async (space) => {
        const [activity, items] = await Promise.all([
          collect(client.listActivity(space.id)),
          collect(client.listSpaceItems(space.id)),
        ]);
        return { id: space.id, activity, items };
      }),
    ),
    collect(client.listPersonalItems()),
  ]);
  return {
    me,
    spaces,
    activity: Object.fromEntries(perSpace.map((space) => [space.id, space.activity])),
    spaceItems: Object.fromEntries(perSpace.map((space) => [space.id, space.items])),
    personalItems,
  };
}

/** The pages `listEverything` asks for that answer 200: /api/me, then every list's pages. */
export function pagesOf(listing: Listing): number {
  const pages = (count: number) => Math.max(1, Math.ceil(count / 100));
  let total = 1 + pages(listing.spaces.length) + pages(listing.personalItems.length);
  for (const space of listing.spaces) {
    total += pages(listing.activity[space.id]?.length ?? 0) + pages(listing.spaceItems[space.id]?.length ?? 0);
  }
  return total;
}

export async function sha256Of(stream: Readable): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of stream) {
    const buffer = chunk as Buffer;
    bytes += buffer.length;
    hash.update(buffer);
  }
  return { sha256: hash.digest('hex'), bytes };
}

/**
 * Downloads a file the way an archive job would: when the body breaks off, it opens the file
 * again from the first missing byte, with If-Range, and starts over if the file changed.
 */
export async function downloadWithResume(
  client: PlatformClient,
  path: string,
  maxOpens = 6,
): Promise<{ sha256: string; bytes: number; opens: number }> {
  let chunks: Buffer[] = [];
  let held = 0;
  let etag: string | null = null;
  for (let opens = 1; opens <= maxOpens; opens += 1) {
    const opened = await client.openFile(path, { start: held, ...(etag !== null && held > 0 ? { ifRange: etag } : {}) });
    if (opened.start !== held) {
      chunks = [];
      held = 0;
    }
    etag = opened.etag;
    try {
      for await (const chunk of opened.stream) {
        const buffer = chunk as Buffer;
        chunks.push(buffer);
        held += buffer.length;
      }
      if (held === opened.size) {
        const all = Buffer.concat(chunks);
        return { sha256: createHash('sha256').update(all).digest('hex'), bytes: all.length, opens };
      }
    } catch (error) {
      if ((error as { code?: string }).code !== 'PLATFORM_UNREACHABLE') throw error;
    }
  }
  throw new Error(`${path} could not be downloaded in ${maxOpens} opens.`);
}

export interface TinyServer {
  url: string;
  port: number;
  /** Every request as `METHOD /path`, with the Cookie header it carried. */
  requests: { line: string; cookie: string | undefined }[];
  close(): Promise<void>;
}

/** A small node:http server for answers the sample platform never gives. */
export async function startTinyServer(
  handler: (req: IncomingMessage, res: ServerResponse) => void,
  host = '127.0.0.1',
): Promise<TinyServer> {
  const requests: TinyServer['requests'] = [];
  const server: Server = createServer((req, res) => {
    requests.push({ line: `${req.method ?? ''} ${req.url ?? ''}`, cookie: req.headers.cookie });
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  const urlHost = host === '127.0.0.1' ? '127.0.0.1' : 'localhost';
  return {
    url: `http://${urlHost}:${port}`,
    port,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

export function sendJson(res: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}): void {
  const body = Buffer.from(JSON.stringify(value));
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': body.length, ...headers });
  res.end(body);
}

export const SAMPLE_ME: Me = {
  id: 'u1', name: 'An Peeters', email: 'an.peeters@school.example', hasEtwinningAccount: true, hasSegAccount: false,
};

/** A Netscape cookies.txt with one session cookie for `host` (and noise the client must skip). */
export function cookiesTxt(host: string, token: string, extraLines: string[] = []): string {
  return [
    '# Netscape HTTP Cookie File',
    '# This is a generated file! Do not edit.',
    '',
    `#HttpOnly_${host}\tFALSE\t/\tFALSE\t0\tsession\t${token}`,
    '.unrelated.example\tTRUE\t/\tFALSE\t0\ttracker\tabc',
    'a malformed line',
    ...extraLines,
  ].join('\n');
}
