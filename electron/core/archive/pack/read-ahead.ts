/**
 * Yields `load(item, settled)` for each item in order, with up to `depth` loads in flight, so
 * many small reads overlap instead of each waiting its turn on the thread pool. `settle` runs
 * for one item at a time, in order, and stops at its first failure: it is where items come
 * from staging, and looking ahead must not start more fetches than the job allows.
 */
export async function* readAhead<T, S, R>(
  items: Iterable<T>,
  depth: number,
  settle: (item: T) => Promise<S>,
  load: (item: T, settled: S) => Promise<R>,
): AsyncGenerator<R> {
  const source = items[Symbol.iterator]();
  const queue: Promise<R>[] = [];
  let previous: Promise<unknown> = Promise.resolve();
  let exhausted = false;
  const refill = () => {
    while (!exhausted && queue.length < depth) {
      const next = source.next();
      if (next.done) {
        exhausted = true;
        return;
      }
      const item = next.value;
      const settled = previous.then(() => settle(item));
      previous = settled;
      const loaded = settled.then((value) => load(item, value));
      loaded.catch(() => undefined);
      queue.push(loaded);
    }
  };
  for (;;) {
    refill();
    const head = queue.shift();
    if (!head) return;
    yield await head;
  }
}

/** Small files read at once: enough to hide the thread pool's latency, few enough to hold. */
export const READ_AHEAD = 16;
