/** What a scenario hands back: rows for its table, targets with pass/fail, and flat figures for the JSON line. */

export type Unit = 's' | 'ms' | 'MB/s' | 'MB' | 'items/s' | 'x' | 'requests' | 'entries/s';

export interface Row {
  label: string;
  unit: Unit;
  /** One value per run; empty when the contender was skipped. */
  samples: number[];
  /** For a peer's time: the label of the TwinArchive row it is compared with (speed-up = this / that). */
  versus?: string;
  /** Printed after the figures, e.g. why a row is empty. */
  note?: string;
}

export interface Target {
  /** What is promised, e.g. "crawl >= 5x wget". */
  name: string;
  value: number | null;
  op: '>=' | '<=';
  threshold: number;
  unit: string;
}

export interface ScenarioResult {
  id: string;
  title: string;
  rows: Row[];
  targets: Target[];
  /** Figures for the JSON line: snake_case keys, null when not measured. */
  figures: Record<string, number | null>;
  notes: string[];
}

export type TargetStatus = 'pass' | 'FAIL' | 'n/a';

export function targetStatus(target: Target): TargetStatus {
  if (target.value === null || !Number.isFinite(target.value)) return 'n/a';
  const ok = target.op === '>=' ? target.value >= target.threshold : target.value <= target.threshold;
  return ok ? 'pass' : 'FAIL';
}
