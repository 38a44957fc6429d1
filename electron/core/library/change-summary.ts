import type { ScanChangeSummary } from '../../../shared/scan-summary.ts';
import type { Library } from './library.ts';
import { toVerdict } from './row-values.ts';

interface ChangeCountRow {
  record: string;
  change: string;
  before_verdict: string | null;
  after_verdict: string | null;
  count: number;
  bytes: number;
}

/** Counts what a run recorded as changed; a range of the changes table's key, so cheap. */
export function summarizeChanges(library: Library, runId: number, previousRunId: number, previousScannedAt: string): ScanChangeSummary {
  const summary: ScanChangeSummary = {
    previousRunId, previousScannedAt,
    spaces: { added: 0, removed: 0, verdict: 0 },
    items: { added: 0, removed: 0, verdict: 0, addedBytes: 0, removedBytes: 0 },
    transitions: [],
  };
  const rows = library.db.prepare<[number], ChangeCountRow>(`
    SELECT record, change, before_verdict, after_verdict, count(*) AS count, total(size) AS bytes
    FROM scan_changes WHERE run_id = ? GROUP BY record, change, before_verdict, after_verdict`).all(runId);
  for (const row of rows) {
    const record = row.record === 'space' ? 'space' : 'item';
    const counts = record === 'space' ? summary.spaces : summary.items;
    if (row.change === 'added') {
      counts.added += row.count;
      if (record === 'item') summary.items.addedBytes += row.bytes;
    } else if (row.change === 'removed') {
      counts.removed += row.count;
      if (record === 'item') summary.items.removedBytes += row.bytes;
    } else {
      counts.verdict += row.count;
      if (row.before_verdict !== null && row.after_verdict !== null && row.before_verdict !== row.after_verdict) {
        summary.transitions.push({
          record, before: toVerdict(row.before_verdict), after: toVerdict(row.after_verdict), count: row.count, bytes: row.bytes,
        });
      }
    }
  }
  return summary;
}
