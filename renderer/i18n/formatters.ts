/** The rules count calendar days in Brussels, so the UI shows dates as they fall there. */
export const RULES_TIME_ZONE = 'Europe/Brussels';

const BYTE_UNITS = ['kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;

export interface Formatters {
  number(value: number): string;
  percent(fraction: number): string;
  /** Decimal units as file managers show them (shared/format.ts formatBytes, in the language's digits). */
  bytes(value: number): string;
  date(iso: string): string;
  dateTime(iso: string): string;
  /** A rough, readable duration: "about 3 minutes". */
  duration(seconds: number): string;
  list(values: readonly string[]): string;
}

function parse(iso: string): Date | null {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

export function createFormatters(locale: string): Formatters {
  const numberFormat = new Intl.NumberFormat(locale);
  const percentFormat = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const byteFormats = BYTE_UNITS.map((unit) => [
    new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1, minimumFractionDigits: 1 }),
    new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 0 }),
  ] as const);
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: RULES_TIME_ZONE });
  const dateTimeFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: RULES_TIME_ZONE });
  const unitFormat = (unit: 'second' | 'minute' | 'hour') => new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long', maximumFractionDigits: 0 });
  const seconds = unitFormat('second');
  const minutes = unitFormat('minute');
  const hours = unitFormat('hour');
  const listFormat = new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' });

  return {
    number: (value) => numberFormat.format(value),
    percent: (fraction) => percentFormat.format(Math.min(1, Math.max(0, fraction))),
    bytes(value) {
      // Intl words bytes as "byte"; file managers and shared/format.ts say "B".
      if (!Number.isFinite(value) || value < 1000) return `${numberFormat.format(Math.max(0, Math.round(value || 0)))} B`;
      let scaled = value / 1000;
      let unit = 0;
      // Compare what will be shown, so 999,990 bytes reads 1.0 MB rather than 1,000 kB.
      while (scaled >= 999.5 && unit < BYTE_UNITS.length - 1) {
        scaled /= 1000;
        unit += 1;
      }
      const [precise, whole] = byteFormats[unit]!;
      return scaled >= 99.95 ? whole.format(scaled) : precise.format(scaled);
    },
    date: (iso) => {
      const date = parse(iso);
      return date === null ? iso : dateFormat.format(date);
    },
    dateTime: (iso) => {
      const date = parse(iso);
      return date === null ? iso : dateTimeFormat.format(date);
    },
    duration(total) {
      const whole = Math.max(0, Math.round(total));
      if (whole < 60) return seconds.format(whole);
      if (whole < 3600) return minutes.format(Math.round(whole / 60));
      const h = Math.floor(whole / 3600);
      const m = Math.round((whole % 3600) / 60);
      return m === 0 ? hours.format(h) : listFormat.format([hours.format(h), minutes.format(m)]);
    },
    list: (values) => listFormat.format(values),
  };
}
