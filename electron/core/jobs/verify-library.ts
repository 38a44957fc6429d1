import { stat } from 'node:fs/promises';
import { checkZip } from '../archive/zip/read-zip.ts';
import { listArchives, type LibraryArchive } from '../library/archives-repository.ts';
import { itemsOfArchive } from '../library/items-repository.ts';
import type { Library } from '../library/library.ts';

export interface VerifyProblem {
  archiveId: number;
  archivePath: string;
  entry: string | null;
  itemId: string | null;
  kind: 'missing-archive' | 'unreadable-archive' | 'crc-mismatch' | 'missing-entry' | 'sha256-mismatch';
  message: string;
}

export interface VerifyReport {
  archives: number;
  entries: number;
  bytes: number;
  problems: VerifyProblem[];
}

/**
 * Re-reads every entry of every archive in the library: the ZIP must be there and readable,
 * every entry must pass its CRC, and every item must be at its recorded entry with its
 * recorded SHA-256.
 */
export async function verifyLibrary(
  library: Library,
  options: { onArchive?: (archive: LibraryArchive, index: number, total: number) => void } = {},
): Promise<VerifyReport> {
  const archives = listArchives(library);
  const report: VerifyReport = { archives: archives.length, entries: 0, bytes: 0, problems: [] };
  for (const [index, archive] of archives.entries()) {
    options.onArchive?.(archive, index, archives.length);
    const problem = (kind: VerifyProblem['kind'], message: string, entry: string | null = null, itemId: string | null = null) =>
      report.problems.push({ archiveId: archive.id, archivePath: archive.path, entry, itemId, kind, message });
    if (!(await stat(archive.path).catch(() => null))) {
      problem('missing-archive', `${archive.path} is missing: it was moved or deleted.`);
      continue;
    }
    let checked;
    try {
      checked = await checkZip(archive.path);
    } catch (error) {
      problem('unreadable-archive', `${archive.path} cannot be read as a ZIP: ${(error as Error).message}`);
      continue;
    }
    const byName = new Map(checked.map((entry) => [entry.name, entry]));
    for (const entry of checked) {
      report.entries += 1;
      report.bytes += entry.size;
      if (entry.problem) problem('crc-mismatch', `${archive.path}: ${entry.problem}`, entry.name);
    }
    for (const item of itemsOfArchive(library, archive.id)) {
      if (item.entryPath === null) continue;
      const entry = byName.get(item.entryPath);
      if (!entry) problem('missing-entry', `${archive.path} lacks "${item.entryPath}" of item ${item.id}.`, item.entryPath, item.id);
      else if (item.sha256 !== null && entry.sha256 !== item.sha256 && entry.problem === null) {
        problem('sha256-mismatch', `${archive.path}: "${item.entryPath}" of item ${item.id} has changed since it was archived.`, item.entryPath, item.id);
      }
    }
  }
  return report;
}
