import { maximum, median, minimum, ratio } from './stats.ts';
import { targetStatus, type Row, type ScenarioResult, type Target } from './results.ts';

/** Plain-text tables for the terminal: one per scenario, then every target. */

export function formatNumber(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return '-';
  if (Number.isInteger(value)) return String(value);
  const magnitude = Math.abs(value);
  if (magnitude >= 1000) return value.toFixed(0);
  if (magnitude >= 100) return value.toFixed(1);
  if (magnitude >= 10) return value.toFixed(2);
  return value.toFixed(3);
}

function renderTable(header: readonly string[], body: readonly (readonly string[])[], rightAligned: ReadonlySet<number>): string {
  const widths = header.map((cell, column) => Math.max(cell.length, ...body.map((row) => (row[column] ?? '').length)));
  const line = (cells: readonly string[]) => cells
    .map((cell, column) => (rightAligned.has(column) ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0)))
    .join('  ')
    .trimEnd();
  return [line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...body.map(line)].join('\n');
}

function speedUp(row: Row, rows: readonly Row[]): string {
  if (row.versus === undefined) return '';
  const reference = rows.find((candidate) => candidate.label === row.versus);
  const value = ratio(median(row.samples), reference ? median(reference.samples) : null);
  return value === null ? '-' : `${value.toFixed(2)}x`;
}

export function renderScenario(result: ScenarioResult): string {
  const body = result.rows.map((row) => [
    row.label,
    String(row.samples.length),
    formatNumber(median(row.samples)),
    formatNumber(minimum(row.samples)),
    formatNumber(maximum(row.samples)),
    row.unit,
    speedUp(row, result.rows),
    row.note ?? '',
  ]);
  const table = renderTable(['', 'runs', 'median', 'min', 'max', 'unit', 'TA speed-up', 'note'], body, new Set([1, 2, 3, 4, 6]));
  const notes = result.notes.map((note) => `  * ${note}`);
  return [`== ${result.title}`, table, ...notes].join('\n');
}

export function renderTargets(targets: readonly Target[]): string {
  const body = targets.map((target) => [
    target.name,
    formatNumber(target.value),
    `${target.op} ${target.threshold}`,
    target.unit,
    targetStatus(target),
  ]);
  return ['== Targets', renderTable(['target', 'value', 'wanted', 'unit', 'status'], body, new Set([1]))].join('\n');
}
