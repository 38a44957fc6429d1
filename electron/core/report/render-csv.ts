import type { ScanResult } from '../../../shared/inventory.ts';
import type { ScanChange } from '../../../shared/scan-summary.ts';
import { CSV_BOM, csvRecord } from './csv.ts';
import type { ExportData } from './report-data.ts';
import { exportDataOfScan } from './report-data-scan.ts';

export const REPORT_CSV_COLUMNS = [
  'record', 'id', 'kind_or_type', 'space', 'title', 'created_at', 'verdict', 'rule',
  'reason_en', 'reason_nl', 'quote', 'size_bytes', 'last_activity',
] as const;

/**
 * One row per space and per item, timestamps as the platform gave them. A space row leaves
 * size_bytes empty so that summing the column gives the scan's bytes; an item's last_activity
 * is its last edit. Given row by row, so 1,000,000 items stream to the file.
 */
export function* reportCsvChunks(data: ExportData): Generator<string> {
  yield CSV_BOM + csvRecord(REPORT_CSV_COLUMNS);
  for (const space of data.exportSpaces()) {
    yield csvRecord([
      'space', space.id, space.kind, null, space.title, space.createdAt, space.verdict, space.rule,
      space.reason.en, space.reason.nl, space.quote, null, space.lastActivityAt,
    ]);
  }
  for (const item of data.exportItems()) {
    yield csvRecord([
      'item', item.id, item.type, item.space, item.title, item.createdAt, item.verdict, item.rule,
      item.reason.en, item.reason.nl, item.quote, item.size, item.updatedAt,
    ]);
  }
}

export function renderReportCsv(scan: ScanResult): string {
  return [...reportCsvChunks(exportDataOfScan(scan))].join('');
}

export const CHANGES_CSV_COLUMNS = [
  'record', 'change', 'id', 'space', 'title', 'verdict_before', 'rule_before', 'verdict_after', 'rule_after', 'size_bytes',
] as const;

/**
 * What a scan found changed since the previous one, one row per space or item: added, removed,
 * or judged otherwise (verdict or rule). A removed item's size is its size when last seen.
 */
export function* changesCsvChunks(changes: Iterable<ScanChange>): Generator<string> {
  yield CSV_BOM + csvRecord(CHANGES_CSV_COLUMNS);
  for (const change of changes) {
    yield csvRecord([
      change.record, change.change, change.id, change.spaceId, change.title,
      change.before?.verdict ?? null, change.before?.rule ?? null, change.after?.verdict ?? null, change.after?.rule ?? null,
      change.record === 'item' ? change.size : null,
    ]);
  }
}
