import type { ScanResult } from '../../../shared/inventory.ts';
import type { RuleSet } from '../../../shared/rules/ruleset-schema.ts';
import { renderAtRiskTables } from './at-risk-tables.ts';
import { escapeHtml } from './escape-html.ts';
import { renderRuleBreakdown, renderYearBreakdown } from './report-breakdowns.ts';
import { renderReportChanges } from './report-changes.ts';
import { createReportContext, type ReportHtmlOptions } from './report-context.ts';
import type { ReportData } from './report-data.ts';
import { reportDataOfScan } from './report-data-scan.ts';
import { renderReportHeader } from './report-header.ts';
import { REPORT_CSS } from './report-styles.ts';
import type { ReportLang } from './report-strings.ts';
import { renderReportSummary } from './report-summary.ts';
import { renderReportTotals } from './report-totals.ts';
import { renderSpaceSections } from './space-sections.ts';
import { renderTimelineSvg } from './timeline-svg.ts';

/** The file may be opened anywhere, from a mail attachment too: it can load and run nothing. */
export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/**
 * One self-contained, printable HTML file for a person who never saw the app: who was
 * scanned, what is at risk and why, summary first. Every text from the scan is escaped. Given
 * piece by piece, so a report of 1,000,000 items is written as it is made; its size is bounded
 * by the caps in ReportHtmlOptions, not by the account.
 */
export function* reportHtmlChunks(data: ReportData, ruleSet: RuleSet, lang: ReportLang, options: ReportHtmlOptions = {}): Generator<string> {
  const ctx = createReportContext(data, ruleSet, lang, options);
  const { s } = ctx;
  yield [
    '<!DOCTYPE html>\n',
    `<html lang="${lang}">\n<head>\n`,
    '<meta charset="utf-8">\n',
    `<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">\n`,
    '<meta name="referrer" content="no-referrer">\n',
    '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
    '<meta name="generator" content="TwinArchive">\n',
    `<title>${escapeHtml(s.documentTitle(data.head.account.name))}</title>\n`,
    `<style>${REPORT_CSS}</style>\n`,
    '</head>\n<body>\n',
    renderReportHeader(ctx), '\n<main>\n',
    renderReportSummary(ctx), '\n',
    renderReportTotals(ctx), '\n',
  ].join('');
  yield `${renderYearBreakdown(ctx)}\n`;
  yield `${renderRuleBreakdown(ctx)}\n`;
  yield `${renderReportChanges(ctx)}\n`;
  yield '<section class="timeline-section" aria-labelledby="timeline-heading">'
    + `<h2 id="timeline-heading">${escapeHtml(s.timelineHeading)}</h2>${renderTimelineSvg(ctx)}</section>\n`;
  yield* renderSpaceSections(ctx);
  yield '\n';
  yield* renderAtRiskTables(ctx);
  yield '\n</main>\n'
    + `<footer><p class="note">${escapeHtml(s.footer(ctx.fmt.dateTime(data.head.scannedAt)))}</p></footer>\n`
    + '</body>\n</html>\n';
}

/** The report of a scan held in memory, as one string (a small scan; exports stream reportHtmlChunks). */
export function renderReportHtml(scan: ScanResult, ruleSet: RuleSet, lang: ReportLang, options: ReportHtmlOptions = {}): string {
  return [...reportHtmlChunks(reportDataOfScan(scan, ruleSet.timeZone), ruleSet, lang, options)].join('');
}
