import type { RunningSamplePlatform } from '../../electron/core/sample-platform/server.ts';

/**
 * Watches the platform while a run goes on (every 10 ms), to split the run's wall time: before
 * its first request (process start, loading), while the platform works for it (listing,
 * fetching), and after its last answer was sent (packing what is left, checking, indexing,
 * exit). An answer counts when its connection is done with it, so a long download counts
 * until its last byte. stats() copies the platform's tables: use it on runs of a few
 * thousand requests, not hundreds of thousands.
 */
export interface RequestTimeline {
  requests: number;
  /** Seconds from the start to the first request seen, and to the last request or answer. */
  firstSeconds: number | null;
  lastSeconds: number | null;
}

const POLL_MS = 10;

function activity(platform: RunningSamplePlatform): { requests: number; bytes: number } {
  const stats = platform.stats();
  let bytes = 0;
  for (const sent of stats.bytesByPath.values()) bytes += sent;
  return { requests: stats.requests, bytes };
}

export async function withRequestTimeline<T>(platform: RunningSamplePlatform, work: () => Promise<T>): Promise<{ value: T; timeline: RequestTimeline }> {
  const started = performance.now();
  const before = activity(platform);
  let seen = before;
  let firstSeconds: number | null = null;
  let lastSeconds: number | null = null;
  const poll = setInterval(() => {
    const now = activity(platform);
    if (now.requests === seen.requests && now.bytes === seen.bytes) return;
    const at = (performance.now() - started) / 1000;
    if (now.requests !== before.requests) firstSeconds ??= at;
    lastSeconds = at;
    seen = now;
  }, POLL_MS);
  try {
    const value = await work();
    return { value, timeline: { requests: platform.stats().requests - before.requests, firstSeconds, lastSeconds } };
  } finally {
    clearInterval(poll);
  }
}
