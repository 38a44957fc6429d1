import type { Rng } from './prng.ts';

/**
 * Instants for the demo world. Brussels offsets follow the EU summer-time rule (last Sunday of
 * March and of October, 01:00 UTC) computed here, so the output does not depend on the ICU data
 * of the machine that runs the generator.
 */
export const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/** The dates the rules hinge on (migration-rules.md): random dates keep clear of them. */
export const BOUNDARY_DATES = ['2018-07-01', '2021-01-01', '2022-02-21', '2022-12-31'] as const;
/** Random dates stay this many days away from a boundary; edge cases are written out by hand. */
const BOUNDARY_CLEARANCE_DAYS = 4;

export type Zone = 'utc' | 'brussels' | 'athens';

function lastSunday(year: number, monthIndex: number): number {
  const lastDay = new Date(Date.UTC(year, monthIndex + 1, 0));
  return lastDay.getUTCDate() - lastDay.getUTCDay();
}

function brusselsOffsetMinutes(ms: number): number {
  const year = new Date(ms).getUTCFullYear();
  const summerFrom = Date.UTC(year, 2, lastSunday(year, 2), 1);
  const summerTo = Date.UTC(year, 9, lastSunday(year, 9), 1);
  return ms >= summerFrom && ms < summerTo ? 120 : 60;
}

function offsetMinutes(ms: number, zone: Zone): number {
  if (zone === 'utc') return 0;
  return brusselsOffsetMinutes(ms) + (zone === 'athens' ? 60 : 0);
}

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

/** ISO 8601 with `Z` or with the zone's offset, to the second. */
export function formatInstant(ms: number, zone: Zone): string {
  const offset = offsetMinutes(ms, zone);
  const local = new Date(ms + offset * MINUTE_MS);
  const stamp = `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}`
    + `T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}`;
  if (offset === 0) return `${stamp}Z`;
  return `${stamp}+${pad(Math.floor(offset / 60))}:${pad(offset % 60)}`;
}

/** The calendar date in Brussels, `YYYY-MM-DD`. */
export function brusselsDate(ms: number): string {
  return formatInstant(ms, 'brussels').slice(0, 10);
}

export function dayNumber(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
}

/** The instant of a Brussels wall-clock time on a `YYYY-MM-DD` date. */
export function brusselsInstant(date: string, hour: number, minute: number): number {
  const wall = dayNumber(date) * DAY_MS + (hour * 60 + minute) * MINUTE_MS;
  return wall - brusselsOffsetMinutes(wall - 60 * MINUTE_MS) * MINUTE_MS;
}

export function isClearOfBoundaries(ms: number): boolean {
  const day = dayNumber(brusselsDate(ms));
  return BOUNDARY_DATES.every((boundary) => Math.abs(day - dayNumber(boundary)) >= BOUNDARY_CLEARANCE_DAYS);
}

export function addDays(date: string, days: number): string {
  return new Date((dayNumber(date) + days) * DAY_MS).toISOString().slice(0, 10);
}

export function earlierDate(a: string, b: string): string {
  return a < b ? a : b;
}

/** `YYYY-MM-DD` of the later of two dates. */
export function laterDate(a: string, b: string): string {
  return a > b ? a : b;
}

/** A school-hours instant on a Brussels date in [from, to], clear of every rule boundary. */
export function randomInstant(rng: Rng, from: string, to: string): number {
  const first = dayNumber(from);
  const last = Math.max(first, dayNumber(to));
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const date = addDays(from, rng.int(0, last - first));
    const ms = brusselsInstant(date, rng.int(7, 21), rng.int(0, 59));
    if (isClearOfBoundaries(ms)) return ms;
  }
  throw new Error(`no date clear of the rule boundaries between ${from} and ${to}`);
}

/** A moment shortly after `ms` (minutes to days), still clear of every rule boundary. */
export function laterInstant(rng: Rng, ms: number, maxDays: number): number {
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const later = ms + rng.int(5, Math.max(6, maxDays * 24 * 60)) * MINUTE_MS;
    if (isClearOfBoundaries(later)) return later;
  }
  return ms + MINUTE_MS;
}

/** A local time as a phone camera writes it in a file name: `20191008_142311`. */
export function cameraStamp(ms: number): string {
  return formatInstant(ms, 'brussels').slice(0, 19).replace(/-/g, '').replace('T', '_').replace(/:/g, '');
}
