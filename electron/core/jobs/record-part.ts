import type { ScanResult } from '../../../shared/inventory.ts';
import type { PackedPart } from '../archive/pack/pack-part.ts';
import type { PlannedArchive, PlannedPart } from '../archive/plan/plan-archives.ts';
import { recordArchive } from '../library/archives-repository.ts';
import { setJobArchiveState } from '../library/job-archives-repository.ts';
import { markJobItemsPacked } from '../library/job-items-repository.ts';
import type { Library } from '../library/library.ts';
import { freeArchivePath, moveIntoPlace } from './finalize-part.ts';

export interface CheckedPart {
  archive: PlannedArchive;
  part: PlannedPart;
  packed: PackedPart;
  /** Where the ZIP was written and checked, under a temporary name. */
  temporary: string;
  sha256: string;
}

/**
 * Records a checked ZIP in the library with its items, marks the items packed with the body
 * sizes the plan used (a resumed run skips exactly what the library holds and plans the rest as
 * this one did), all in one transaction, and then gives the ZIP its final name. In that order a
 * crash in between leaves a record whose file is missing, which the next run writes again under
 * the same name; the other way round it would leave a ZIP the library does not know, and the
 * next run would write it again beside it.
 */
export async function recordPart(
  library: Library,
  context: { jobId: string; scan: ScanResult; outDir: string; bodyBytes: (itemId: string) => number },
  checked: CheckedPart,
): Promise<string> {
  const { archive, part, packed, sha256 } = checked;
  const { jobId, scan } = context;
  const finalPath = await freeArchivePath(context.outDir, part.fileName);
  library.db.transaction(() => {
    recordArchive(library, {
      source: scan.source, accountId: scan.account.id, spaceId: archive.space?.id ?? null, title: archive.title,
      part: part.part, parts: part.parts, path: finalPath, size: packed.size, sha256,
      entryCount: packed.entries.size, createdAt: packed.manifest.archivedAt,
    }, packed.manifest.items.map((item) => {
      const bodyText = packed.bodyTexts.get(item.id);
      return { itemId: item.id, entryPath: item.path, sha256: item.sha256, ...(bodyText !== undefined ? { bodyText } : {}) };
    }));
    setJobArchiveState(library, jobId, part.archiveKey, part.part, 'recorded', finalPath);
    markJobItemsPacked(library, jobId, part.items.map(({ item }) => ({ itemId: item.id, bodySize: item.hasBody ? context.bodyBytes(item.id) : null })));
  })();
  await moveIntoPlace(checked.temporary, finalPath);
  return finalPath;
}
