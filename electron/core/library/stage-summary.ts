import { z } from 'zod';
import { atRiskOf, emptyVerdictTotals, type ScanTotals } from '../../../shared/inventory.ts';
import { RULE_IDS, VERDICTS, type RuleId, type Verdict } from '../../../shared/model.ts';
import {
  HOLDER_KINDS, addToBreakdown, emptyKindBreakdown, emptyVerdictBreakdown,
  type HolderKind, type KindBreakdown, type RuleBreakdown, type ScanRunSummary, type YearBreakdown,
} from '../../../shared/scan-summary.ts';
import type { Library } from './library.ts';
import { oneOf, toRuleId, toVerdict } from './row-values.ts';

const toHolderKind: (value: string) => HolderKind = oneOf(HOLDER_KINDS, 'space kind');

interface ItemGroupRow {
  holder_kind: string;
  created_year: number | null;
  verdict: string;
  rule: string;
  items: number;
  bytes: number;
}

interface SpaceGroupRow {
  kind: string;
  verdict: string;
  rule: string;
  spaces: number;
}

export const STAGE_ITEM_GROUPS_SQL = `
  SELECT st.holder_kind, st.created_year, j.verdict, j.rule, count(*) AS items, total(st.size) AS bytes
  FROM scan_stage_items st JOIN scan_stage_judgements j ON j.run_id = st.run_id AND j.key = st.judgement
  WHERE st.run_id = @run
  GROUP BY st.holder_kind, st.created_year, st.judgement`;

export const STAGE_SPACE_GROUPS_SQL = `
  SELECT ss.kind, j.verdict, j.rule, count(*) AS spaces
  FROM scan_stage_spaces ss JOIN scan_stage_judgements j ON j.run_id = ss.run_id AND j.key = ss.judgement
  WHERE ss.run_id = @run
  GROUP BY ss.kind, ss.judgement`;

/** Counts a staged run by verdict, rule, kind and year with two grouped passes over the stage. */
export function summarizeStage(library: Library, runId: number): ScanRunSummary {
  return summaryFromGroups(
    library.db.prepare<{ run: number }, ItemGroupRow>(STAGE_ITEM_GROUPS_SQL).all({ run: runId }),
    library.db.prepare<{ run: number }, SpaceGroupRow>(STAGE_SPACE_GROUPS_SQL).all({ run: runId }),
  );
}

const ItemGroupSchema = z.object({
  holder_kind: z.string(), created_year: z.number().nullable(), verdict: z.string(), rule: z.string(), items: z.number(), bytes: z.number(),
});
const SpaceGroupSchema = z.object({ kind: z.string(), verdict: z.string(), rule: z.string(), spaces: z.number() });

/** The same, from rows a worker thread read (checked: they crossed a thread boundary). */
export function summaryFromWorkerRows(itemGroups: unknown, spaceGroups: unknown): ScanRunSummary {
  return summaryFromGroups(z.array(ItemGroupSchema).parse(itemGroups), z.array(SpaceGroupSchema).parse(spaceGroups));
}

function summaryFromGroups(itemGroups: readonly ItemGroupRow[], spaceGroups: readonly SpaceGroupRow[]): ScanRunSummary {
  const byVerdict = Object.fromEntries(VERDICTS.map((verdict) => [verdict, emptyVerdictTotals()])) as ScanTotals['byVerdict'];
  const byKind = Object.fromEntries(HOLDER_KINDS.map((kind) => [kind, emptyKindBreakdown()])) as Record<HolderKind, KindBreakdown>;
  const byYear = new Map<number | null, YearBreakdown>();
  const byRule = new Map<RuleId, RuleBreakdown>();
  const totalsByRule: ScanTotals['byRule'] = {};
  const ruleEntry = (rule: RuleId, verdict: Verdict): RuleBreakdown => {
    let entry = byRule.get(rule);
    if (!entry) byRule.set(rule, (entry = { rule, verdict, items: 0, bytes: 0, spaces: 0 }));
    return entry;
  };
  let items = 0;
  let bytes = 0;
  let spaces = 0;

  for (const row of itemGroups) {
    const verdict = toVerdict(row.verdict);
    const rule = toRuleId(row.rule);
    items += row.items;
    bytes += row.bytes;
    byVerdict[verdict].items += row.items;
    byVerdict[verdict].bytes += row.bytes;
    addToBreakdown(byKind[toHolderKind(row.holder_kind)], verdict, row.items, row.bytes);
    let year = byYear.get(row.created_year);
    if (!year) byYear.set(row.created_year, (year = { year: row.created_year, ...emptyVerdictBreakdown() }));
    addToBreakdown(year, verdict, row.items, row.bytes);
    const entry = ruleEntry(rule, verdict);
    entry.items += row.items;
    entry.bytes += row.bytes;
    const total = (totalsByRule[rule] ??= { items: 0, bytes: 0 });
    total.items += row.items;
    total.bytes += row.bytes;
  }
  for (const row of spaceGroups) {
    const verdict = toVerdict(row.verdict);
    spaces += row.spaces;
    byVerdict[verdict].spaces += row.spaces;
    const kind = byKind[toHolderKind(row.kind)];
    kind.spaces += row.spaces;
    kind.spacesByVerdict[verdict] += row.spaces;
    ruleEntry(toRuleId(row.rule), verdict).spaces += row.spaces;
  }

  return {
    totals: {
      spaces, items, bytes, byVerdict, byRule: totalsByRule,
      atRisk: atRiskOf(byVerdict),
    },
    byKind,
    byYear: [...byYear.values()].sort((a, b) => (a.year ?? Number.POSITIVE_INFINITY) - (b.year ?? Number.POSITIVE_INFINITY)),
    byRule: RULE_IDS.flatMap((rule) => byRule.get(rule) ?? []),
  };
}
