import type { RuleSet } from '../../../shared/rules/ruleset-schema.ts';
import { reportCsvChunks } from './render-csv.ts';
import { reportHtmlChunks } from './render-html.ts';
import { scanJsonChunks } from './render-json.ts';
import type { ReportData } from './report-data.ts';
import type { ReportLang } from './report-strings.ts';

/** The report formats written as text, row by row. */
export type TextReportFormat = 'csv' | 'json' | 'html';

/** A report file's text, in pieces: the CLI and the app save the same bytes for the same scan. */
export function reportChunks(format: TextReportFormat, data: ReportData, ruleSet: RuleSet, lang: ReportLang): Iterable<string> {
  switch (format) {
    case 'csv': return reportCsvChunks(data);
    case 'json': return scanJsonChunks(data, true);
    case 'html': return reportHtmlChunks(data, ruleSet, lang);
  }
}
