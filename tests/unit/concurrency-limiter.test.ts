import { describe, expect, it } from 'vitest';
import { createConcurrencyLimiter } from '../../electron/core/platform-client/concurrency-limiter.ts';
import { AbortedError } from '../../electron/core/platform-client/errors.ts';

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve: () => void = () => undefined;
  const promise = new Promise<void>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

describe('createConcurrencyLimiter', () => {
  it('runs at most `limit` tasks at once, in arrival order', async () => {
    const limiter = createConcurrencyLimiter(2);
    const gates = [deferred(), deferred(), deferred(), deferred()];
    const started: number[] = [];
    const runs = gates.map((gate, index) =>
      limiter.run(async () => {
        started.push(index);
        await gate.promise;
      }),
    );
    await Promise.resolve();
    expect(started).toEqual([0, 1]);
    expect(limiter.waiting).toBe(2);
    gates[1]?.resolve();
    await runs[1];
    await Promise.resolve();
    expect(started).toEqual([0, 1, 2]);
    for (const gate of gates) gate.resolve();
    await Promise.all(runs);
    expect(started).toEqual([0, 1, 2, 3]);
    expect(limiter.active).toBe(0);
  });

  it('frees the slot when a task fails, and releasing twice frees one slot', async () => {
    const limiter = createConcurrencyLimiter(1);
    await expect(limiter.run(async () => { throw new Error('boom'); })).rejects.toThrow('boom');
    const release = await limiter.acquire();
    release();
    release();
    expect(limiter.active).toBe(0);
  });

  it('drops a waiter whose signal aborts', async () => {
    const limiter = createConcurrencyLimiter(1);
    const release = await limiter.acquire();
    const controller = new AbortController();
    const waiting = limiter.acquire(controller.signal);
    controller.abort();
    await expect(waiting).rejects.toBeInstanceOf(AbortedError);
    expect(limiter.waiting).toBe(0);
    release();
    expect(limiter.active).toBe(0);
  });

  it('holds back waiters while paused but serves the priority lane', async () => {
    const limiter = createConcurrencyLimiter(1);
    const first = await limiter.acquire();
    const resume = limiter.pause();
    const order: string[] = [];
    const normal = limiter.acquire().then((release) => {
      order.push('normal');
      release();
    });
    const priority = limiter.priority.acquire().then((release) => {
      order.push('priority');
      return release;
    });
    first();
    const releasePriority = await priority;
    releasePriority();
    await Promise.resolve();
    expect(order).toEqual(['priority']);
    resume();
    await normal;
    expect(order).toEqual(['priority', 'normal']);
  });

  it('refuses a limit below one', () => {
    expect(() => createConcurrencyLimiter(0)).toThrow(RangeError);
  });
});
