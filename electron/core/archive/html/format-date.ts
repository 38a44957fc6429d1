import { escapeHtml } from './escape-html.ts';

/**
 * A timestamp as "2019-03-02 10:00 UTC": unambiguous in every language and the same on every
 * machine that opens the archive. What does not parse is shown as it came.
 */
export function formatDate(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** Just the day, "2019-03-02", for lists. */
export function formatDay(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toISOString().slice(0, 10);
}

export function timeElement(iso: string, format: (iso: string) => string = formatDate): string {
  return `<time datetime="${escapeHtml(iso)}">${escapeHtml(format(iso))}</time>`;
}
