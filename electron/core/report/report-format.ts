import { createZoneCalendar, dateOfDayNumber } from '../../../shared/rules/calendar.ts';

const MS_PER_DAY = 86_400_000;
const BYTE_UNITS = ['B', 'kB', 'MB', 'GB', 'TB'] as const;

export interface ReportFormat {
  count(value: number): string;
  /** Decimal units, one decimal from kB up: 1.2 MB (nl: 1,2 MB). */
  bytes(value: number): string;
  /** The Brussels calendar day of an instant, or null when the text is no timestamp. */
  day(instant: string): number | null;
  /** The Brussels calendar date as YYYY-MM-DD, or an em dash. */
  date(instant: string | null): string;
  /** A calendar date written out in the report's language: 1 July 2018. */
  longDate(day: number): string;
  /** An instant as a Brussels date and time written out. */
  dateTime(instant: string): string;
}

export function createReportFormat(locale: string, timeZone: string): ReportFormat {
  const calendar = createZoneCalendar(timeZone);
  const counts = new Intl.NumberFormat(locale);
  const oneDecimal = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const longDates = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
  const dateTimes = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone });

  function day(instant: string): number | null {
    return Number.isNaN(Date.parse(instant)) ? null : calendar.dayOf(instant);
  }

  function bytes(value: number): string {
    let scaled = value;
    let unit = 0;
    while (scaled >= 1000 && unit < BYTE_UNITS.length - 1) {
      scaled /= 1000;
      unit += 1;
    }
    // Rounding 999.95 kB up would print "1000.0 kB": move to the next unit instead.
    if (unit > 0 && Math.round(scaled * 10) >= 10_000 && unit < BYTE_UNITS.length - 1) {
      scaled /= 1000;
      unit += 1;
    }
    return unit === 0 ? `${counts.format(value)} B` : `${oneDecimal.format(scaled)} ${BYTE_UNITS[unit]}`;
  }

  return {
    count: (value) => counts.format(value),
    bytes,
    day,
    date(instant) {
      const found = instant === null ? null : day(instant);
      return found === null ? '—' : dateOfDayNumber(found);
    },
    longDate: (calendarDay) => longDates.format(calendarDay * MS_PER_DAY),
    dateTime(instant) {
      const ms = Date.parse(instant);
      return Number.isNaN(ms) ? '—' : dateTimes.format(ms);
    },
  };
}
