import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { renderBulkReportCsv } from '../../report/bulk-report-csv.ts';
import { renderBulkReportHtml } from '../../report/bulk-report-html.ts';
import type { BulkReport } from '../../report/bulk-report-model.ts';
import { writeFileAtomic } from '../../util/write-file-atomic.ts';

export const BULK_REPORT_HTML = 'bulk-report.html';
export const BULK_REPORT_CSV = 'bulk-report.csv';
export const BULK_REPORT_FILE_NAMES: readonly string[] = [BULK_REPORT_HTML, BULK_REPORT_CSV];

export interface BulkReportFiles {
  html: string;
  csv: string;
}

/** Writes the run report into the output folder, each file whole or not at all. */
export async function writeBulkReport(report: BulkReport): Promise<BulkReportFiles> {
  const files = { html: path.join(report.outRoot, BULK_REPORT_HTML), csv: path.join(report.outRoot, BULK_REPORT_CSV) };
  await mkdir(report.outRoot, { recursive: true });
  await writeFileAtomic(files.csv, renderBulkReportCsv(report));
  await writeFileAtomic(files.html, renderBulkReportHtml(report));
  return files;
}
