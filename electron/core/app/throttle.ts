export interface Throttle<T> {
  /** Sends `value` now if the interval has passed (or `force`), else the latest one at the end of it. */
  push(value: T, force?: boolean): void;
  /** Drops what is waiting. */
  cancel(): void;
}

/**
 * At most one value per interval, never losing the last: a progress bar sees every phase
 * change and the final state at once, and ~4 updates a second in between.
 */
export function createThrottle<T>(intervalMs: number, send: (value: T) => void, now: () => number = Date.now): Throttle<T> {
  let last = Number.NEGATIVE_INFINITY;
  let waiting: { value: T } | null = null;
  let timer: NodeJS.Timeout | null = null;

  function clear(): void {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    waiting = null;
  }

  function sendNow(value: T): void {
    clear();
    last = now();
    send(value);
  }

  return {
    push(value, force = false) {
      if (force || now() - last >= intervalMs) {
        sendNow(value);
        return;
      }
      waiting = { value };
      if (timer === null) {
        timer = setTimeout(() => {
          timer = null;
          if (waiting !== null) sendNow(waiting.value);
        }, Math.max(0, intervalMs - (now() - last)));
        timer.unref();
      }
    },
    cancel: clear,
  };
}
