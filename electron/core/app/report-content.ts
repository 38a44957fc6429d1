import type { Language } from '../../../shared/contract.ts';
import type { RuleSet } from '../../../shared/rules/ruleset-schema.ts';
import type { Library } from '../library/library.ts';
import { scanResultOfRun } from '../library/report-queries.ts';
import { renderReportCsv } from '../report/render-csv.ts';
import { renderReportHtml } from '../report/render-html.ts';
import { renderReportJson } from '../report/render-json.ts';
import { AppCallError } from './call-error.ts';
import type { ReportFileFormat } from './report-export.ts';
import type { FinishedRun } from './scan-keeper.ts';
import type { ShellAdapters } from './shell-adapters.ts';

/**
 * The renderers still take a whole scan in memory, rebuilt from the library: fine for a
 * teacher's account, too much for the main process of the app beyond this many items.
 */
export const MAX_REPORT_ITEMS_IN_MEMORY = 200_000;

export interface RunReportInput {
  library: Library;
  run: FinishedRun;
  ruleSet: RuleSet;
  format: ReportFileFormat;
  language: Language;
  renderPdf: ShellAdapters['renderPdf'];
}

function pdfRenderer(renderPdf: ShellAdapters['renderPdf']): (html: string) => Promise<Buffer> {
  if (!renderPdf) {
    throw new AppCallError('Saving as PDF needs the desktop app: save the HTML report and print it to PDF from your browser.', 'NOT_AVAILABLE');
  }
  return renderPdf;
}

/** The content of a report file of one finished scan run: the one place that decides how the app renders a report. */
export async function renderRunReport(input: RunReportInput): Promise<string | Buffer> {
  const { library, run, ruleSet, format, language } = input;
  if (format === 'pdf') pdfRenderer(input.renderPdf);
  if (run.summary.totals.items > MAX_REPORT_ITEMS_IN_MEMORY) {
    throw new AppCallError(
      `This account has more than ${MAX_REPORT_ITEMS_IN_MEMORY.toLocaleString('en-GB')} items, too many to save as one report from the app: the Report screen shows every count and lists the items page by page.`,
      'NOT_AVAILABLE',
    );
  }
  const scan = scanResultOfRun(library, run);
  switch (format) {
    case 'csv':
      return renderReportCsv(scan);
    case 'json':
      return renderReportJson(scan);
    case 'html':
      return renderReportHtml(scan, ruleSet, language);
    case 'pdf':
      return await pdfRenderer(input.renderPdf)(renderReportHtml(scan, ruleSet, language));
  }
}
