import type { JobPhase, JobProgress, ProgressListener } from '../../../shared/progress.ts';

/** How often a progress report goes out at most; the last one of a phase always does. */
const REPORT_INTERVAL_MS = 250;
/** Smoothing of the transfer rate: about the last ten seconds count. */
const RATE_WINDOW_MS = 10_000;

/**
 * Turns counts of items and bytes into progress reports with a smoothed rate and an ETA.
 * Bytes may go down (a changed file restarts), the reported figures never exceed totals.
 */
export class ProgressMeter {
  #phase: JobPhase = 'listing';
  #itemsDone = 0;
  #itemsTotal: number | null = null;
  #bytesDone = 0;
  #bytesTotal: number | null = null;
  #detail: string | null = null;
  #rate: number | null = null;
  #lastSample = { at: 0, bytes: 0 };
  #lastReport = 0;
  readonly #listener: ProgressListener | undefined;
  readonly #now: () => number;

  constructor(listener: ProgressListener | undefined, now: () => number = () => Date.now()) {
    this.#listener = listener;
    this.#now = now;
  }

  setPhase(phase: JobPhase, totals: { itemsTotal?: number | null; bytesTotal?: number | null } = {}): void {
    this.#phase = phase;
    if (totals.itemsTotal !== undefined) this.#itemsTotal = totals.itemsTotal;
    if (totals.bytesTotal !== undefined) this.#bytesTotal = totals.bytesTotal;
    this.#report(true);
  }

  addBytes(delta: number): void {
    this.#bytesDone = Math.max(0, this.#bytesDone + delta);
    this.#report(false);
  }

  addItems(count: number, detail: string | null = null): void {
    this.#itemsDone += count;
    this.#detail = detail;
    this.#report(false);
  }

  snapshot(): JobProgress {
    const { bytesTotal, itemsTotal } = { bytesTotal: this.#bytesTotal, itemsTotal: this.#itemsTotal };
    const byteShare = bytesTotal ? Math.min(1, this.#bytesDone / bytesTotal) : null;
    const itemShare = itemsTotal ? Math.min(1, this.#itemsDone / itemsTotal) : null;
    const fraction = this.#phase === 'done' ? 1 : byteShare !== null && itemShare !== null ? (byteShare + itemShare) / 2 : (byteShare ?? itemShare ?? 0);
    const remaining = bytesTotal !== null ? Math.max(0, bytesTotal - this.#bytesDone) : null;
    return {
      phase: this.#phase,
      fraction,
      itemsDone: this.#itemsDone,
      itemsTotal,
      bytesDone: Math.min(this.#bytesDone, bytesTotal ?? Number.POSITIVE_INFINITY),
      bytesTotal,
      bytesPerSecond: this.#rate,
      etaSeconds: remaining !== null && this.#rate !== null && this.#rate > 0 ? remaining / this.#rate : null,
      detail: this.#detail,
    };
  }

  #sampleRate(now: number): void {
    const elapsed = now - this.#lastSample.at;
    if (this.#lastSample.at === 0) {
      this.#lastSample = { at: now, bytes: this.#bytesDone };
      return;
    }
    if (elapsed < 500) return;
    const instant = ((this.#bytesDone - this.#lastSample.bytes) * 1000) / elapsed;
    const weight = Math.min(1, elapsed / RATE_WINDOW_MS);
    this.#rate = this.#rate === null ? Math.max(0, instant) : Math.max(0, this.#rate + weight * (instant - this.#rate));
    this.#lastSample = { at: now, bytes: this.#bytesDone };
  }

  #report(force: boolean): void {
    const now = this.#now();
    this.#sampleRate(now);
    if (!this.#listener || (!force && now - this.#lastReport < REPORT_INTERVAL_MS)) return;
    this.#lastReport = now;
    this.#listener(this.snapshot());
  }
}
