import type { SpaceRow } from '../../shared/contract.ts';
import type { Verdict } from '../../shared/model.ts';

export const FIRST_YEAR = 2012;
export const LAST_YEAR = 2023;
const DAY_MS = 86_400_000;

export const GEOMETRY = {
  width: 1000,
  plotLeft: 262,
  plotRight: 866,
  barsLeft: 882,
  barsWidth: 104,
  top: 58,
  rowHeight: 18,
  bottom: 10,
} as const;

const start = Date.UTC(FIRST_YEAR, 0, 1) / DAY_MS;
const end = Date.UTC(LAST_YEAR + 1, 0, 1) / DAY_MS;

/** Days since 1970 of an ISO date or instant; null when it does not parse. */
export function dayOf(iso: string): number | null {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : Math.floor(ms / DAY_MS);
}

/** x of a day, clamped to the years drawn: older or newer dates sit on the edge. */
export function xOfDay(day: number): number {
  const clamped = Math.min(Math.max(day, start), end);
  return GEOMETRY.plotLeft + ((clamped - start) / (end - start)) * (GEOMETRY.plotRight - GEOMETRY.plotLeft);
}

export function xOf(iso: string): number | null {
  const day = dayOf(iso);
  return day === null ? null : xOfDay(day);
}

/** x just after the last day of a period given by inclusive dates. */
export function xAfter(iso: string): number | null {
  const day = dayOf(iso);
  return day === null ? null : xOfDay(day + 1);
}

export function yearTicks(): { year: number; x: number; next: number }[] {
  const ticks = [];
  for (let year = FIRST_YEAR; year <= LAST_YEAR; year += 1) {
    ticks.push({ year, x: xOfDay(Date.UTC(year, 0, 1) / DAY_MS), next: xOfDay(Date.UTC(year + 1, 0, 1) / DAY_MS) });
  }
  return ticks;
}

const ORDER: Readonly<Record<Verdict, number>> = { lost: 0, uncertain: 1, migrates: 2 };

/** Lost first, then uncertain, then what migrates; by title within each. */
export function timelineRows(spaces: readonly SpaceRow[]): SpaceRow[] {
  return [...spaces].sort((a, b) => ORDER[a.verdict] - ORDER[b.verdict] || a.title.localeCompare(b.title));
}

/** Activity x positions, one per half pixel: more marks than that look the same and cost a lot. */
export function activityMarks(activity: readonly string[]): number[] {
  const seen = new Set<number>();
  for (const instant of activity) {
    const x = xOf(instant);
    if (x !== null) seen.add(Math.round(x * 2) / 2);
  }
  return [...seen];
}

export function truncate(text: string, max: number): string {
  const chars = Array.from(text.trim());
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
}
