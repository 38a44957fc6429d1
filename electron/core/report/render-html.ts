import type { ScanResult } from '../../../shared/inventory.ts';
import type { RuleSet } from '../../../shared/rules/ruleset-schema.ts';
import { renderAtRiskTables } from './at-risk-tables.ts';
import { escapeHtml } from './escape-html.ts';
import { createReportContext, type ReportHtmlOptions } from './report-context.ts';
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
 * scanned, what is at risk and why. Every text from the scan is escaped.
 */
export function renderReportHtml(scan: ScanResult, ruleSet: RuleSet, lang: ReportLang, options: ReportHtmlOptions = {}): string {
  const ctx = createReportContext(scan, ruleSet, lang, options);
  const { s } = ctx;
  return [
    '<!DOCTYPE html>\n',
    `<html lang="${lang}">\n<head>\n`,
    '<meta charset="utf-8">\n',
    `<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">\n`,
    '<meta name="referrer" content="no-referrer">\n',
    '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
    '<meta name="generator" content="TwinArchive">\n',
    `<title>${escapeHtml(s.documentTitle(scan.account.name))}</title>\n`,
    `<style>${REPORT_CSS}</style>\n`,
    '</head>\n<body>\n',
    renderReportHeader(ctx), '\n<main>\n',
    renderReportSummary(ctx), '\n',
    renderReportTotals(ctx), '\n',
    '<section class="timeline-section" aria-labelledby="timeline-heading">',
    `<h2 id="timeline-heading">${escapeHtml(s.timelineHeading)}</h2>`,
    renderTimelineSvg(ctx), '</section>\n',
    renderSpaceSections(ctx), '\n',
    renderAtRiskTables(ctx), '\n',
    '</main>\n',
    `<footer><p class="note">${escapeHtml(s.footer(ctx.fmt.dateTime(scan.scannedAt)))}</p></footer>\n`,
    '</body>\n</html>\n',
  ].join('');
}
