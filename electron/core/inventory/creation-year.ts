import { createZoneCalendar, dateOfDayNumber } from '../../../shared/rules/calendar.ts';

/** The calendar year of an instant in the rule set's zone, or null when the text is no timestamp. */
export function createYearOf(timeZone: string): (instant: string) => number | null {
  const calendar = createZoneCalendar(timeZone);
  return (instant) => {
    if (Number.isNaN(Date.parse(instant))) return null;
    return Number(dateOfDayNumber(calendar.dayOf(instant)).slice(0, 4));
  };
}
