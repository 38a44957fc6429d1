import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
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

function fetcher() {
  const calls: string[] = [];
  const fake: ItemFetcher = {
    fetchContent: async (itemId) => { calls.push(`content ${itemId}`); return BODY; },
    openFile: async (urlPath) => {
      calls.push(`file ${urlPath}`);
      return { status: 200, stream: Readable.from([FILE]), size: FILE.length, etag: null, lastModified: null, start: 0 };
    },
  };
  return { fake, calls };
}

const page = { id: 'p-1', hasBody: true, file: null } as ScannedItem;
const material = { id: 'f-1', hasBody: false, url: null, file: { name: 'a.txt', mediaType: 'text/plain', size: FILE.length, sha256: sha(FILE) } } as ScannedItem;

/** A staging area that keeps up to `memoryBytes` in memory (none: everything goes to disk). */
async function area(memoryBytes = 0): Promise<StagingArea> {
  const staging = new StagingArea(await tempDir(), 'job-1', memoryBytes);
  await mkdir(staging.dir, { recursive: true });
  return staging;
}

describe('staging an item', () => {
  it('names a body by its hash, and keeps a whole one from an earlier run without fetching it again', async () => {
    const staging = await area();
    const first = fetcher();
    const staged = await stageItem(first.fake, staging, page, {});
    expect(staged).toEqual({ bodyPath: staging.bodyPath('p-1', sha(BODY)), filePath: null, body: null, fileBytes: null, problem: null, bodySize: Buffer.byteLength(BODY) });
    expect(await readFile(staged.bodyPath ?? '', 'utf8')).toBe(BODY);

    await staging.findEarlier();
    const again = fetcher();
    expect(await stageItem(again.fake, staging, page, {})).toEqual(staged);
    expect(again.calls).toEqual([]);
  });

  it('fetches again a body or a file that a crash left short or damaged, and deletes the damaged copy', async () => {
    const staging = await area();
    const damagedBody = staging.bodyPath('p-1', sha(BODY));
    await writeFile(damagedBody, BODY.slice(0, 10));
    await writeFile(staging.filePath('f-1'), Buffer.concat([FILE.subarray(0, 100), Buffer.alloc(FILE.length - 100)]));
    await staging.findEarlier();
    const { fake, calls } = fetcher();
    const body = await stageItem(fake, staging, page, {});
    const file = await stageItem(fake, staging, material, {});
    expect(calls).toEqual(['content p-1', 'file /files/f-1/a.txt']);
    expect(await readFile(body.bodyPath ?? '', 'utf8')).toBe(BODY);
    expect((await readFile(file.filePath ?? '')).equals(FILE)).toBe(true);
    expect((await readdir(staging.dir)).sort()).toEqual([path.basename(damagedBody), path.basename(staging.filePath('f-1'))].sort());
  });

  it('keeps a copy of bodies and small files in memory while they fit the budget, and every one on disk', async () => {
    const bodyBytes = Buffer.byteLength(BODY);
    const staging = await area(bodyBytes + FILE.length);
    const { fake } = fetcher();
    const body = await stageItem(fake, staging, page, {});
    const file = await stageItem(fake, staging, material, {});
    expect(body.body?.toString('utf8')).toBe(BODY);
    expect(file.fileBytes?.equals(FILE)).toBe(true);
    expect(staging.memory.held).toBe(bodyBytes + FILE.length);
    // On disk as well, for a run that resumes after a crash.
    expect(await readFile(body.bodyPath ?? '', 'utf8')).toBe(BODY);
    expect((await readFile(file.filePath ?? '')).equals(FILE)).toBe(true);

    const pastBudget = await stageItem(fake, staging, { ...page, id: 'p-2' }, {});
    expect(pastBudget.body).toBeNull();
    expect(await readFile(pastBudget.bodyPath ?? '', 'utf8')).toBe(BODY);
    staging.memory.give(bodyBytes);
    expect((await stageItem(fake, staging, { ...page, id: 'p-3' }, {})).body?.toString('utf8')).toBe(BODY);
  });
});
