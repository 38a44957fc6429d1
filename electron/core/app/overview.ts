import type { Overview, SpaceRow } from '../../../shared/contract.ts';
import type { ScanResult } from '../../../shared/inventory.ts';
import { isAtRisk, type Verdict } from '../../../shared/model.ts';
import type { RuleSet } from '../../../shared/rules/ruleset-schema.ts';

type VerdictCounts = Record<Verdict, number>;

const emptyCounts = (): VerdictCounts => ({ migrates: 0, lost: 0, uncertain: 0 });

/** What the overview screen shows of a scan: totals, each space with its items per verdict, the rule set's dates. */
export function toOverview(scan: ScanResult, ruleSet: RuleSet): Overview {
  const counts = new Map<string, VerdictCounts>();
  const atRiskBytes = new Map<string, number>();
  const personal = emptyCounts();
  for (const item of scan.items) {
    if (item.space === null) {
      personal[item.verdict] += 1;
      continue;
    }
    let spaceCounts = counts.get(item.space);
    if (!spaceCounts) counts.set(item.space, (spaceCounts = emptyCounts()));
    spaceCounts[item.verdict] += 1;
    if (isAtRisk(item.verdict)) atRiskBytes.set(item.space, (atRiskBytes.get(item.space) ?? 0) + item.size);
  }
  const spaces: SpaceRow[] = scan.spaces.map((space) => ({
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
    counts: counts.get(space.id) ?? emptyCounts(),
    atRiskBytes: atRiskBytes.get(space.id) ?? 0,
  }));
  const { totals } = scan;
  return {
    source: scan.source,
    scannedAt: scan.scannedAt,
    account: scan.account,
    settings: scan.settings,
    ruleSetVersion: scan.ruleSet.version,
    totals: {
      spaces: totals.spaces,
      items: totals.items,
      bytes: totals.bytes,
      byVerdict: totals.byVerdict,
      atRisk: totals.atRisk,
    },
    spaces,
    personal: { counts: personal },
    dates: {
      contentCutoff: ruleSet.contentCutoff,
      groupWindow: { ...ruleSet.groupWindow },
      groupLife: { ...ruleSet.groupLife },
    },
  };
}
