import { z } from 'zod';
import type { ScanRunInfo } from '../../../shared/scan-summary.ts';
import type { AccountScope } from '../library/account-scope.ts';
import type { Library } from '../library/library.ts';
import {
  atRiskReasonCounts, iterateItemMarks, iterateItemsBySpace, iterateScanChanges, iterateSpaceDates, iterateSpacesById,
  iterateSpacesForReport, itemsOfReason, profileAtRisk, quotesOfRule, spacesMostAtRisk,
} from '../library/report-data-queries.ts';
import { pageScanChanges } from '../library/report-queries.ts';
import { latestFinishedScanRun } from '../library/scan-runs-repository.ts';
import type { ReasonGroup, ReportData } from './report-data.ts';
import { orderedTotals } from './report-data-scan.ts';
import { compareReasonGroups } from './report-order.ts';

export class NoFinishedScanError extends Error {
  override readonly name = 'NoFinishedScanError';
}

const Activity = z.array(z.string());

/**
 * The account's last finished scan in the library as report data. Read it inside
 * withReadSnapshot when a scan of the same account may finish meanwhile.
 */
export function reportDataOfLibrary(library: Library, scope: AccountScope): ReportData {
  const run = latestFinishedScanRun(library, scope);
  if (!run || run.summary === null) {
    throw new NoFinishedScanError(`The library holds no finished scan of account ${scope.accountId} on ${scope.source}: scan it first.`);
  }
  return reportDataOfRun(library, run);
}

export function reportDataOfRun(library: Library, run: ScanRunInfo): ReportData {
  const { summary } = run;
  if (run.status !== 'done' || summary === null) throw new Error(`Scan run ${run.id} has not finished.`);
  const scope: AccountScope = { source: run.source, accountId: run.accountId };
  return {
    head: {
      source: run.source,
      scannedAt: run.finishedAt ?? run.startedAt,
      ruleSet: run.ruleSet,
      settings: run.settings,
      account: run.account,
    },
    totals: orderedTotals(summary.totals),
    summary,
    changes: run.changes,
    spaces: () => iterateSpacesForReport(library, scope),
    spacesMostAtRisk: (limit) => spacesMostAtRisk(library, scope, Math.max(0, limit)),
    atRiskGroups(space, rows) {
      let budget = Math.max(0, rows);
      return atRiskReasonCounts(library, scope, space).sort(compareReasonGroups).map((group): ReasonGroup => {
        const items = itemsOfReason(library, scope, space, group, Math.min(budget, group.count));
        budget -= items.length;
        return { ...group, items };
      });
    },
    itemMarks: (space) => iterateItemMarks(library, scope, space),
    *spaceInstants() {
      for (const { createdAt, activity } of iterateSpaceDates(library, scope)) {
        yield createdAt;
        if (activity !== null) yield* Activity.parse(JSON.parse(activity));
      }
    },
    profileAtRisk: () => profileAtRisk(library, scope),
    quotesOfRule: (rule, candidates) => quotesOfRule(library, scope, rule, candidates),
    changeList(record, limit) {
      if (run.changes === null) return { total: 0, rows: [] };
      const page = pageScanChanges(library, run.id, { record }, { limit: Math.max(1, limit) });
      return { total: page.total, rows: page.rows.slice(0, Math.max(0, limit)) };
    },
    allChanges: () => iterateScanChanges(library, run),
    exportSpaces: () => iterateSpacesById(library, scope),
    exportItems: () => iterateItemsBySpace(library, scope, summary.totals.items),
  };
}
