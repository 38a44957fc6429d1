import type { BulkColleague, BulkState } from '../../../../shared/contract.ts';

type Totals = BulkState['totals'];

/** Where the run was when it (re)started, for a time estimate over what this start has done. */
export interface RunClock {
  startedAt: number;
  startFraction: number;
}

/** Below this share done since the start, a time estimate would only be noise. */
const MIN_FRACTION_FOR_ESTIMATE = 0.02;

/** Counts that mean archived items and bytes: while listing, the job counts what it has seen. */
function archiving(colleague: BulkColleague): boolean {
  const phase = colleague.progress?.phase;
  return phase !== undefined && phase !== 'signing-in' && phase !== 'listing';
}

function fractionOf(colleague: BulkColleague): number {
  switch (colleague.status) {
    case 'done':
    case 'failed':
      return 1;
    case 'running':
      return colleague.progress?.fraction ?? 0;
    default:
      return 0;
  }
}

/** The whole run's progress from each colleague's: totals stay null until every colleague's are known. */
export function bulkTotals(colleagues: readonly BulkColleague[], clock: RunClock | null, now: number): Totals {
  const count = colleagues.length;
  const fraction = count === 0 ? 0 : colleagues.reduce((sum, colleague) => sum + fractionOf(colleague), 0) / count;
  let itemsDone = 0;
  let bytesDone = 0;
  let itemsTotal: number | null = 0;
  let bytesTotal: number | null = 0;
  let rate: number | null = null;
  for (const colleague of colleagues) {
    if (colleague.status === 'done') {
      itemsDone += colleague.items;
      bytesDone += colleague.bytes;
      if (itemsTotal !== null) itemsTotal += colleague.items;
      if (bytesTotal !== null) bytesTotal += colleague.bytes;
    } else if (colleague.status === 'running' && colleague.progress !== null && archiving(colleague)) {
      const { progress } = colleague;
      itemsDone += progress.itemsDone;
      bytesDone += progress.bytesDone;
      itemsTotal = itemsTotal === null || progress.itemsTotal === null ? null : itemsTotal + progress.itemsTotal;
      bytesTotal = bytesTotal === null || progress.bytesTotal === null ? null : bytesTotal + progress.bytesTotal;
      if (progress.bytesPerSecond !== null) rate = (rate ?? 0) + progress.bytesPerSecond;
    } else if (colleague.status !== 'failed') {
      // Not listed yet: what it holds is not known.
      itemsTotal = null;
      bytesTotal = null;
    }
  }
  return {
    fraction, colleagues: count,
    done: colleagues.filter((colleague) => colleague.status === 'done').length,
    failed: colleagues.filter((colleague) => colleague.status === 'failed').length,
    itemsDone, itemsTotal, bytesDone, bytesTotal, bytesPerSecond: rate,
    etaSeconds: clock === null ? null : estimate(fraction, bytesDone, bytesTotal, rate, clock, now),
  };
}

function estimate(fraction: number, bytesDone: number, bytesTotal: number | null, rate: number | null, clock: RunClock, now: number): number | null {
  if (fraction >= 1) return 0;
  if (bytesTotal !== null && rate !== null && rate > 0) return Math.max(0, bytesTotal - bytesDone) / rate;
  const progressed = fraction - clock.startFraction;
  const elapsed = (now - clock.startedAt) / 1000;
  if (progressed < MIN_FRACTION_FOR_ESTIMATE || elapsed <= 0) return null;
  return (elapsed * (1 - fraction)) / progressed;
}
