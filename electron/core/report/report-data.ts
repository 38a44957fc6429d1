import type { ScanAccount, ScanTotals, ScannedItem, ScannedSpace } from '../../../shared/inventory.ts';
import type { Localized, RuleId, Verdict } from '../../../shared/model.ts';
import type { ChangeRecord, ScanChange, ScanChangeSummary, ScanRunSummary } from '../../../shared/scan-summary.ts';

/*
 * What the reports (HTML, CSV, JSON, the terminal) read, whatever holds the scan: the scan in
 * memory (a teacher's account, the app) or the library (an NSO account of 1,000,000 items).
 * Lists are iterables read once, in order, or capped by a limit: a renderer never needs every
 * item at once.
 */

/** What the scan was: whose account, where, when, with which rules and settings. */
export interface ReportHead {
  source: string;
  scannedAt: string;
  ruleSet: { version: string; faqUpdated: string };
  settings: { margin: number; euLoginEmail: string | null };
  account: ScanAccount;
}

export type VerdictCounts = Record<Verdict, number>;

export interface ReportSpace extends ScannedSpace {
  /** The space's items per verdict. */
  counts: VerdictCounts;
  atRiskBytes: number;
}

/** At-risk items that share verdict, rule and reason; `items` are the first few, oldest first. */
export interface ReasonGroup {
  verdict: Verdict;
  rule: RuleId;
  reason: Localized;
  count: number;
  items: ScannedItem[];
}

export interface ItemMark {
  createdAt: string;
  verdict: Verdict;
}

export interface ChangePage {
  total: number;
  rows: ScanChange[];
}

/** What the CSV and JSON exports need: every row once. */
export interface ExportData {
  readonly head: ReportHead;
  readonly totals: ScanTotals;
  /** Every space, in the order of the exports. */
  exportSpaces(): Iterable<ScannedSpace>;
  /** Every item, space by space in the order of exportSpaces, then the personal items. */
  exportItems(): Iterable<ScannedItem>;
}

export interface ReportData extends ExportData {
  readonly summary: ScanRunSummary;
  /** Null for an account's first scan (and for a scan held in memory). */
  readonly changes: ScanChangeSummary | null;

  /** Every space: lost, then uncertain, then migrating; oldest first within a verdict. */
  spaces(): Iterable<ReportSpace>;
  /** The `limit` spaces with the most at risk (bytes, then items); spaces with nothing at risk last. */
  spacesMostAtRisk(limit: number): ReportSpace[];
  /**
   * The at-risk items of one space (null: the personal items) per reason, lost first, in rule
   * order; the first `rows` items over the groups in that order are listed, the rest counted.
   */
  atRiskGroups(space: string | null, rows: number): ReasonGroup[];
  /** Creation instant and verdict of every item of one space (null: personal), any order. */
  itemMarks(space: string | null): Iterable<ItemMark>;
  /** Instants the timeline must span: space creation and activity (item years come from the summary). */
  spaceInstants(): Iterable<string>;
  /** Whether the profile (rule A1) is lost or uncertain. */
  profileAtRisk(): boolean;
  /**
   * The FAQ sentences the scan quoted for a rule. `candidates`: the sentences the rule set has
   * for it, when the scan used that rule set (a library then only checks which occur).
   */
  quotesOfRule(rule: RuleId, candidates: readonly string[] | null): string[];
  /** The first `limit` changes of spaces or items: added, removed, judged otherwise; then by id. */
  changeList(record: ChangeRecord, limit: number): ChangePage;
  /** Every change, spaces first. */
  allChanges(): Iterable<ScanChange>;
}
