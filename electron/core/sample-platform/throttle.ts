import { Transform } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';

const TICKS_PER_SECOND = 20;

/**
 * Passes bytes on at about `bytesPerSecond`, in small slices: a slow school connection for
 * trying out progress, ETA and resume, and for tests that must stop a download midway.
 */
export function throttle(bytesPerSecond: number, signal: AbortSignal): Transform {
  const slice = Math.max(1, Math.floor(bytesPerSecond / TICKS_PER_SECOND));
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      (async () => {
        for (let offset = 0; offset < chunk.length; offset += slice) {
          this.push(chunk.subarray(offset, offset + slice));
          await sleep(1000 / TICKS_PER_SECOND, undefined, { signal });
        }
      })().then(() => done(), (error: unknown) => done(error as Error));
    },
  });
}
