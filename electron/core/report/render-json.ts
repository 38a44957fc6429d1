import type { ScanResult } from '../../../shared/inventory.ts';
import type { ExportData } from './report-data.ts';

/**
 * The scan as `twinarchive-scan/1` JSON, given row by row: byte for byte what JSON.stringify
 * makes of the ScanResult (compact, or indented by two like the report), without ever holding
 * the spaces and items. JSON strings never hold a raw line break, so indenting a nested value
 * is prefixing its lines.
 */
export function* scanJsonChunks(data: ExportData, pretty: boolean): Generator<string> {
  const { head } = data;
  const newline = pretty ? '\n' : '';
  const outer = pretty ? '  ' : '';
  const inner = pretty ? '    ' : '';
  const value = (entry: unknown, pad: string): string =>
    (pretty ? JSON.stringify(entry, null, 2).replaceAll('\n', `\n${pad}`) : JSON.stringify(entry));
  let keys = 0;
  const key = (name: string): string => `${keys++ === 0 ? '' : ','}${newline}${outer}${JSON.stringify(name)}:${pretty ? ' ' : ''}`;

  yield '{';
  const fields: [string, unknown][] = [
    ['format', 'twinarchive-scan/1'], ['source', head.source], ['scannedAt', head.scannedAt],
    ['ruleSet', head.ruleSet], ['settings', head.settings], ['account', head.account],
  ];
  for (const [name, entry] of fields) yield key(name) + value(entry, outer);
  const lists: [string, Iterable<unknown>][] = [['spaces', data.exportSpaces()], ['items', data.exportItems()]];
  for (const [name, rows] of lists) {
    yield `${key(name)}[`;
    let count = 0;
    for (const row of rows) yield `${count++ === 0 ? '' : ','}${newline}${inner}${value(row, inner)}`;
    yield count === 0 ? ']' : `${newline}${outer}]`;
  }
  yield key('totals') + value(data.totals, outer);
  yield `${newline}}\n`;
}

export function renderReportJson(scan: ScanResult): string {
  return `${JSON.stringify(scan, null, 2)}\n`;
}
