import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import {
  bulkAccounts, setBulkAccountState, startBulkAccount, upsertBulkAccounts, type PlannedBulkAccount,
} from '../../electron/core/library/bulk-accounts-repository.ts';
import { createJob, getJob } from '../../electron/core/library/jobs-repository.ts';
import { migrate, userVersion } from '../../electron/core/library/migrations/index.ts';
import { useTempLibraries } from './library-temp.ts';

const temp = useTempLibraries();

const planned = (position: number, login: string, outDir: string, spaces: string[] | null = null): PlannedBulkAccount => ({
  position, line: position + 1, login, euLoginEmail: null, spaces, outDir,
});

describe('migration 2: bulk accounts', () => {
  it('adds the queue to a version 1 library and keeps what was there', () => {
    const file = path.join(temp.folder(), 'library.sqlite');
    const db = new BetterSqlite3(file);
    expect(migrate(db, { to: 1 })).toBe(1);
    db.prepare("INSERT INTO jobs VALUES ('archive-1', 'archive', '{\"outDir\":\"/x\"}', 'running', 'then', 'then', NULL)").run();
    db.prepare("INSERT INTO job_items (job_id, item_id, archive_key, state) VALUES ('archive-1', 'i-1', 'g-1', 'staged')").run();
    expect(() => db.prepare('SELECT * FROM bulk_accounts').all()).toThrow(/no such table/);

    expect(migrate(db, { to: 2 })).toBe(2);
    expect(userVersion(db)).toBe(2);
    expect(db.prepare('SELECT id, status FROM jobs').all()).toEqual([{ id: 'archive-1', status: 'running' }]);
    expect(db.prepare('SELECT item_id, state FROM job_items').all()).toEqual([{ item_id: 'i-1', state: 'staged' }]);
    expect(db.prepare('SELECT count(*) AS n FROM bulk_accounts').get()).toEqual({ n: 0 });
    db.close();
  });
});

describe('bulk accounts', () => {
  it('queues accounts, runs attempts, records outcomes, and keeps them through a reopen', () => {
    const first = temp.open();
    const job = createJob(first, { id: 'bulk-1', kind: 'bulk', params: { accounts: 2 } });
    expect(upsertBulkAccounts(first, job.id, [planned(1, 'an', '/out/an', ['g-1', 'personal']), planned(2, 'bo', '/out/bo')])).toBe(2);
    const started = startBulkAccount(first, job.id, '/out/an', '2024-05-01T08:00:00.000Z');
    expect(started).toMatchObject({ status: 'running', attempts: 1, startedAt: '2024-05-01T08:00:00.000Z', finishedAt: null });
    setBulkAccountState(first, job.id, '/out/an', {
      status: 'done', accountId: 'u-1', archiveJobId: 'archive-9', items: 12, bytes: 3400,
      result: { accountName: 'An', archives: [], problems: [] }, finishedAt: '2024-05-01T08:05:00.000Z',
    });
    startBulkAccount(first, job.id, '/out/bo', '2024-05-01T08:00:01.000Z');
    setBulkAccountState(first, job.id, '/out/bo', { status: 'failed', error: 'Wrong password.', finishedAt: '2024-05-01T08:00:02.000Z' });
    first.close();

    const library = temp.open(first.file);
    expect(bulkAccounts(library, 'bulk-1')).toEqual([
      {
        jobId: 'bulk-1', position: 1, line: 2, login: 'an', euLoginEmail: null, spaces: ['g-1', 'personal'], outDir: '/out/an',
        status: 'done', attempts: 1, error: null, accountId: 'u-1', archiveJobId: 'archive-9', items: 12, bytes: 3400,
        result: { accountName: 'An', archives: [], problems: [] }, startedAt: '2024-05-01T08:00:00.000Z', finishedAt: '2024-05-01T08:05:00.000Z',
      },
      {
        jobId: 'bulk-1', position: 2, line: 3, login: 'bo', euLoginEmail: null, spaces: null, outDir: '/out/bo',
        status: 'failed', attempts: 1, error: 'Wrong password.', accountId: null, archiveJobId: null, items: 0, bytes: 0,
        result: null, startedAt: '2024-05-01T08:00:01.000Z', finishedAt: '2024-05-01T08:00:02.000Z',
      },
    ]);

    // A retry clears the last outcome and counts the attempt.
    expect(startBulkAccount(library, 'bulk-1', '/out/bo', '2024-05-02T08:00:00.000Z')).toMatchObject({ status: 'running', attempts: 2, error: null, finishedAt: null });
  });

  it('queuing again keeps status and outcome, and follows the file for order and lines', () => {
    const library = temp.open();
    createJob(library, { id: 'bulk-1', kind: 'bulk', params: {} });
    upsertBulkAccounts(library, 'bulk-1', [planned(1, 'an', '/out/an'), planned(2, 'bo', '/out/bo')]);
    startBulkAccount(library, 'bulk-1', '/out/an', 'now');
    setBulkAccountState(library, 'bulk-1', '/out/an', { status: 'done', items: 3 });
    upsertBulkAccounts(library, 'bulk-1', [{ ...planned(2, 'an', '/out/an'), line: 9 }, planned(1, 'bo', '/out/bo')]);
    expect(bulkAccounts(library, 'bulk-1').map((row) => [row.login, row.position, row.line, row.status, row.items, row.attempts])).toEqual([
      ['bo', 1, 2, 'queued', 0, 0],
      ['an', 2, 9, 'done', 3, 1],
    ]);
  });

  it('refuses unknown folders and statuses, and goes with its job', () => {
    const library = temp.open();
    createJob(library, { id: 'bulk-1', kind: 'bulk', params: {} });
    upsertBulkAccounts(library, 'bulk-1', [planned(1, 'an', '/out/an')]);
    expect(() => startBulkAccount(library, 'bulk-1', '/out/zz', 'now')).toThrow('/out/zz is not an account folder of bulk job bulk-1.');
    expect(() => setBulkAccountState(library, 'bulk-1', '/out/zz', { status: 'done' })).toThrow(/not an account folder/);
    expect(setBulkAccountState(library, 'bulk-1', '/out/an', {})).toMatchObject({ status: 'queued' });
    expect(() => library.db.prepare("UPDATE bulk_accounts SET status = 'exploded'").run()).toThrow(/CHECK constraint/);
    expect(() => upsertBulkAccounts(library, 'no-such-job', [planned(1, 'an', '/out/an')])).toThrow(/FOREIGN KEY/);
    library.db.prepare("DELETE FROM jobs WHERE id = 'bulk-1'").run();
    expect(getJob(library, 'bulk-1')).toBeNull();
    expect(bulkAccounts(library, 'bulk-1')).toEqual([]);
  });
});
