import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { ScannedItem } from '../../shared/inventory.ts';
import { stageItem, type ItemFetcher } from '../../electron/core/jobs/stage-item.ts';
import { StagingArea } from '../../electron/core/jobs/staging-area.ts';
import { useTempDirs } from '../helpers/temp-dir.ts';

const tempDir = useTempDirs();
const sha = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');
const BODY = '<p>Dag 1: we leerden veel.</p>';
const FILE = Buffer.from('generated file bytes '.repeat(500));
/** Large enough to be downloaded resumably to a file of its own. */
const BIG = Buffer.alloc(1024 * 1024 + 10, 7);

function fetcher() {
  const calls: string[] = [];
  const fake: ItemFetcher = {
    fetchContent: async (itemId) => { calls.push(`content ${itemId}`); return BODY; },
    openFile: async (urlPath) => {
      calls.push(`file ${urlPath}`);
      const bytes = urlPath.startsWith('/files/f-big/') ? BIG : FILE;
      return { status: 200, stream: Readable.from([bytes]), size: bytes.length, etag: '"e1"', lastModified: null, start: 0 };
    },
  };
  return { fake, calls };
}

const page = { id: 'p-1', hasBody: true, file: null } as ScannedItem;
const material = { id: 'f-1', hasBody: false, url: null, file: { name: 'a.txt', mediaType: 'text/plain', size: FILE.length, sha256: sha(FILE) } } as ScannedItem;

/**
 * A staging area that keeps up to `memoryBytes` in memory (none: everything is read back from
 * disk); in `dir`, the folder an earlier run left.
 */
async function area(memoryBytes = 0, dir?: string): Promise<StagingArea> {
  const staging = new StagingArea(dir === undefined ? await tempDir() : path.dirname(path.dirname(dir)), 'job-1', memoryBytes);
  await mkdir(staging.dir, { recursive: true });
  await staging.findEarlier();
  return staging;
}

describe('staging an item', () => {
  it('keeps a body from an earlier run without fetching it again', async () => {
    const staging = await area();
    const first = fetcher();
    const staged = await stageItem(first.fake, staging, page, {});
    expect(staged).toMatchObject({ smallFile: null, filePath: null, problem: null, bodySize: Buffer.byteLength(BODY) });
    expect((await staged.body?.read())?.toString('utf8')).toBe(BODY);
    staging.close();

    const again = fetcher();
    const resumed = await area(0, staging.dir);
    const kept = await stageItem(again.fake, resumed, page, {});
    expect((await kept.body?.read())?.toString('utf8')).toBe(BODY);
    expect(again.calls).toEqual([]);
    resumed.close();
  });

  it('fetches again a small file whose staged bytes are not the announced ones, and a large file a crash left short', async () => {
    const staging = await area();
    const wrong = Buffer.from(FILE);
    wrong[0] = 0;
    staging.keep('file', 'f-1', wrong);
    staging.close();
    const big = { ...material, id: 'f-big', file: { ...material.file, size: BIG.length, sha256: sha(BIG) } } as ScannedItem;
    const resumed = await area(0, staging.dir);
    await writeFile(resumed.filePath('f-big'), BIG.subarray(0, 100));
    await resumed.findEarlier();
    const { fake, calls } = fetcher();
    const small = await stageItem(fake, resumed, material, {});
    const large = await stageItem(fake, resumed, big, {});
    expect(calls).toEqual(['file /files/f-1/a.txt', 'file /files/f-big/a.txt']);
    expect((await small.smallFile?.read())?.equals(FILE)).toBe(true);
    expect(large.smallFile).toBeNull();
    expect((await readFile(large.filePath ?? '')).equals(BIG)).toBe(true);
    resumed.close();
  });

  it('keeps a copy of bodies and small files in memory while they fit the budget, and every one in the log', async () => {
    const bodyBytes = Buffer.byteLength(BODY);
    const staging = await area(bodyBytes + FILE.length);
    const { fake } = fetcher();
    const body = await stageItem(fake, staging, page, {});
    const file = await stageItem(fake, staging, material, {});
    expect(staging.memory.held).toBe(bodyBytes + FILE.length);
    expect((await stageItem(fake, staging, { ...page, id: 'p-2' }, {})).body?.size).toBe(bodyBytes);
    expect(staging.memory.held).toBe(bodyBytes + FILE.length);
    await staging.release('p-1', null);
    expect(staging.memory.held).toBe(FILE.length);
    staging.close();

    // Everything staged is in the log for a run that resumes.
    const resumed = await area(0, staging.dir);
    expect((await resumed.earlier('body', 'p-2')?.read())?.toString('utf8')).toBe(BODY);
    expect((await resumed.earlier('file', 'f-1')?.read())?.equals(FILE)).toBe(true);
    expect((await file.smallFile?.read())?.equals(FILE)).toBe(true);
    expect(body.filePath).toBeNull();
    resumed.close();
  });
});
