import { RULE_IDS, type Localized, type RuleId, type Verdict } from '../../../shared/model.ts';
import type { VerdictCounts } from './report-data.ts';

/** At risk first: the report is read to decide what to archive. */
export const VERDICT_ORDER: readonly Verdict[] = ['lost', 'uncertain', 'migrates'];

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

/** Reason groups of at-risk items: lost first, then by rule, then by the reason's text. */
export function compareReasonGroups(
  a: { verdict: Verdict; rule: RuleId; reason: Localized }, b: { verdict: Verdict; rule: RuleId; reason: Localized },
): number {
  return VERDICT_ORDER.indexOf(a.verdict) - VERDICT_ORDER.indexOf(b.verdict)
    || ruleRank(a.rule) - ruleRank(b.rule)
    || (a.reason.en < b.reason.en ? -1 : a.reason.en > b.reason.en ? 1 : 0);
}
