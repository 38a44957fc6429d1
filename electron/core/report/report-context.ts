import type { ScanResult, ScannedItem, ScannedSpace } from '../../../shared/inventory.ts';
import { RULE_IDS, type RuleId, type Verdict } from '../../../shared/model.ts';
import type { RuleSet } from '../../../shared/rules/ruleset-schema.ts';
import { createReportFormat, type ReportFormat } from './report-format.ts';
import { REPORT_STRINGS, type ReportLang, type ReportStrings } from './report-strings.ts';

/** At risk first: the report is read to decide what to archive. */
export const VERDICT_ORDER: readonly Verdict[] = ['lost', 'uncertain', 'migrates'];

export interface ReportHtmlOptions {
  /** At-risk item rows listed per space (and for personal items); the rest are counted. */
  maxItemRowsPerSpace?: number;
  /** At-risk item rows in the whole report. */
  maxItemRowsTotal?: number;
  /** Spaces drawn in the timeline; the rest are counted in a note. */
  maxTimelineRows?: number;
}

export type VerdictCounts = Record<Verdict, number>;

/** The scan, indexed once, with everything the report's parts share. */
export interface ReportContext {
  scan: ScanResult;
  ruleSet: RuleSet;
  lang: ReportLang;
  s: ReportStrings;
  fmt: ReportFormat;
  maxItemRowsPerSpace: number;
  maxItemRowsTotal: number;
  maxTimelineRows: number;
  /** Lost, then uncertain, then migrates; oldest first within a verdict. */
  spaces: ScannedSpace[];
  itemsBySpace: ReadonlyMap<string, ScannedItem[]>;
  countsBySpace: ReadonlyMap<string, VerdictCounts>;
  personalItems: ScannedItem[];
}

export function emptyCounts(): VerdictCounts {
  return { migrates: 0, lost: 0, uncertain: 0 };
}

/** Epoch ms for sorting; text that is no timestamp sorts last. */
export function timeOf(instant: string): number {
  const ms = Date.parse(instant);
  return Number.isNaN(ms) ? Number.POSITIVE_INFINITY : ms;
}

export function byVerdictThenDate<T extends { verdict: Verdict; createdAt: string; title: string }>(a: T, b: T): number {
  return VERDICT_ORDER.indexOf(a.verdict) - VERDICT_ORDER.indexOf(b.verdict)
    || timeOf(a.createdAt) - timeOf(b.createdAt)
    || a.title.localeCompare(b.title);
}

const RULE_ORDER = new Map<RuleId, number>(RULE_IDS.map((rule, index) => [rule, index]));

export function ruleRank(rule: RuleId): number {
  return RULE_ORDER.get(rule) ?? RULE_IDS.length;
}

export function createReportContext(
  scan: ScanResult, ruleSet: RuleSet, lang: ReportLang, options: ReportHtmlOptions = {},
): ReportContext {
  const s = REPORT_STRINGS[lang];
  const itemsBySpace = new Map<string, ScannedItem[]>();
  const countsBySpace = new Map<string, VerdictCounts>();
  const personalItems: ScannedItem[] = [];
  for (const item of scan.items) {
    if (item.space === null) {
      personalItems.push(item);
      continue;
    }
    let list = itemsBySpace.get(item.space);
    if (!list) itemsBySpace.set(item.space, (list = []));
    list.push(item);
    let counts = countsBySpace.get(item.space);
    if (!counts) countsBySpace.set(item.space, (counts = emptyCounts()));
    counts[item.verdict] += 1;
  }
  return {
    scan, ruleSet, lang, s,
    fmt: createReportFormat(s.locale, ruleSet.timeZone),
    maxItemRowsPerSpace: options.maxItemRowsPerSpace ?? 500,
    maxItemRowsTotal: options.maxItemRowsTotal ?? 20_000,
    maxTimelineRows: options.maxTimelineRows ?? 60,
    spaces: [...scan.spaces].sort(byVerdictThenDate),
    itemsBySpace, countsBySpace, personalItems,
  };
}

export function ruleTitle(ctx: ReportContext, rule: RuleId): string {
  return ctx.ruleSet.rules[rule]?.title[ctx.lang] ?? rule;
}
