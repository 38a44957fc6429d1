import { setTimeout as delay } from 'node:timers/promises';
import { AbortedError } from './errors.ts';

export function throwIfAborted(signal: AbortSignal): void {
  if (signal.aborted) throw new AbortedError();
}

/** Waits `ms`, or rejects with AbortedError as soon as `signal` aborts. */
export async function sleep(ms: number, signal: AbortSignal): Promise<void> {
  try {
    await delay(ms, undefined, { signal });
  } catch (error) {
    if (signal.aborted) throw new AbortedError();
    throw error;
  }
}

/** One signal that aborts when any of the given ones does. */
export function anySignal(signals: readonly (AbortSignal | undefined)[]): AbortSignal {
  const present = signals.filter((signal): signal is AbortSignal => signal !== undefined);
  if (present.length === 1 && present[0] !== undefined) return present[0];
  return AbortSignal.any(present);
}
