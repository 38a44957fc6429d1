import { getHeapStatistics, setFlagsFromString } from 'node:v8';

/** Above this heap size the heap grows by half at a time instead of V8's two to four times. */
const LARGE_HEAP_BYTES = 128 * 1024 * 1024;
const CHECK_MS = 250;

/**
 * A job over tens of thousands of items holds its scan and plan for the whole run while it makes
 * garbage by the gigabyte, and V8 lets a large heap grow to three or four times what is live
 * before it collects. Once the heap is large this lets it grow by half instead: more collections,
 * a resident set near what the job needs. Small heaps keep V8's own growth, since collecting them
 * that often would cost a small job more time than it saves memory.
 */
export function limitLargeHeapGrowth() {
  let limited = false;
  setInterval(() => {
    const large = getHeapStatistics().total_heap_size > LARGE_HEAP_BYTES;
    if (large === limited) return;
    limited = large;
    setFlagsFromString(`--heap-growing-percent=${large ? 50 : 0}`);
  }, CHECK_MS).unref();
}
