import type { Overview, SpaceRow } from '../../../shared/contract.ts';
import type { RuleSet } from '../../../shared/rules/ruleset-schema.ts';
import type { ScanRunInfo, ScanRunSummary } from '../../../shared/scan-summary.ts';
import type { AccountScope } from '../library/account-scope.ts';
import type { Library } from '../library/library.ts';
import { atRiskSpaceIds, pageScannedSpaces, type ScannedSpaceWithCounts } from '../library/report-queries.ts';

/**
 * Spaces the overview carries, most at risk first: every space of a teacher's account, a
 * timeline that stays readable (and a message that stays small) for an account of 10,000. The
 * Report screen pages through all of them.
 */
export const OVERVIEW_SPACES = 500;

export function toSpaceRow(space: ScannedSpaceWithCounts): SpaceRow {
  return {
    id: space.id,
    kind: space.kind,
    title: space.title,
    createdAt: space.createdAt,
    migrationRequest: space.migrationRequest,
    itemCount: space.itemCount,
    activity: space.activity,
    lastActivityAt: space.lastActivityAt,
    verdict: space.verdict,
    rule: space.rule,
    reason: space.reason,
    quote: space.quote,
    counts: space.counts,
    atRiskBytes: space.atRiskBytes,
  };
}

/** What the overview screen shows of a finished scan run, read from the library: totals, the spaces most at risk, the rule set's dates. */
export function overviewOfRun(library: Library, run: ScanRunInfo & { summary: ScanRunSummary }, ruleSet: RuleSet): Overview {
  const scope: AccountScope = { source: run.source, accountId: run.accountId };
  const { totals, byKind } = run.summary;
  const spaces = pageScannedSpaces(library, scope, {}, { limit: OVERVIEW_SPACES }).rows.map(toSpaceRow);
  const personal = byKind.personal.byVerdict;
  return {
    source: run.source,
    scannedAt: run.finishedAt ?? run.startedAt,
    account: run.account,
    settings: run.settings,
    ruleSetVersion: run.ruleSet.version,
    totals: {
      spaces: totals.spaces,
      items: totals.items,
      bytes: totals.bytes,
      byVerdict: totals.byVerdict,
      atRisk: totals.atRisk,
    },
    spaces,
    atRiskSpaces: atRiskSpaceIds(library, scope),
    personal: { counts: { migrates: personal.migrates.items, lost: personal.lost.items, uncertain: personal.uncertain.items } },
    dates: {
      contentCutoff: ruleSet.contentCutoff,
      groupWindow: { ...ruleSet.groupWindow },
      groupLife: { ...ruleSet.groupLife },
    },
  };
}
