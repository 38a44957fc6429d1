import type { ScanResult } from '../../../shared/inventory.ts';
import type { PackedPart } from '../archive/pack/pack-part.ts';
import type { PlannedArchive, PlannedPart } from '../archive/plan/plan-archives.ts';
import { explainRecordFailure, recordArchiveSteps, type ArchiveInput } from '../library/archives-repository.ts';
import { jobArchiveStateStep } from '../library/job-archives-repository.ts';
import { packedJobItemsSteps } from '../library/job-items-repository.ts';
import type { Library } from '../library/library.ts';
import { runSqlStepsInWorker } from '../library/sql-worker.ts';
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
 * next run would write it again beside it. The transaction runs on a worker thread: indexing the
 * bodies of a part of thousands of items takes seconds, during which the main thread goes on
 * fetching and packing (and, in the app, answering the window).
 */
export async function recordPart(
  library: Library,
  context: { jobId: string; scan: ScanResult; outDir: string; bodyBytes: (itemId: string) => number },
  checked: CheckedPart,
): Promise<string> {
  const { archive, part, packed, sha256 } = checked;
  const { jobId, scan } = context;
  const finalPath = await freeArchivePath(context.outDir, part.fileName);
  const record: ArchiveInput = {
    source: scan.source, accountId: scan.account.id, spaceId: archive.space?.id ?? null, title: archive.title,
    part: part.part, parts: part.parts, path: finalPath, size: packed.size, sha256,
    entryCount: packed.entries.size, createdAt: packed.manifest.archivedAt,
  };
  const entries = packed.manifest.items.map((item) => {
    const bodyText = packed.bodyTexts.get(item.id);
    return { itemId: item.id, entryPath: item.path, sha256: item.sha256, ...(bodyText !== undefined ? { bodyText } : {}) };
  });
  const steps = [
    ...recordArchiveSteps(record, entries),
    jobArchiveStateStep(jobId, part.archiveKey, part.part, 'recorded', finalPath),
    ...packedJobItemsSteps(jobId, part.items.map(({ item }) => ({ itemId: item.id, bodySize: item.hasBody ? context.bodyBytes(item.id) : null }))),
  ];
  try {
    await runSqlStepsInWorker(library.file, steps, true);
  } catch (error) {
    throw explainRecordFailure(error, library, record, entries);
  }
  await moveIntoPlace(checked.temporary, finalPath);
  return finalPath;
}
