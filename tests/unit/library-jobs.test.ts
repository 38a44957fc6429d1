import { describe, expect, it } from 'vitest';
import { jobArchives, setJobArchiveState, upsertJobArchives } from '../../electron/core/library/job-archives-repository.ts';
import { jobItems, setJobItemState, upsertJobItems } from '../../electron/core/library/job-items-repository.ts';
import { createJob, getJob, setJobStatus, unfinishedJobs } from '../../electron/core/library/jobs-repository.ts';
import { useTempLibraries } from './library-temp.ts';

const temp = useTempLibraries();

describe('jobs', () => {
  it('round-trips a job, its items and its archives through a reopen', () => {
    const first = temp.open();
    const params = { source: 'https://legacy.etwinning.example', spaces: ['g-1', 't-1'], margin: 1, personal: true };
    const job = createJob(first, { kind: 'archive', params });
    expect(job).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/), kind: 'archive', params, status: 'running',
      createdAt: expect.any(String), updatedAt: job.createdAt, error: null,
    });

    expect(upsertJobItems(first, job.id, [
      { itemId: 'i-1', archiveKey: 'g-1' },
      { itemId: 'i-2', archiveKey: 'g-1' },
      { itemId: 'i-3', archiveKey: 'personal' },
    ])).toBe(3);
    upsertJobArchives(first, job.id, [
      { archiveKey: 'g-1', part: 1, parts: 2 },
      { archiveKey: 'g-1', part: 2, parts: 2 },
      { archiveKey: 'personal', part: 1, parts: 1 },
    ]);
    setJobItemState(first, job.id, 'i-1', {
      state: 'staged', stagedPath: '/tmp/staging/i-1', bytesDone: 2048, etag: '"abc"', sha256: 'd'.repeat(64), size: 2048, attempts: 1,
    });
    setJobItemState(first, job.id, 'i-2', { bytesDone: 512, attempts: 2, error: 'Connection reset' });
    setJobArchiveState(first, job.id, 'g-1', 1, 'written', '/archives/g-1.part1.zip');
    setJobStatus(first, job.id, 'paused');
    first.close();

    const library = temp.open(first.file);
    expect(getJob(library, job.id)).toMatchObject({ id: job.id, status: 'paused', params, error: null });
    expect(jobItems(library, job.id)).toEqual([
      {
        jobId: job.id, itemId: 'i-1', archiveKey: 'g-1', state: 'staged', stagedPath: '/tmp/staging/i-1',
        bytesDone: 2048, etag: '"abc"', sha256: 'd'.repeat(64), size: 2048, error: null, attempts: 1,
      },
      {
        jobId: job.id, itemId: 'i-2', archiveKey: 'g-1', state: 'pending', stagedPath: null,
        bytesDone: 512, etag: null, sha256: null, size: null, error: 'Connection reset', attempts: 2,
      },
      {
        jobId: job.id, itemId: 'i-3', archiveKey: 'personal', state: 'pending', stagedPath: null,
        bytesDone: 0, etag: null, sha256: null, size: null, error: null, attempts: 0,
      },
    ]);
    expect(jobItems(library, job.id, 'pending').map((item) => item.itemId)).toEqual(['i-2', 'i-3']);
    expect(jobArchives(library, job.id)).toEqual([
      { jobId: job.id, archiveKey: 'g-1', part: 1, parts: 2, finalPath: '/archives/g-1.part1.zip', state: 'written' },
      { jobId: job.id, archiveKey: 'g-1', part: 2, parts: 2, finalPath: null, state: 'planned' },
      { jobId: job.id, archiveKey: 'personal', part: 1, parts: 1, finalPath: null, state: 'planned' },
    ]);
  });

  it('patches only the fields given, and can clear one with null', () => {
    const library = temp.open();
    const { id } = createJob(library, { id: 'job-1', kind: 'archive', params: {} });
    upsertJobItems(library, id, [{ itemId: 'i-1', archiveKey: 'k' }]);
    setJobItemState(library, id, 'i-1', { state: 'failed', error: 'HTTP 500', attempts: 3 });
    expect(setJobItemState(library, id, 'i-1', { state: 'pending', error: null })).toMatchObject({ state: 'pending', error: null, attempts: 3 });
    expect(setJobItemState(library, id, 'i-1', {})).toMatchObject({ state: 'pending', attempts: 3 });
    expect(() => setJobItemState(library, id, 'missing', { state: 'packed' })).toThrow('Item missing is not part of job job-1.');
    expect(() => setJobArchiveState(library, id, 'k', 1, 'written')).toThrow(/not part of job job-1/);
  });

  it('replanning keeps progress and moves the archive key', () => {
    const library = temp.open();
    const { id } = createJob(library, { kind: 'archive', params: null });
    upsertJobItems(library, id, [{ itemId: 'i-1', archiveKey: 'a' }]);
    setJobItemState(library, id, 'i-1', { state: 'staged', bytesDone: 10 });
    upsertJobItems(library, id, [{ itemId: 'i-1', archiveKey: 'b' }]);
    expect(jobItems(library, id)).toMatchObject([{ itemId: 'i-1', archiveKey: 'b', state: 'staged', bytesDone: 10 }]);
    upsertJobArchives(library, id, [{ archiveKey: 'b', part: 1, parts: 1 }]);
    setJobArchiveState(library, id, 'b', 1, 'verified', '/archives/b.zip');
    upsertJobArchives(library, id, [{ archiveKey: 'b', part: 1, parts: 1 }]);
    expect(jobArchives(library, id)).toMatchObject([{ state: 'verified', finalPath: '/archives/b.zip' }]);
  });

  it('keeps an error only on a failed job', () => {
    const library = temp.open();
    const { id } = createJob(library, { kind: 'archive', params: {} });
    expect(setJobStatus(library, id, 'failed', 'The disk is full.')).toMatchObject({ status: 'failed', error: 'The disk is full.' });
    expect(setJobStatus(library, id, 'running', 'ignored')).toMatchObject({ status: 'running', error: null });
    expect(() => setJobStatus(library, 'nope', 'done')).toThrow('Job nope does not exist.');
    expect(getJob(library, 'nope')).toBeNull();
  });

  it('lists unfinished jobs, optionally of one kind', () => {
    const library = temp.open();
    const make = (id: string, kind: string, status: Parameters<typeof setJobStatus>[2]) => {
      createJob(library, { id, kind, params: {} });
      setJobStatus(library, id, status);
    };
    make('a', 'archive', 'running');
    make('b', 'archive', 'paused');
    make('c', 'archive', 'failed');
    make('d', 'archive', 'done');
    make('e', 'archive', 'cancelled');
    make('f', 'verify', 'paused');
    expect(unfinishedJobs(library).map((job) => job.id).sort()).toEqual(['a', 'b', 'c', 'f']);
    expect(unfinishedJobs(library, 'archive').map((job) => job.id).sort()).toEqual(['a', 'b', 'c']);
    expect(unfinishedJobs(library, 'scan')).toEqual([]);
  });

  it('refuses states outside the schema, and deletes a job with its items and archives', () => {
    const library = temp.open();
    const { id } = createJob(library, { kind: 'archive', params: {} });
    upsertJobItems(library, id, [{ itemId: 'i-1', archiveKey: 'k' }]);
    upsertJobArchives(library, id, [{ archiveKey: 'k', part: 1, parts: 1 }]);
    expect(() => library.db.prepare("UPDATE jobs SET status = 'exploded' WHERE id = ?").run(id)).toThrow(/CHECK constraint/);
    library.db.prepare('DELETE FROM jobs WHERE id = ?').run(id);
    expect(jobItems(library, id)).toEqual([]);
    expect(jobArchives(library, id)).toEqual([]);
  });
});
