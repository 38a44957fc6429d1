/** Order statistics of a few samples; every function answers null for no samples. */

function sorted(samples: readonly number[]): number[] {
  return [...samples].sort((a, b) => a - b);
}

/** The p-th percentile (0..100), by linear interpolation between the nearest ranks. */
export function percentile(samples: readonly number[], p: number): number | null {
  if (samples.length === 0) return null;
  const values = sorted(samples);
  const rank = (p / 100) * (values.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  const lowValue = values[low] as number;
  return lowValue + ((values[high] as number) - lowValue) * (rank - low);
}

export const median = (samples: readonly number[]): number | null => percentile(samples, 50);
export const minimum = (samples: readonly number[]): number | null => (samples.length === 0 ? null : Math.min(...samples));
export const maximum = (samples: readonly number[]): number | null => (samples.length === 0 ? null : Math.max(...samples));

/** a / b, or null when either is missing or b is 0. */
export function ratio(a: number | null, b: number | null): number | null {
  return a === null || b === null || b === 0 ? null : a / b;
}

/** Rounds to `digits` significant decimals for the JSON line, keeping null. */
export function rounded(value: number | null, digits = 3): number | null {
  if (value === null || !Number.isFinite(value)) return null;
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
