import { AbortedError } from './errors.ts';

/** Gives back a slot; calling it again does nothing. */
export type Release = () => void;

export interface SlotSource {
  /** Waits for a free slot (first come, first served). Rejects with AbortedError on abort. */
  acquire(signal?: AbortSignal): Promise<Release>;
  /** Runs `task` in a slot and frees the slot when it settles. */
  run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T>;
}

export interface ConcurrencyLimiter extends SlotSource {
  /**
   * Holds back waiting requests until the returned function is called (while the session is
   * renewed, a request sent would only meet 401). Requests in flight go on; pauses nest.
   */
  pause(): () => void;
  /** The same slots, served first and even while paused: for the requests that renew the session. */
  readonly priority: SlotSource;
  readonly active: number;
  readonly waiting: number;
}

interface Waiter {
  grant: (release: Release) => void;
  detach: () => void;
}

export function createConcurrencyLimiter(limit: number): ConcurrencyLimiter {
  if (!Number.isInteger(limit) || limit < 1) {
    throw new RangeError(`The concurrency must be a whole number of at least 1, not ${limit}.`);
  }
  let active = 0;
  let pauses = 0;
  const queue: Waiter[] = [];
  const priorityQueue: Waiter[] = [];

  function pump(): void {
    while (active < limit) {
      const next = priorityQueue.shift() ?? (pauses === 0 ? queue.shift() : undefined);
      if (next === undefined) return;
      active += 1;
      next.detach();
      next.grant(makeRelease());
    }
  }

  function makeRelease(): Release {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      active -= 1;
      pump();
    };
  }

  function acquireFrom(line: Waiter[], signal: AbortSignal | undefined): Promise<Release> {
    if (signal?.aborted) return Promise.reject(new AbortedError());
    return new Promise<Release>((resolve, reject) => {
      const onAbort = () => {
        const index = line.indexOf(waiter);
        if (index !== -1) line.splice(index, 1);
        reject(new AbortedError());
      };
      const waiter: Waiter = {
        grant: resolve,
        detach: () => signal?.removeEventListener('abort', onAbort),
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      line.push(waiter);
      pump();
    });
  }

  function sourceOf(line: Waiter[]): SlotSource {
    const acquire = (signal?: AbortSignal) => acquireFrom(line, signal);
    return {
      acquire,
      async run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
        const release = await acquire(signal);
        try {
          return await task();
        } finally {
          release();
        }
      },
    };
  }

  const normal = sourceOf(queue);
  return {
    ...normal,
    priority: sourceOf(priorityQueue),
    pause() {
      pauses += 1;
      let resumed = false;
      return () => {
        if (resumed) return;
        resumed = true;
        pauses -= 1;
        pump();
      };
    },
    get active() {
      return active;
    },
    get waiting() {
      return queue.length + priorityQueue.length;
    },
  };
}
