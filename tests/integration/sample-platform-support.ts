import { request, type IncomingHttpHeaders } from 'node:http';
import { generatedBytes } from '../../electron/core/sample-platform/generated-content.ts';
import type {
  Snapshot, SnapshotItem, SnapshotSpace,
} from '../../electron/core/sample-platform/snapshot-schema.ts';

/** A snapshot that exercises the sample platform: long lists, every kind of file, two accounts. */
export function testSnapshot(): Snapshot {
  const bigItems: SnapshotItem[] = Array.from({ length: 250 }, (_, index) => ({
    id: `i-big-${String(index).padStart(3, '0')}`,
    owner: index % 3 === 0 ? 'u2' : 'u1',
    space: 's-big',
    type: 'page',
    title: `Page ${index}`,
    createdAt: new Date(Date.UTC(2019, 0, 1) + index * 3_600_000).toISOString(),
    ...(index % 2 === 0 ? { body: `<p>Page ${index}</p>` } : {}),
  }));
  const bigActivity: SnapshotSpace['activity'] = Array.from({ length: 130 }, (_, index) => {
    const at = new Date(Date.UTC(2020, 0, 1) + index * 86_400_000).toISOString();
    return index % 2 === 0 ? at : { at, kind: 'forum' as const };
  });
  return {
    format: 'legacy-platform-snapshot/1',
    accounts: [
      { id: 'u1', login: 'an.peeters', password: 'demo', name: 'An Peeters',
        email: 'an.peeters@school.example', hasEtwinningAccount: true, hasSegAccount: false },
      { id: 'u2', login: 'bo.jansen', password: 'secret', name: 'Bo <Jansen>',
        email: 'bo@school.example', hasEtwinningAccount: true, hasSegAccount: true },
    ],
    spaces: [
      { id: 's-big', kind: 'group', title: 'Big group', createdAt: '2016-09-01T10:00:00+02:00',
        members: ['u1'], activity: bigActivity },
      { id: 's-files', kind: 'twinspace', title: 'Files “and” names', createdAt: '2019-09-01T08:00:00Z',
        members: ['u1', 'u2'], activity: ['2020-03-01T08:00:00Z'], projectId: 'p-1',
        migrationRequest: 'requested' },
      { id: 's-private', kind: 'group', title: 'Not for An', createdAt: '2018-01-01T00:00:00Z',
        members: ['u2'], activity: [] },
    ],
    items: [
      ...bigItems,
      { id: 'f-text', owner: 'u1', space: 's-files', type: 'material', title: 'Notes',
        createdAt: '2020-01-01T10:00:00Z', updatedAt: '2020-02-01T10:00:00Z',
        file: { name: 'notes.txt', mediaType: 'text/plain; charset=utf-8',
          content: { kind: 'text', text: 'héllo, wörld\n' } } },
      { id: 'f-b64', owner: 'u2', space: 's-files', type: 'material', title: 'Pixel',
        createdAt: '2020-01-02T10:00:00Z',
        file: { name: 'pixel.png', mediaType: 'image/png',
          content: { kind: 'base64', data: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 255]).toString('base64') } } },
      { id: 'f-gen', owner: 'u1', space: 's-files', type: 'material', title: 'Album',
        createdAt: '2020-01-03T10:00:00Z', updatedAt: '2021-05-06T07:08:09Z', parent: 'f-page',
        file: { name: 'zomer/été #1?.jpg', mediaType: 'image/jpeg',
          content: { kind: 'generated', seed: 'album', size: 300_000 } } },
      { id: 'f-tiny', owner: 'u1', space: 's-files', type: 'material', title: 'Tiny',
        createdAt: '2020-01-04T10:00:00Z',
        file: { name: 'tiny.bin', mediaType: 'application/octet-stream',
          content: { kind: 'generated', seed: 'tiny', size: 1 } } },
      { id: 'f-empty', owner: 'u1', space: 's-files', type: 'material', title: 'Empty',
        createdAt: '2020-01-05T10:00:00Z',
        file: { name: 'empty.bin', mediaType: 'application/octet-stream',
          content: { kind: 'generated', seed: 'empty', size: 0 } } },
      { id: 'f-page', owner: 'u2', space: 's-files', type: 'page', title: 'Rivers ✓',
        createdAt: '2020-01-06T10:00:00Z', body: '<h1>Rivers ✓</h1><p><a href="/files/f-gen/zomer%2F%C3%A9t%C3%A9%20%231%3F.jpg">album</a></p>' },
      { id: 'f-both', owner: 'u1', space: 's-files', type: 'journal-entry', title: 'Diary',
        createdAt: '2020-01-07T10:00:00Z', body: '<p>Diary with attachment</p>',
        file: { name: 'diary.txt', mediaType: 'text/plain', content: { kind: 'text', text: 'day one' } } },
      { id: 'p-1', owner: 'u2', space: 's-private', type: 'page', title: 'Private page',
        createdAt: '2020-01-01T00:00:00Z', body: '<p>private</p>' },
      { id: 'p-2', owner: 'u2', space: 's-private', type: 'material', title: 'Private file',
        createdAt: '2020-01-01T00:00:00Z',
        file: { name: 'secret.bin', mediaType: 'application/octet-stream',
          content: { kind: 'generated', seed: 'secret', size: 64 } } },
      { id: 'me-1', owner: 'u1', space: null, type: 'profile', title: 'An Peeters',
        createdAt: '2015-01-10T10:00:00Z' },
      { id: 'me-2', owner: 'u1', space: null, type: 'photo', title: 'Class photo',
        createdAt: '2015-02-10T10:00:00Z', origin: 'etwinning',
        file: { name: 'class.jpg', mediaType: 'image/jpeg',
          content: { kind: 'generated', seed: 'class', size: 5000 } } },
      { id: 'me-3', owner: 'u1', space: null, type: 'message', title: 'Hello',
        createdAt: '2016-02-10T10:00:00Z', body: '<p>Hello An</p>' },
      { id: 'me-4', owner: 'u1', space: null, type: 'event', title: 'Conference',
        createdAt: '2017-02-10T10:00:00Z', organizer: 'nso', origin: 'seg' },
      { id: 'other-1', owner: 'u2', space: null, type: 'message', title: 'For Bo',
        createdAt: '2016-02-10T10:00:00Z', body: '<p>Hello Bo</p>' },
      { id: 'other-2', owner: 'u2', space: null, type: 'photo', title: 'Bo photo',
        createdAt: '2016-02-10T10:00:00Z',
        file: { name: 'bo.jpg', mediaType: 'image/jpeg',
          content: { kind: 'generated', seed: 'bo', size: 100 } } },
    ],
  };
}

/** The bytes a file item must be served with. */
export function expectedFileBytes(item: SnapshotItem): Buffer {
  const content = item.file?.content;
  if (content === undefined) throw new Error(`${item.id} has no file`);
  switch (content.kind) {
    case 'text':
      return Buffer.from(content.text, 'utf8');
    case 'base64':
      return Buffer.from(content.data, 'base64');
    case 'generated':
      return generatedBytes(content.seed, content.size);
  }
}

/** Signs in and returns the `session=…` cookie pair to send back. */
export async function signIn(baseUrl: string, login = 'an.peeters', password = 'demo'): Promise<string> {
  const response = await fetch(`${baseUrl}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ login, password }).toString(),
  });
  await response.arrayBuffer();
  const cookie = response.headers.get('set-cookie');
  if (response.status !== 303 || cookie === null) throw new Error(`sign-in answered ${response.status}`);
  return cookie.split(';')[0] ?? '';
}

export interface RawAnswer {
  /** 0 when the connection failed before a response arrived. */
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** Whether the whole body arrived. */
  complete: boolean;
  error: string | null;
  elapsedMs: number;
}

/** One request on a fresh connection, reporting resets and short bodies instead of throwing. */
export function rawRequest(
  baseUrl: string,
  path: string,
  options: { method?: string; headers?: Record<string, string> } = {},
): Promise<RawAnswer> {
  const started = performance.now();
  return new Promise((resolve) => {
    const req = request(`${baseUrl}${path}`, {
      method: options.method ?? 'GET', headers: options.headers ?? {}, agent: false,
    }, (res) => {
      const chunks: Buffer[] = [];
      let error: string | null = null;
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', (cause: NodeJS.ErrnoException) => { error = cause.code ?? cause.message; });
      res.on('close', () => resolve({
        status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks),
        complete: res.complete && error === null, error, elapsedMs: performance.now() - started,
      }));
    });
    req.on('error', (cause: NodeJS.ErrnoException) => resolve({
      status: 0, headers: {}, body: Buffer.alloc(0), complete: false,
      error: cause.code ?? cause.message, elapsedMs: performance.now() - started,
    }));
    req.end();
  });
}
