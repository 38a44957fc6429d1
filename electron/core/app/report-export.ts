import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { AppCallError } from './call-error.ts';

export type ReportFileFormat = 'csv' | 'json' | 'html' | 'pdf';

export interface ReportExport {
  format: ReportFileFormat;
  /** A file (named with the format's extension), or a folder to put the file in; null: `defaultFolder`. */
  destination: string | null;
  defaultFolder: string;
  /** Writes the file (writeRunReport) once the destination has been checked; returns its bytes. */
  write: (target: string) => Promise<number>;
  now?: Date;
}

function localDate(now: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function reportFileName(format: ReportFileFormat, now: Date): string {
  return `twinarchive-report-${localDate(now)}.${format}`;
}

/** Chooses where the report of the last scan goes and has it written there (never a half-written file). */
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
  await mkdir(path.dirname(target), { recursive: true });
  return { path: target, bytes: await options.write(target) };
}
