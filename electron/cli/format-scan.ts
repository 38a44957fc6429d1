import type { ScanResult } from '../../shared/inventory.ts';
import type { Verdict } from '../../shared/model.ts';
import { formatBytes } from '../../shared/format.ts';
import { HOLDER_KINDS, type HolderKind } from '../../shared/scan-summary.ts';
import type { RuleSet } from '../../shared/rules/ruleset-schema.ts';
import type { ReportData, ReportSpace, VerdictCounts } from '../core/report/report-data.ts';
import { reportDataOfScan } from '../core/report/report-data-scan.ts';
import { createReportFormat } from '../core/report/report-format.ts';

const LABEL: Record<Verdict, string> = { lost: 'Lost', uncertain: 'Uncertain', migrates: 'Migrates' };
const ORDER: readonly Verdict[] = ['lost', 'uncertain', 'migrates'];
const KIND_LABEL: Record<HolderKind, string> = { group: 'Groups', twinspace: 'TwinSpaces', personal: 'Personal' };

export interface ScanTextOptions {
  /** Accounts with at most this many spaces list them all; larger ones list the most at risk. */
  allSpacesUpTo?: number;
  /** Spaces listed for a larger account. */
  mostAtRisk?: number;
  /** Where to see every space (and every change), said under a shortened list. */
  seeAll?: string;
  seeChanges?: string;
}

function row(label: string, spaces: number, items: number, bytes: number): string {
  return `  ${label.padEnd(10)}${String(spaces).padStart(8)}${String(items).padStart(8)}${formatBytes(bytes).padStart(10)}`;
}

const columns = (values: readonly (string | number)[], width = 10) => values.map((value) => String(value).padStart(width)).join('');

function describeCounts(counts: VerdictCounts): string {
  return ORDER.filter((verdict) => counts[verdict] > 0).map((verdict) => `${counts[verdict]} ${verdict}`).join(', ') || 'no items';
}

function spaceLines(space: ReportSpace): string[] {
  return [
    `  ${space.verdict.toUpperCase().padEnd(10)}${space.rule.padEnd(7)}${space.kind.padEnd(10)}${sanitizeForTerminal(space.title)}` +
      `  (${describeCounts(space.counts)})`,
    `      ${space.reason.en}`,
  ];
}

function summaryLines(data: ReportData, ruleSet: Pick<RuleSet, 'rules'>): string[] {
  const { summary } = data;
  const { totals } = summary;
  const lines = [
    `  ${''.padEnd(10)}${'spaces'.padStart(8)}${'items'.padStart(8)}${'size'.padStart(10)}`,
    ...ORDER.map((verdict) => {
      const entry = totals.byVerdict[verdict];
      return row(LABEL[verdict], entry.spaces, entry.items, entry.bytes);
    }),
    `${row('At risk', totals.atRisk.spaces, totals.atRisk.items, totals.atRisk.bytes)}   <- archive these`,
    '',
    `${'By kind'.padEnd(12)}${columns(['spaces', 'items', 'at risk', 'size at risk'], 13)}`,
    ...HOLDER_KINDS.map((kind) => {
      const entry = summary.byKind[kind];
      const atRisk = entry.byVerdict.lost.items + entry.byVerdict.uncertain.items;
      const atRiskBytes = entry.byVerdict.lost.bytes + entry.byVerdict.uncertain.bytes;
      return `  ${KIND_LABEL[kind].padEnd(10)}${columns([kind === 'personal' ? '-' : entry.spaces, entry.items, atRisk, formatBytes(atRiskBytes)], 13)}`;
    }),
  ];
  if (summary.byYear.length > 0) {
    lines.push('', `${'By year'.padEnd(12)}${columns(['items', 'lost', 'uncertain', 'migrates', 'size'], 11)}`);
    for (const year of summary.byYear) {
      lines.push(`  ${String(year.year ?? 'unknown').padEnd(10)}${columns([
        year.items, year.byVerdict.lost.items, year.byVerdict.uncertain.items, year.byVerdict.migrates.items, formatBytes(year.bytes),
      ], 11)}`);
    }
  }
  if (summary.byRule.length > 0) {
    lines.push('', `${'By rule'.padEnd(60)}${columns(['spaces', 'items', 'size'], 9)}`);
    for (const rule of summary.byRule) {
      const title = ruleSet.rules[rule.rule]?.title.en ?? rule.rule;
      const clipped = title.length > 38 ? `${title.slice(0, 37)}…` : title;
      lines.push(`  ${rule.rule.padEnd(8)}${rule.verdict.padEnd(11)}${clipped.padEnd(39)}${columns([rule.spaces, rule.items, formatBytes(rule.bytes)], 9)}`);
    }
  }
  return lines;
}

function changeLines(data: ReportData, timeZone: string, options: ScanTextOptions): string[] {
  const { changes } = data;
  if (changes === null) return [];
  const fmt = createReportFormat('en-GB', timeZone);
  const lines = ['', `Changes since the scan of ${fmt.dateTime(changes.previousScannedAt)}`];
  const moves = (record: 'space' | 'item') => changes.transitions
    .filter((move) => move.record === record)
    .map((move) => `    ${move.count} went from ${move.before} to ${move.after}${record === 'space' && move.after === 'migrates' ? ' (new activity in the migration window)' : ''}`);
  const { spaces, items } = changes;
  if (spaces.added + spaces.removed + spaces.verdict + items.added + items.removed + items.verdict === 0) {
    lines.push('  Nothing changed.');
    return lines;
  }
  lines.push(`  Groups and TwinSpaces: ${spaces.added} added, ${spaces.removed} removed, ${spaces.verdict} judged otherwise`, ...moves('space'));
  lines.push(
    `  Items: ${items.added} added (${formatBytes(items.addedBytes)}), ${items.removed} removed (${formatBytes(items.removedBytes)}), ${items.verdict} judged otherwise`,
    ...moves('item'),
  );
  const shown = 20;
  const page = data.changeList('space', shown);
  if (page.rows.length > 0) {
    lines.push('  Spaces that changed:');
    for (const change of page.rows) {
      const before = change.before ? change.before.verdict.toUpperCase() : 'NEW';
      const after = change.after ? change.after.verdict.toUpperCase() : 'GONE';
      lines.push(`    ${`${before} -> ${after}`.padEnd(24)}${sanitizeForTerminal(change.title)}`);
    }
    if (page.total > page.rows.length) lines.push(`    … and ${page.total - page.rows.length} more`);
  }
  if (options.seeChanges) lines.push(`  Every change: ${sanitizeForTerminal(options.seeChanges)}`);
  return lines;
}

/**
 * The scan as a person reads it in a terminal: totals per verdict first, then per kind, year and
 * rule, what changed since the previous scan, and the spaces (every one for a teacher's account,
 * the most at risk for an account of thousands).
 */
export function formatScanReport(data: ReportData, ruleSet: Pick<RuleSet, 'rules' | 'timeZone'>, options: ScanTextOptions = {}): string {
  const { head, summary } = data;
  const { account, settings } = head;
  const lines = [
    `${sanitizeForTerminal(account.name)} <${sanitizeForTerminal(account.email)}> on ${head.source}`,
    `Rule set ${head.ruleSet.version}, margin ${settings.margin} day${settings.margin === 1 ? '' : 's'}, ` +
      `EU Login e-mail: ${settings.euLoginEmail?.trim() || 'not given (profile verdicts are uncertain)'}`,
    '',
    ...summaryLines(data, ruleSet),
    ...changeLines(data, ruleSet.timeZone, options),
    '',
  ];
  const total = summary.totals.spaces;
  const allUpTo = options.allSpacesUpTo ?? 200;
  if (total <= allUpTo) {
    lines.push('Spaces');
    const spaces = [...data.spaces()].sort((a, b) => ORDER.indexOf(a.verdict) - ORDER.indexOf(b.verdict) || a.title.localeCompare(b.title));
    for (const space of spaces) lines.push(...spaceLines(space));
  } else {
    const most = data.spacesMostAtRisk(options.mostAtRisk ?? 25);
    lines.push(`Spaces: the ${most.length} most at risk of ${total}`);
    for (const space of most) lines.push(...spaceLines(space));
    lines.push(`  … and ${total - most.length} more${options.seeAll ? `: see them all with\n  ${sanitizeForTerminal(options.seeAll)}` : ''}`);
  }
  const personal = summary.byKind.personal.byVerdict;
  lines.push('', `Personal items: ${describeCounts({ lost: personal.lost.items, uncertain: personal.uncertain.items, migrates: personal.migrates.items })}`);
  return `${lines.join('\n')}\n`;
}

/** A scan held in memory (the demo's), as formatScanReport writes it. */
export function formatScan(scan: ScanResult, ruleSet: Pick<RuleSet, 'rules' | 'timeZone'>): string {
  return formatScanReport(reportDataOfScan(scan, ruleSet.timeZone), ruleSet);
}

/** Titles come from the platform: keep control and bidi characters out of the terminal. */
export function sanitizeForTerminal(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '\uFFFD');
}
