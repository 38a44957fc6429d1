import type { ScanAccount, ScanTotals } from './inventory.ts';
import { VERDICTS, type RuleId, type Verdict } from './model.ts';

/** Where an item lives: a group, a TwinSpace, or the account's own (personal) items. */
export const HOLDER_KINDS = ['group', 'twinspace', 'personal'] as const;
export type HolderKind = (typeof HOLDER_KINDS)[number];

export interface ItemsAndBytes {
  items: number;
  bytes: number;
}

export interface VerdictBreakdown extends ItemsAndBytes {
  byVerdict: Record<Verdict, ItemsAndBytes>;
}

export interface KindBreakdown extends VerdictBreakdown {
  spaces: number;
  spacesByVerdict: Record<Verdict, number>;
}

export interface YearBreakdown extends VerdictBreakdown {
  /** Calendar year of creation in the rule set's time zone; null when the date is unreadable. */
  year: number | null;
}

export interface RuleBreakdown extends ItemsAndBytes {
  rule: RuleId;
  verdict: Verdict;
  spaces: number;
}

/** The first screen of a large scan: everything counted, nothing listed. */
export interface ScanRunSummary {
  totals: ScanTotals;
  byKind: Record<HolderKind, KindBreakdown>;
  /** Oldest first; an unreadable date last. */
  byYear: YearBreakdown[];
  /** In rule-set order. */
  byRule: RuleBreakdown[];
}

export const CHANGE_KINDS = ['added', 'removed', 'verdict'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];
export type ChangeRecord = 'space' | 'item';

export interface VerdictTransition {
  record: ChangeRecord;
  before: Verdict;
  after: Verdict;
  count: number;
  bytes: number;
}

/** What changed since the account's previous finished scan. */
export interface ScanChangeSummary {
  previousRunId: number;
  previousScannedAt: string;
  spaces: Record<ChangeKind, number>;
  items: Record<ChangeKind, number> & { addedBytes: number; removedBytes: number };
  /** Verdict moves: a group whose new activity brought it into the window shows lost -> migrates. */
  transitions: VerdictTransition[];
}

export type ScanRunStatus = 'running' | 'done' | 'failed';

export interface ScanRunInfo {
  id: number;
  source: string;
  accountId: string;
  account: ScanAccount;
  ruleSet: { version: string; faqUpdated: string };
  settings: { margin: number; euLoginEmail: string | null };
  startedAt: string;
  finishedAt: string | null;
  status: ScanRunStatus;
  error: string | null;
  /** Null until the run is done. */
  summary: ScanRunSummary | null;
  /** Null for the account's first scan, or while running. */
  changes: ScanChangeSummary | null;
}

export interface ScanChange {
  record: ChangeRecord;
  change: ChangeKind;
  id: string;
  spaceId: string | null;
  title: string;
  before: { verdict: Verdict; rule: RuleId } | null;
  after: { verdict: Verdict; rule: RuleId } | null;
  size: number;
}

export function emptyItemsAndBytes(): ItemsAndBytes {
  return { items: 0, bytes: 0 };
}

export function emptyVerdictBreakdown(): VerdictBreakdown {
  return {
    items: 0, bytes: 0,
    byVerdict: Object.fromEntries(VERDICTS.map((verdict) => [verdict, emptyItemsAndBytes()])) as Record<Verdict, ItemsAndBytes>,
  };
}

export function emptyKindBreakdown(): KindBreakdown {
  return {
    ...emptyVerdictBreakdown(), spaces: 0,
    spacesByVerdict: Object.fromEntries(VERDICTS.map((verdict) => [verdict, 0])) as Record<Verdict, number>,
  };
}

export function addToBreakdown(breakdown: VerdictBreakdown, verdict: Verdict, items: number, bytes: number): void {
  breakdown.items += items;
  breakdown.bytes += bytes;
  breakdown.byVerdict[verdict].items += items;
  breakdown.byVerdict[verdict].bytes += bytes;
}
