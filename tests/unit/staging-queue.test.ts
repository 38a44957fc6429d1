import { describe, expect, it } from 'vitest';
import type { ScannedItem } from '../../shared/inventory.ts';
import type { StagedFiles } from '../../electron/core/jobs/stage-item.ts';
import { StagingQueue } from '../../electron/core/jobs/staging-queue.ts';

const item = (index: number, fileSize = 0) => ({ id: `i-${index}`, size: fileSize, file: fileSize > 0 ? { size: fileSize } : null }) as ScannedItem;
const files: StagedFiles = { body: null, smallFile: null, filePath: null, problem: null, bodySize: 0 };
const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('the staging queue', () => {
  it('stages in order, runs a bounded way ahead of what is asked for, and hands out each item', async () => {
    const started: string[] = [];
    const noted: string[] = [];
    const queue = new StagingQueue({
      concurrency: 4,
      stage: async (entry) => { started.push(entry.id); return files; },
      onStaged: (entry) => noted.push(entry.id),
    });
    const order = Array.from({ length: 3000 }, (_, index) => item(index));
    const running = queue.run(order);
    await tick();
    expect(started).toHaveLength(1000);
    expect(started.slice(0, 3)).toEqual(['i-0', 'i-1', 'i-2']);
    await expect(queue.staged(order[1500] as ScannedItem)).resolves.toBe(files);
    await tick();
    expect(started).toHaveLength(2501);
    await expect(queue.staged(order[2999] as ScannedItem)).resolves.toBe(files);
    await running;
    expect(noted).toEqual(order.map((entry) => entry.id));
  });

  it('runs ahead without limit while the consumer waits on something staging must finish first', async () => {
    let release!: () => void;
    const waited = new Promise<void>((resolve) => { release = resolve; });
    const queue = new StagingQueue({ concurrency: 8, stage: async () => files, onStaged: () => undefined });
    queue.runAheadUntil(waited);
    await queue.run(Array.from({ length: 2500 }, (_, index) => item(index)));
    release();
  });

  it('fetches large files one at a time', async () => {
    let active = 0;
    let most = 0;
    const queue = new StagingQueue({
      concurrency: 4,
      stage: async (entry) => {
        if (entry.size > 0) active += 1;
        most = Math.max(most, active);
        await tick();
        if (entry.size > 0) active -= 1;
        return files;
      },
      onStaged: () => undefined,
    });
    await queue.run(Array.from({ length: 6 }, (_, index) => item(index, 64 * 1024 * 1024)));
    expect(most).toBe(1);
  });

  it('fails every open wait with the first failure', async () => {
    const queue = new StagingQueue({
      concurrency: 2,
      stage: async (entry) => { await tick(); if (entry.id === 'i-3') throw new Error('gone wrong'); return files; },
      onStaged: () => undefined,
    });
    const order = Array.from({ length: 50 }, (_, index) => item(index));
    const running = queue.run(order);
    const late = queue.staged(order[49] as ScannedItem);
    await expect(running).rejects.toThrow('gone wrong');
    await expect(late).rejects.toThrow('gone wrong');
  });
});
