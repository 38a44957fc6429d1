import type { RuleId } from '../../../shared/model.ts';
import type { RuleSet } from '../../../shared/rules/ruleset-schema.ts';
import type { ReportData } from './report-data.ts';
import { createReportFormat, type ReportFormat } from './report-format.ts';
import { REPORT_STRINGS, type ReportLang, type ReportStrings } from './report-strings.ts';

export { VERDICT_ORDER, byVerdictThenDate, emptyCounts, ruleRank, timeOf } from './report-order.ts';
export type { VerdictCounts } from './report-data.ts';

export interface ReportHtmlOptions {
  /** At-risk item rows listed per space (and for personal items); the rest are counted. */
  maxItemRowsPerSpace?: number;
  /** At-risk item rows in the whole report. */
  maxItemRowsTotal?: number;
  /** Spaces drawn in the timeline; the rest are counted in a note. */
  maxTimelineRows?: number;
  /** Spaces described one by one (most at risk first); the rest are counted and left to the CSV. */
  maxSpaceSections?: number;
  /** Spaces whose at-risk items get a table; the rest are counted and left to the CSV. */
  maxRiskSpaces?: number;
  /** Changed spaces, and changed items, listed in "What changed". */
  maxChangeRows?: number;
}

/** The report's data with everything its parts share. */
export interface ReportContext {
  data: ReportData;
  ruleSet: RuleSet;
  lang: ReportLang;
  s: ReportStrings;
  fmt: ReportFormat;
  maxItemRowsPerSpace: number;
  maxItemRowsTotal: number;
  maxTimelineRows: number;
  maxSpaceSections: number;
  maxRiskSpaces: number;
  maxChangeRows: number;
}

export function createReportContext(data: ReportData, ruleSet: RuleSet, lang: ReportLang, options: ReportHtmlOptions = {}): ReportContext {
  const s = REPORT_STRINGS[lang];
  return {
    data, ruleSet, lang, s,
    fmt: createReportFormat(s.locale, ruleSet.timeZone),
    maxItemRowsPerSpace: options.maxItemRowsPerSpace ?? 500,
    maxItemRowsTotal: options.maxItemRowsTotal ?? 20_000,
    maxTimelineRows: options.maxTimelineRows ?? 60,
    // 1,000 described spaces are about 1.5 MB of HTML; an NSO account of 10,000 would be 15.
    maxSpaceSections: options.maxSpaceSections ?? 1_000,
    maxRiskSpaces: options.maxRiskSpaces ?? 1_000,
    maxChangeRows: options.maxChangeRows ?? 200,
  };
}

export function ruleTitle(ctx: ReportContext, rule: RuleId): string {
  return ctx.ruleSet.rules[rule]?.title[ctx.lang] ?? rule;
}
