/**
 * Calendar days in one time zone, as whole numbers (days since 1970-01-01 of that zone's
 * wall clock). Offsets come from the runtime's time-zone data (Intl), so DST and historical
 * rule changes are right, and are cached per UTC hour: every zone this product meets changes
 * its offset only on a whole UTC hour, and a million timestamps must classify in seconds.
 */
const MS_PER_HOUR = 3_600_000;
const MS_PER_DAY = 86_400_000;

export interface ZoneCalendar {
  readonly timeZone: string;
  /** The zone's calendar day of an instant (ISO text with offset, or epoch ms). */
  dayOf(instant: string | number): number;
}

export function dayNumberOfDate(calendarDate: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(calendarDate);
  if (!match) throw new Error(`"${calendarDate}" is not a calendar date (YYYY-MM-DD)`);
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / MS_PER_DAY;
}

export function dateOfDayNumber(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function createZoneCalendar(timeZone: string): ZoneCalendar {
  const formatter = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric', month: 'numeric', day: 'numeric',
    hour: 'numeric', minute: 'numeric', second: 'numeric',
  });
  const offsetByHour = new Map<number, number>();

  function offsetAt(hourStartMs: number): number {
    const parts: Record<string, number> = {};
    for (const part of formatter.formatToParts(hourStartMs)) {
      if (part.type !== 'literal') parts[part.type] = Number(part.value);
    }
    const wallClockAsUtc = Date.UTC(
      parts.year ?? 1970, (parts.month ?? 1) - 1, parts.day ?? 1,
      parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0,
    );
    return wallClockAsUtc - hourStartMs;
  }

  function dayOf(instant: string | number): number {
    const ms = typeof instant === 'number' ? instant : Date.parse(instant);
    if (Number.isNaN(ms)) throw new Error(`"${String(instant)}" is not a timestamp`);
    const hour = Math.floor(ms / MS_PER_HOUR);
    let offset = offsetByHour.get(hour);
    if (offset === undefined) {
      offset = offsetAt(hour * MS_PER_HOUR);
      offsetByHour.set(hour, offset);
    }
    return Math.floor((ms + offset) / MS_PER_DAY);
  }

  return { timeZone, dayOf };
}
