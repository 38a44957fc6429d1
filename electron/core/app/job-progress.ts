import type { JobProgress } from '../../../shared/progress.ts';

/** Share of the bar for signing in and listing; fetching and packing take the rest. */
const LISTING_SHARE = 0.1;

/** Before anything is known: signing in. */
export function startingProgress(): JobProgress {
  return {
    phase: 'signing-in', fraction: 0, itemsDone: 0, itemsTotal: null, bytesDone: 0, bytesTotal: null,
    bytesPerSecond: null, etaSeconds: null, detail: null,
  };
}

/**
 * One bar over a whole archive job: the scan inside it reports its own 0..1 while listing, the
 * job its own while fetching and packing; listing gets the first tenth.
 */
export function overallProgress(progress: JobProgress): JobProgress {
  if (progress.phase === 'done') return { ...progress, fraction: 1 };
  const listing = progress.phase === 'signing-in' || progress.phase === 'listing';
  const fraction = listing ? LISTING_SHARE * progress.fraction : LISTING_SHARE + (1 - LISTING_SHARE) * progress.fraction;
  return { ...progress, fraction: Math.min(1, Math.max(0, fraction)) };
}
