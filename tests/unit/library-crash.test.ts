import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { listArchives } from '../../electron/core/library/archives-repository.ts';
import { findItem } from '../../electron/core/library/items-repository.ts';
import { jobItems } from '../../electron/core/library/job-items-repository.ts';
import { search } from '../../electron/core/library/search.ts';
import { useTempLibraries } from './library-temp.ts';

const temp = useTempLibraries();
const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');

describe('a crash in the middle of a transaction', () => {
  it('leaves a consistent library holding only committed rows', async () => {
    const file = path.join(temp.folder(), 'library.sqlite');
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'library-crash-writer.ts'), file], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const [code, signal] = (await once(child, 'exit')) as [number | null, NodeJS.Signals | null];

    expect({ code, signal }, stderr).toEqual({ code: null, signal: 'SIGKILL' });
    expect(stdout).toBe('in-transaction\n');
    // The uncommitted pages did reach the WAL, so reopening really exercises recovery.
    const walBytes = existsSync(`${file}-wal`) ? statSync(`${file}-wal`).size : 0;
    console.log(`crash test: WAL left behind by the killed writer: ${(walBytes / 1_048_576).toFixed(1)} MB`);
    expect(walBytes).toBeGreaterThan(1_000_000);

    const library = temp.open(file);
    expect(library.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(() => library.db.prepare("INSERT INTO items_fts (items_fts, rank) VALUES ('integrity-check', 1)").run()).not.toThrow();
    expect(library.db.prepare('SELECT count(*) AS n FROM items').get()).toEqual({ n: 1_000 });
    expect(library.db.prepare("SELECT count(*) AS n FROM items WHERE id LIKE 'uncommitted-%'").get()).toEqual({ n: 0 });
    expect(listArchives(library)).toEqual([]);
    expect(findItem(library, { itemId: 'committed-7' })).toMatchObject({ archiveId: null, entryPath: null, sha256: null });
    expect(search(library, 'verloren')).toEqual([]);
    expect(search(library, 'onafgemaakt')).toEqual([]);
    expect(search(library, 'bewaard verslag 7')[0]?.itemId).toBe('committed-7');
    expect(jobItems(library, 'job-1', 'pending')).toHaveLength(1_000);
    expect(jobItems(library, 'job-1', 'packed')).toHaveLength(0);
  });
});
