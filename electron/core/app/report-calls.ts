import type { z } from 'zod';
import type { ChangesPage, ChangesQuerySchema, ReportSummary, SpacesPage, SpacesQuerySchema } from '../../../shared/contract.ts';
import type { Library } from '../library/library.ts';
import { pageScanChanges, pageScannedSpaces } from '../library/report-queries.ts';
import { toSpaceRow } from './overview.ts';
import type { KeptScan } from './scan-keeper.ts';

/** The Report screen's calls: the run's counts, then pages of what is behind each of them. */

/** Everything counted, nothing listed: a few kilobytes for an account of any size. */
export function reportSummary(kept: KeptScan | null): ReportSummary | null {
  if (kept === null) return null;
  const { run } = kept;
  const { totals, byKind, byYear, byRule } = run.summary;
  return {
    scannedAt: run.finishedAt ?? run.startedAt,
    totals: { spaces: totals.spaces, items: totals.items, bytes: totals.bytes, byVerdict: totals.byVerdict, atRisk: totals.atRisk },
    byKind,
    byYear,
    byRule,
    changes: run.changes === null
      ? null
      : { previousScannedAt: run.changes.previousScannedAt, spaces: run.changes.spaces, items: run.changes.items, transitions: run.changes.transitions },
  };
}

export function querySpaces(library: Library, kept: KeptScan | null, query: z.output<typeof SpacesQuerySchema>): SpacesPage {
  if (kept === null) return { total: 0, offset: query.offset, spaces: [] };
  const page = pageScannedSpaces(
    library, kept.scope,
    { ...(query.verdicts && { verdicts: query.verdicts }), ...(query.rules && { rules: query.rules }), ...(query.kinds && { kinds: query.kinds }) },
    { offset: query.offset, limit: query.limit },
  );
  return { total: page.total, offset: query.offset, spaces: page.rows.map(toSpaceRow) };
}

export function queryChanges(library: Library, kept: KeptScan | null, query: z.output<typeof ChangesQuerySchema>): ChangesPage {
  if (kept === null || kept.run.changes === null) return { total: 0, offset: query.offset, changes: [] };
  const page = pageScanChanges(library, kept.run.id, {
    ...(query.record && { record: query.record }),
    ...(query.changes && { changes: query.changes }),
    ...(query.before && { before: query.before }),
    ...(query.after && { after: query.after }),
  }, { offset: query.offset, limit: query.limit });
  return { total: page.total, offset: query.offset, changes: page.rows };
}
