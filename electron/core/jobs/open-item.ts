import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { extractEntries, readEntry } from '../archive/zip/extract-entries.ts';
import { ManifestSchema } from '../archive/manifest.ts';
import { MANIFEST_ENTRY } from '../archive/plan/entry-layout.ts';
import { getArchive } from '../library/archives-repository.ts';
import { findItem } from '../library/items-repository.ts';
import type { Library } from '../library/library.ts';

export class ItemNotArchivedError extends Error {
  override readonly name = 'ItemNotArchivedError';
}

/**
 * Extracts one archived item (its page, file and original body) to a fresh temporary folder
 * and returns the path of its main entry there.
 */
export async function openArchivedItem(library: Library, itemId: string): Promise<{ path: string; archivePath: string }> {
  const item = findItem(library, { itemId });
  if (!item) throw new ItemNotArchivedError(`No item "${itemId}" in the library: search for it with "twinarchive search".`);
  const archive = item.archiveId === null ? null : getArchive(library, item.archiveId);
  if (!archive || item.entryPath === null) {
    throw new ItemNotArchivedError(`Item "${itemId}" is indexed but not archived (it ${item.verdict === 'migrates' ? 'migrates' : 'was not archived yet'}): archive it first.`);
  }
  const manifestBytes = await readEntry(archive.path, MANIFEST_ENTRY);
  const manifest = manifestBytes ? ManifestSchema.safeParse(JSON.parse(manifestBytes.toString('utf8'))) : null;
  const entry = manifest?.success ? manifest.data.items.find((candidate) => candidate.id === itemId) : undefined;
  const names = new Set([item.entryPath, ...(entry ? [entry.entries.page, entry.entries.file, entry.entries.original] : [])]
    .filter((name): name is string => typeof name === 'string'));
  const folder = await mkdtemp(path.join(os.tmpdir(), 'twinarchive-open-'));
  const found = await extractEntries(archive.path, names, folder);
  if (!found.has(item.entryPath)) throw new Error(`${archive.path} no longer holds "${item.entryPath}": run "twinarchive verify".`);
  return { path: path.join(folder, ...item.entryPath.split('/')), archivePath: archive.path };
}
