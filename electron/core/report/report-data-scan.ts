import { emptyVerdictTotals, type ScanResult, type ScanTotals, type ScannedItem } from '../../../shared/inventory.ts';
import { RULE_IDS, isAtRisk, type RuleId, type Verdict } from '../../../shared/model.ts';
import {
  HOLDER_KINDS, addToBreakdown, emptyKindBreakdown, emptyVerdictBreakdown,
  type HolderKind, type KindBreakdown, type RuleBreakdown, type ScanRunSummary, type YearBreakdown,
} from '../../../shared/scan-summary.ts';
import { createYearOf } from '../inventory/creation-year.ts';
import type { ExportData, ReasonGroup, ReportData, ReportHead, ReportSpace, VerdictCounts } from './report-data.ts';
import { byVerdictThenDate, compareReasonGroups, emptyCounts, timeOf } from './report-order.ts';

function headOf(scan: ScanResult): ReportHead {
  return { source: scan.source, scannedAt: scan.scannedAt, ruleSet: scan.ruleSet, settings: scan.settings, account: scan.account };
}

/** The exports of a scan held in memory, in the scan's own order. */
export function exportDataOfScan(scan: ScanResult): ExportData {
  return {
    head: headOf(scan),
    totals: scan.totals,
    exportSpaces: () => scan.spaces,
    exportItems: () => scan.items,
  };
}

/** Counts a scan in memory the way the library counts a streamed one (see stage-summary.ts). */
export function summarizeScan(scan: ScanResult, timeZone: string): ScanRunSummary {
  const yearOf = createYearOf(timeZone);
  const kindOf = new Map(scan.spaces.map((space) => [space.id, space.kind]));
  const byKind = Object.fromEntries(HOLDER_KINDS.map((kind) => [kind, emptyKindBreakdown()])) as Record<HolderKind, KindBreakdown>;
  const byYear = new Map<number | null, YearBreakdown>();
  const byRule = new Map<RuleId, RuleBreakdown>();
  const ruleEntry = (rule: RuleId, verdict: Verdict): RuleBreakdown => {
    let entry = byRule.get(rule);
    if (!entry) byRule.set(rule, (entry = { rule, verdict, items: 0, bytes: 0, spaces: 0 }));
    return entry;
  };
  for (const item of scan.items) {
    const kind: HolderKind = item.space === null ? 'personal' : (kindOf.get(item.space) ?? 'group');
    addToBreakdown(byKind[kind], item.verdict, 1, item.size);
    const year = yearOf(item.createdAt);
    let entry = byYear.get(year);
    if (!entry) byYear.set(year, (entry = { year, ...emptyVerdictBreakdown() }));
    addToBreakdown(entry, item.verdict, 1, item.size);
    const rule = ruleEntry(item.rule, item.verdict);
    rule.items += 1;
    rule.bytes += item.size;
  }
  for (const space of scan.spaces) {
    const kind = byKind[space.kind];
    kind.spaces += 1;
    kind.spacesByVerdict[space.verdict] += 1;
    ruleEntry(space.rule, space.verdict).spaces += 1;
  }
  return {
    totals: scan.totals,
    byKind,
    byYear: [...byYear.values()].sort((a, b) => (a.year ?? Number.POSITIVE_INFINITY) - (b.year ?? Number.POSITIVE_INFINITY)),
    byRule: RULE_IDS.flatMap((rule) => byRule.get(rule) ?? []),
  };
}

/** Items sharing verdict, rule and reason, oldest first within each; groups in report order. */
function groupByReason(items: readonly ScannedItem[]): { head: ScannedItem; items: ScannedItem[] }[] {
  const groups = new Map<string, { head: ScannedItem; items: ScannedItem[] }>();
  for (const item of items) {
    const key = `${item.verdict}\u0000${item.rule}\u0000${item.reason.en}`;
    const group = groups.get(key);
    if (group) group.items.push(item);
    else groups.set(key, { head: item, items: [item] });
  }
  const byDate = (a: ScannedItem, b: ScannedItem): number => timeOf(a.createdAt) - timeOf(b.createdAt) || a.id.localeCompare(b.id);
  for (const group of groups.values()) group.items.sort(byDate);
  return [...groups.values()].sort((a, b) => compareReasonGroups(a.head, b.head));
}

/**
 * A scan held in memory as report data: what the app exports, and what the unit tests render.
 * It has no previous scan to compare with, so no changes.
 */
export function reportDataOfScan(scan: ScanResult, timeZone: string): ReportData {
  const itemsBySpace = new Map<string, ScannedItem[]>();
  const countsBySpace = new Map<string, VerdictCounts>();
  const bytesBySpace = new Map<string, number>();
  const personal: ScannedItem[] = [];
  for (const item of scan.items) {
    if (item.space === null) {
      personal.push(item);
      continue;
    }
    let list = itemsBySpace.get(item.space);
    if (!list) itemsBySpace.set(item.space, (list = []));
    list.push(item);
    let counts = countsBySpace.get(item.space);
    if (!counts) countsBySpace.set(item.space, (counts = emptyCounts()));
    counts[item.verdict] += 1;
    if (isAtRisk(item.verdict)) bytesBySpace.set(item.space, (bytesBySpace.get(item.space) ?? 0) + item.size);
  }
  const spaces: ReportSpace[] = [...scan.spaces].sort(byVerdictThenDate).map((space) => ({
    ...space, counts: countsBySpace.get(space.id) ?? emptyCounts(), atRiskBytes: bytesBySpace.get(space.id) ?? 0,
  }));
  const itemsOf = (space: string | null) => (space === null ? personal : (itemsBySpace.get(space) ?? []));
  let summary: ScanRunSummary | null = null;

  return {
    ...exportDataOfScan(scan),
    get summary() {
      return (summary ??= summarizeScan(scan, timeZone));
    },
    changes: null,
    spaces: () => spaces,
    spacesMostAtRisk(limit) {
      const atRisk = (space: ReportSpace) => space.counts.lost + space.counts.uncertain;
      return [...spaces]
        .sort((a, b) => Number(atRisk(a) === 0) - Number(atRisk(b) === 0)
          || byVerdictRank(a.verdict) - byVerdictRank(b.verdict)
          || b.atRiskBytes - a.atRiskBytes || atRisk(b) - atRisk(a) || a.title.localeCompare(b.title))
        .slice(0, Math.max(0, limit));
    },
    atRiskGroups(space, rows) {
      let budget = Math.max(0, rows);
      return groupByReason(itemsOf(space).filter((item) => isAtRisk(item.verdict))).map(({ head, items }): ReasonGroup => {
        const shown = items.slice(0, budget);
        budget -= shown.length;
        return { verdict: head.verdict, rule: head.rule, reason: head.reason, count: items.length, items: shown };
      });
    },
    itemMarks: (space) => itemsOf(space),
    *spaceInstants() {
      for (const space of scan.spaces) {
        yield space.createdAt;
        yield* space.activity;
      }
    },
    profileAtRisk: () => scan.items.some((item) => item.rule === 'A1' && isAtRisk(item.verdict)),
    quotesOfRule(rule, candidates) {
      const quotes = new Set<string>();
      for (const space of scan.spaces) if (space.rule === rule) quotes.add(space.quote);
      for (const item of scan.items) if (item.rule === rule) quotes.add(item.quote);
      // In the rule set's order when it is known, as the library gives them.
      return candidates === null ? [...quotes] : [...new Set(candidates)].filter((quote) => quotes.has(quote));
    },
    changeList: () => ({ total: 0, rows: [] }),
    allChanges: () => [],
  };
}

function byVerdictRank(verdict: Verdict): number {
  return verdict === 'lost' ? 0 : verdict === 'uncertain' ? 1 : 2;
}

/** Totals as computeTotals orders their keys, so JSON written from any source reads the same. */
export function orderedTotals(totals: ScanTotals): ScanTotals {
  const verdictTotals = (verdict: Verdict) => ({ ...emptyVerdictTotals(), ...totals.byVerdict[verdict] });
  const byRule: ScanTotals['byRule'] = {};
  for (const rule of RULE_IDS) {
    const entry = totals.byRule[rule];
    if (entry) byRule[rule] = { items: entry.items, bytes: entry.bytes };
  }
  return {
    spaces: totals.spaces,
    items: totals.items,
    bytes: totals.bytes,
    byVerdict: { migrates: verdictTotals('migrates'), lost: verdictTotals('lost'), uncertain: verdictTotals('uncertain') },
    atRisk: { spaces: totals.atRisk.spaces, items: totals.atRisk.items, bytes: totals.atRisk.bytes },
    byRule,
  };
}
