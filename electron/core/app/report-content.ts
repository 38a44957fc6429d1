import type { Language } from '../../../shared/contract.ts';
import type { RuleSet } from '../../../shared/rules/ruleset-schema.ts';
import { openLibrary, type Library } from '../library/library.ts';
import { withReadSnapshot } from '../library/report-data-queries.ts';
import { reportChunks } from '../report/report-chunks.ts';
import { reportDataOfRun } from '../report/report-data-library.ts';
import { writeChunksAtomic } from '../report/write-chunks-atomic.ts';
import { writeFileAtomic } from '../util/write-file-atomic.ts';
import { AppCallError } from './call-error.ts';
import type { ReportFileFormat } from './report-export.ts';
import type { FinishedRun } from './scan-keeper.ts';
import type { ShellAdapters } from './shell-adapters.ts';

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

/** Throws before anything is written when the format cannot be made here (PDF outside the desktop app). */
export function checkReportFormat(input: Pick<RunReportInput, 'format' | 'renderPdf'>): void {
  if (input.format === 'pdf') pdfRenderer(input.renderPdf);
}

/**
 * Writes the report of one finished scan run to `target` (through a temporary file, never half
 * written) and returns its bytes: the one place that decides how the app renders a report. It is
 * built from the index row by row, like the CLI's, so an account of any size can be saved; it
 * reads through a connection of its own, in one snapshot, so a job writing to the library
 * meanwhile neither waits for it nor changes what it reads.
 */
export async function writeRunReport(input: RunReportInput, target: string): Promise<number> {
  const { run, ruleSet, format, language } = input;
  checkReportFormat(input);
  const reader = openLibrary(input.library.file);
  try {
    return await withReadSnapshot(reader, async () => {
      const data = reportDataOfRun(reader, run);
      if (format !== 'pdf') return writeChunksAtomic(target, reportChunks(format, data, ruleSet, language));
      const pdf = await pdfRenderer(input.renderPdf)([...reportChunks('html', data, ruleSet, language)].join(''));
      await writeFileAtomic(target, pdf);
      return pdf.length;
    });
  } finally {
    reader.close();
  }
}
