import { stat } from 'node:fs/promises';
import type { ArchivedPage, ArchiveRecord, SearchHit, VerifyResult } from '../../../shared/contract.ts';
import { ManifestSchema, type ManifestItem } from '../archive/manifest.ts';
import { MANIFEST_ENTRY } from '../archive/plan/entry-layout.ts';
import { readEntry } from '../archive/zip/extract-entries.ts';
import { prepareForViewer } from './viewer-page.ts';
import { verifyLibrary } from '../jobs/verify-library.ts';
import { getArchive, listArchives } from '../library/archives-repository.ts';
import { findItem } from '../library/items-repository.ts';
import type { Library } from '../library/library.ts';
import { scannedFileOf } from '../library/report-queries.ts';
import { search } from '../library/search.ts';
import { AppCallError } from './call-error.ts';
import { mediaTypeOf } from './media-type.ts';

/** Archived pages are small; anything bigger is not shown inline. */
const MAX_PAGE_BYTES = 16 * 1024 * 1024;

export function archiveRecords(library: Library): ArchiveRecord[] {
  return listArchives(library).map((archive) => ({
    id: archive.id, title: archive.title, spaceId: archive.spaceId, part: archive.part, parts: archive.parts,
    path: archive.path, size: archive.size, entryCount: archive.entryCount, createdAt: archive.createdAt,
  }));
}

export function searchLibrary(library: Library, query: string, limit: number): SearchHit[] {
  return search(library, query, { limit }).map((hit) => ({
    itemId: hit.itemId, title: hit.title, type: hit.type, verdict: hit.verdict, archiveId: hit.archiveId,
    archivePath: hit.archivePath, entryPath: hit.entryPath, snippet: hit.snippet,
  }));
}

export async function verifyArchives(library: Library): Promise<VerifyResult> {
  const report = await verifyLibrary(library);
  return {
    archives: report.archives,
    entries: report.entries,
    bytes: report.bytes,
    problems: report.problems.map(({ archivePath, entry, kind, message }) => ({ archivePath, entry, kind, message })),
  };
}

async function manifestItem(archivePath: string, itemId: string): Promise<ManifestItem | null> {
  const bytes = await readEntry(archivePath, MANIFEST_ENTRY);
  if (bytes === null) return null;
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch {
    return null;
  }
  const manifest = ManifestSchema.safeParse(json);
  return manifest.success ? (manifest.data.items.find((item) => item.id === itemId) ?? null) : null;
}

/**
 * An archived item read back from its ZIP: the page (already made inert when it was archived,
 * with its own CSP) and, for a file, its media type and size. Nothing is extracted to disk.
 */
export async function openArchivedPage(library: Library, itemId: string): Promise<ArchivedPage> {
  const item = findItem(library, { itemId });
  if (!item) throw new AppCallError('This item is not in the library: scan your account and archive it first.', 'NOT_FOUND');
  const archive = item.archiveId === null ? null : getArchive(library, item.archiveId);
  if (!archive || item.entryPath === null) {
    throw new AppCallError(`"${item.title}" is not archived yet: archive its space first.`, 'NOT_ARCHIVED');
  }
  if (!(await stat(archive.path).catch(() => null))) {
    throw new AppCallError(`The archive ${archive.path} is missing: put it back where it was, or archive the space again.`, 'ARCHIVE_MISSING');
  }
  const entry = await manifestItem(archive.path, itemId);
  const pageName = entry?.entries.page ?? (item.entryPath.endsWith('.html') ? item.entryPath : null);
  const page = pageName === null ? null : await readEntry(archive.path, pageName, MAX_PAGE_BYTES);
  const fileName = entry?.entries.file ?? null;
  const scanned = fileName === null ? null : scannedFileOf(library, { source: item.source, accountId: item.accountId }, itemId);
  return {
    itemId,
    title: item.title,
    archivePath: archive.path,
    entryPath: item.entryPath,
    html: page === null || pageName === null
      ? null
      : await prepareForViewer(page.toString('utf8'), pageName, (name, maxBytes) => readEntry(archive.path, name, maxBytes)),
    file: fileName === null ? null : { mediaType: scanned?.mediaType ?? mediaTypeOf(fileName), size: entry?.size ?? item.size },
  };
}
