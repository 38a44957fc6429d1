import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Language } from '../../../shared/contract.ts';
import type { ScanResult } from '../../../shared/inventory.ts';
import type { RuleSet } from '../../../shared/rules/ruleset-schema.ts';
import { renderReportCsv } from '../report/render-csv.ts';
import { renderReportHtml } from '../report/render-html.ts';
import { renderReportJson } from '../report/render-json.ts';
import { writeFileAtomic } from '../util/write-file-atomic.ts';
import { AppCallError } from './call-error.ts';
import type { ShellAdapters } from './shell-adapters.ts';

export type ReportFileFormat = 'csv' | 'json' | 'html' | 'pdf';

export interface ReportExport {
  scan: ScanResult;
  ruleSet: RuleSet;
  format: ReportFileFormat;
  language: Language;
  /** A file (named with the format's extension), or a folder to put the file in; null: `defaultFolder`. */
  destination: string | null;
  defaultFolder: string;
  renderPdf: ShellAdapters['renderPdf'];
  now?: Date;
}

function localDate(now: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function reportFileName(format: ReportFileFormat, now: Date): string {
  return `twinarchive-report-${localDate(now)}.${format}`;
}

async function render(options: ReportExport): Promise<string | Buffer> {
  const { scan, ruleSet, format, language } = options;
  switch (format) {
    case 'csv':
      return renderReportCsv(scan);
    case 'json':
      return renderReportJson(scan);
    case 'html':
      return renderReportHtml(scan, ruleSet, language);
    case 'pdf':
      if (!options.renderPdf) {
        throw new AppCallError('Saving as PDF needs the desktop app: save the HTML report and print it to PDF from your browser.', 'NOT_AVAILABLE');
      }
      return await options.renderPdf(renderReportHtml(scan, ruleSet, language));
  }
}

/** Renders the report of the last scan and writes it in one go (never a half-written file). */
export async function exportReport(options: ReportExport): Promise<{ path: string; bytes: number }> {
  const fileName = reportFileName(options.format, options.now ?? new Date());
  let target: string;
  if (options.destination === null) {
    target = path.join(options.defaultFolder, fileName);
  } else {
    if (!path.isAbsolute(options.destination)) {
      throw new AppCallError('The place to save the report must be a full path: choose it again.', 'INVALID_ARGS');
    }
    const existing = await stat(options.destination).catch(() => null);
    // A folder (existing, or named without this format's extension) gets the usual file name.
    const isFolder = existing ? existing.isDirectory() : path.extname(options.destination).toLowerCase() !== `.${options.format}`;
    target = isFolder ? path.join(options.destination, fileName) : path.resolve(options.destination);
  }
  const content = await render(options);
  await mkdir(path.dirname(target), { recursive: true });
  await writeFileAtomic(target, content);
  return { path: target, bytes: typeof content === 'string' ? Buffer.byteLength(content) : content.length };
}
