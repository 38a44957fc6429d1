import type { ScanResult } from '../../../shared/inventory.ts';
import { CSV_BOM, csvRecord } from './csv.ts';

export const REPORT_CSV_COLUMNS = [
  'record', 'id', 'kind_or_type', 'space', 'title', 'created_at', 'verdict', 'rule',
  'reason_en', 'reason_nl', 'quote', 'size_bytes', 'last_activity',
] as const;

/**
 * One row per space and per item, timestamps as the platform gave them. A space row leaves
 * size_bytes empty so that summing the column gives the scan's bytes; an item's last_activity
 * is its last edit.
 */
export function renderReportCsv(scan: ScanResult): string {
  const lines: string[] = [CSV_BOM + csvRecord(REPORT_CSV_COLUMNS)];
  for (const space of scan.spaces) {
    lines.push(csvRecord([
      'space', space.id, space.kind, null, space.title, space.createdAt, space.verdict, space.rule,
      space.reason.en, space.reason.nl, space.quote, null, space.lastActivityAt,
    ]));
  }
  for (const item of scan.items) {
    lines.push(csvRecord([
      'item', item.id, item.type, item.space, item.title, item.createdAt, item.verdict, item.rule,
      item.reason.en, item.reason.nl, item.quote, item.size, item.updatedAt,
    ]));
  }
  return lines.join('');
}
