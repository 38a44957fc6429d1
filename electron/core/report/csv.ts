/** Excel reads a UTF-8 CSV as the local code page unless it starts with a byte order mark. */
export const CSV_BOM = '\uFEFF';
export const CSV_LINE_END = '\r\n';

// OWASP CSV injection: a spreadsheet evaluates a cell that starts with one of these.
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One RFC 4180 field. Every field is quoted: Excel in a Dutch or Belgian locale splits on
 * ";", and an unquoted ";=HYPERLINK(...)" would become a new cell that the apostrophe guard
 * never saw.
 */
export function csvField(value: string | number | null): string {
  if (value === null) return '""';
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

export function csvRecord(fields: readonly (string | number | null)[]): string {
  return fields.map(csvField).join(',') + CSV_LINE_END;
}
