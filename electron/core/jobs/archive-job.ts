import { mkdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ScanResult, ScannedItem } from '../../../shared/inventory.ts';
import type { ProgressListener } from '../../../shared/progress.ts';
import type { RulesEngine } from '../../../shared/rules/rules-engine.ts';
import { ArchiveLocator } from '../archive/pack/archive-locator.ts';
import { packPart, type StagedItem } from '../archive/pack/pack-part.ts';
import { planArchives, type PlannedArchive, type PlannedPart } from '../archive/plan/plan-archives.ts';
import type { InventorySource } from '../inventory/inventory-source.ts';
import { recordScanResult } from '../inventory/record-scan-result.ts';
import { scanAccount } from '../inventory/scan-account.ts';
import { recordArchive } from '../library/archives-repository.ts';
import { jobArchives, setJobArchiveState, upsertJobArchives } from '../library/job-archives-repository.ts';
import { jobItems, setJobItemState, upsertJobItems } from '../library/job-items-repository.ts';
import { createJob, getJob, setJobStatus } from '../library/jobs-repository.ts';
import type { Library } from '../library/library.ts';
import { selectItems, unknownSpaces, type IncludeMode } from './archive-selection.ts';
import { freeArchivePath, moveIntoPlace, sha256OfFile, verifyPackedPart } from './finalize-part.ts';
import { archiveJobId, type ArchiveJobParams } from './job-identity.ts';
import { ProgressMeter } from './progress-meter.ts';
import { stageItem, type ItemFetcher } from './stage-item.ts';
import { StagingArea } from './staging-area.ts';
import { mapConcurrent } from '../util/map-concurrent.ts';

export interface ArchiveJobOptions {
  client: InventorySource & ItemFetcher;
  sourceUrl: string;
  rules: RulesEngine;
  library: Library;
  dataDir: string;
  outDir: string;
  include: IncludeMode;
  /** Space ids to archive (`personal` for personal items); null for all. */
  spaces: readonly string[] | null;
  splitSize: number;
  concurrency: number;
  onProgress?: ProgressListener;
  signal?: AbortSignal;
  now?: () => Date;
}

export interface WrittenArchive {
  path: string;
  title: string;
  part: number;
  parts: number;
  items: number;
  size: number;
  /** Written by an earlier run of the same job. */
  earlier: boolean;
}

export interface ArchiveJobResult {
  jobId: string;
  scan: ScanResult;
  archives: WrittenArchive[];
  items: number;
  bytes: number;
  /** Items the platform would not give (deleted, no access): archived as notices. */
  problems: { itemId: string; title: string; problem: string }[];
  resumed: boolean;
}

export class UnknownSpacesError extends Error {
  override readonly name = 'UnknownSpacesError';
}

const temporaryName = (jobId: string, part: PlannedPart) =>
  `.twinarchive-${jobId}-${part.archiveKey.replace(/[^A-Za-z0-9_-]/g, '_')}-${part.part}.zip.partial`;

/**
 * The main job: scan, fetch everything chosen into staging (resumably), and pack it into
 * verified ZIPs, recorded in the library only once they are checked and in place. Running the
 * same job again after a crash, a kill or a lost network carries on where it stopped.
 */
export async function runArchiveJob(options: ArchiveJobOptions): Promise<ArchiveJobResult> {
  const { library, signal } = options;
  const now = options.now ?? (() => new Date());
  const meter = new ProgressMeter(options.onProgress);
  const outDir = path.resolve(options.outDir);

  meter.setPhase('listing');
  const scan = await scanAccount({
    source: options.client, sourceUrl: options.sourceUrl, rules: options.rules, concurrency: options.concurrency,
    // The scan's own 'done' is only the end of listing within this job.
    onProgress: (progress) => { if (progress.phase !== 'done') options.onProgress?.(progress); },
    ...(signal ? { signal } : {}),
  });
  const missing = unknownSpaces(scan, options.spaces);
  if (missing.length > 0) {
    throw new UnknownSpacesError(`This account has no space ${missing.map((id) => `"${id}"`).join(', ')}: run "twinarchive scan" to see the space ids.`);
  }
  // Recorded as a run: the library keeps what changed since the account's previous scan.
  recordScanResult(library, scan, options.rules.ruleSet.timeZone, now);

  const params: ArchiveJobParams = {
    source: scan.source, accountId: scan.account.id, outDir, include: options.include,
    spaces: options.spaces === null ? null : [...options.spaces], splitSize: options.splitSize,
  };
  const jobId = archiveJobId(params);
  const existing = getJob(library, jobId);
  if (!existing) createJob(library, { id: jobId, kind: 'archive', params });
  setJobStatus(library, jobId, 'running');
  const staging = new StagingArea(options.dataDir, jobId);
  await mkdir(staging.dir, { recursive: true });
  await mkdir(outDir, { recursive: true });

  try {
    const selected = selectItems(scan, options.include, options.spaces);
    const result = await archiveSelected({ ...options, outDir, scan, selected, jobId, staging, meter, now, resumed: existing !== null });
    setJobStatus(library, jobId, 'done');
    await rm(staging.dir, { recursive: true, force: true });
    meter.setPhase('done');
    return result;
  } catch (error) {
    setJobStatus(library, jobId, signal?.aborted ? 'cancelled' : 'failed', error instanceof Error ? error.message : String(error));
    throw error;
  }
}

interface SelectedRun extends Omit<ArchiveJobOptions, 'now'> {
  scan: ScanResult;
  selected: ScannedItem[];
  jobId: string;
  staging: StagingArea;
  meter: ProgressMeter;
  now: () => Date;
  resumed: boolean;
}

async function bodyBytesOf(run: SelectedRun, items: readonly ScannedItem[]): Promise<Map<string, number>> {
  const sizes = new Map<string, number>();
  for (const item of items) {
    if (!item.hasBody) continue;
    sizes.set(item.id, (await stat(run.staging.bodyPath(item.id)).catch(() => ({ size: 0 }))).size);
  }
  return sizes;
}

async function archiveSelected(run: SelectedRun): Promise<ArchiveJobResult> {
  const { library, jobId, staging, meter, scan, selected, signal } = run;
  const itemsById = new Map(scan.items.map((item) => [item.id, item]));
  const childrenOf = new Map<string, ScannedItem[]>();
  for (const item of scan.items) {
    if (!item.parent) continue;
    const siblings = childrenOf.get(item.parent) ?? [];
    siblings.push(item);
    childrenOf.set(item.parent, siblings);
  }

  upsertJobItems(library, jobId, selected.map((item) => ({ itemId: item.id, archiveKey: item.space ?? 'personal' })));
  const packedBefore = new Set(jobItems(library, jobId, 'packed').map((entry) => entry.itemId));
  const stagedBefore = new Set(jobItems(library, jobId, 'staged').map((entry) => entry.itemId));
  const bytesTotal = selected.reduce((sum, item) => sum + item.size, 0);
  meter.setPhase('fetching', { itemsTotal: selected.length, bytesTotal });
  meter.addItems(packedBefore.size);
  meter.addBytes(selected.filter((item) => packedBefore.has(item.id)).reduce((sum, item) => sum + item.size, 0));

  const stagedItems = new Map<string, Promise<StagedItem>>();
  const problems: ArchiveJobResult['problems'] = [];
  const stage = (item: ScannedItem): Promise<StagedItem> => {
    let staged = stagedItems.get(item.id);
    if (!staged) {
      staged = stageItem(run.client, staging, item, { ...(signal ? { signal } : {}), onBytes: (delta) => meter.addBytes(delta) })
        .then((files) => {
          if (files.problem !== null) problems.push({ itemId: item.id, title: item.title, problem: files.problem });
          else if (!stagedBefore.has(item.id)) setJobItemState(library, jobId, item.id, { state: 'staged', attempts: 0 });
          return files;
        });
      staged.catch(() => undefined);
      stagedItems.set(item.id, staged);
    }
    return staged;
  };

  // Bodies come first: they are small, and the plan sizes parts with them.
  const notPacked = selected.filter((item) => !packedBefore.has(item.id));
  await mapConcurrent(notPacked.filter((item) => item.hasBody && !item.file), run.concurrency, stage);
  const plan = planArchives({ scan, items: selected, splitSize: run.splitSize, bodyBytes: await bodyBytesOf(run, selected) });
  upsertJobArchives(library, jobId, plan.flatMap((archive) => archive.parts.map((part) => ({ archiveKey: archive.key, part: part.part, parts: part.parts }))));
  const recorded = new Map(jobArchives(library, jobId).filter((entry) => entry.state === 'recorded').map((entry) => [`${entry.archiveKey}#${entry.part}`, entry]));

  const locator = new ArchiveLocator(plan);
  const queue = plan.flatMap((archive) => archive.parts
    .filter((part) => !isRecorded(recorded, part))
    .flatMap((part) => part.items.map((planned) => planned.item)));
  const fetching = mapConcurrent(queue, run.concurrency, stage);
  fetching.catch(() => undefined);

  const archives: WrittenArchive[] = [];
  for (const archive of plan) {
    for (const part of archive.parts) {
      const earlier = recorded.get(`${part.archiveKey}#${part.part}`);
      if (earlier?.finalPath && (await stat(earlier.finalPath).catch(() => null))) {
        archives.push({ path: earlier.finalPath, title: archive.title, part: part.part, parts: part.parts, items: part.items.length, size: (await stat(earlier.finalPath)).size, earlier: true });
        continue;
      }
      archives.push(await writePart(run, archive, part, { locator, itemsById, childrenOf, stage }));
      signal?.throwIfAborted();
    }
  }
  await fetching;
  return {
    jobId, scan, archives, items: selected.length, bytes: selected.reduce((sum, item) => sum + item.size, 0),
    problems, resumed: run.resumed,
  };
}

function isRecorded(recorded: ReadonlyMap<string, unknown>, part: PlannedPart): boolean {
  return recorded.has(`${part.archiveKey}#${part.part}`);
}

async function writePart(
  run: SelectedRun,
  archive: PlannedArchive,
  part: PlannedPart,
  context: {
    locator: ArchiveLocator;
    itemsById: ReadonlyMap<string, ScannedItem>;
    childrenOf: ReadonlyMap<string, ScannedItem[]>;
    stage: (item: ScannedItem) => Promise<StagedItem>;
  },
): Promise<WrittenArchive> {
  const { library, jobId, scan, meter } = run;
  const temporary = path.join(run.outDir, temporaryName(jobId, part));
  await rm(temporary, { force: true });
  const packed = await packPart({
    scan, archive, part, locator: context.locator, itemsById: context.itemsById, childrenOf: context.childrenOf,
    staged: context.stage, file: temporary, archivedAt: run.now(), ruleSetVersion: run.rules.ruleSet.version,
    ...(run.signal ? { signal: run.signal } : {}),
    onItemPacked: (item) => meter.addItems(1, item.title),
  });
  try {
    await verifyPackedPart(temporary, packed, context.itemsById);
    const finalPath = await freeArchivePath(run.outDir, part.fileName);
    const sha256 = await sha256OfFile(temporary);
    setJobArchiveState(library, jobId, part.archiveKey, part.part, 'verified', finalPath);
    await moveIntoPlace(temporary, finalPath);
    library.db.transaction(() => {
      recordArchive(library, {
        source: scan.source, accountId: scan.account.id, spaceId: archive.space?.id ?? null, title: archive.title,
        part: part.part, parts: part.parts, path: finalPath, size: packed.size, sha256,
        entryCount: packed.entries.size, createdAt: packed.manifest.archivedAt,
      }, packed.manifest.items.map((item) => {
        const bodyText = packed.bodyTexts.get(item.id);
        return { itemId: item.id, entryPath: item.path, sha256: item.sha256, ...(bodyText !== undefined ? { bodyText } : {}) };
      }));
      setJobArchiveState(library, jobId, part.archiveKey, part.part, 'recorded');
      for (const planned of part.items) setJobItemState(library, jobId, planned.item.id, { state: 'packed' });
    })();
    for (const planned of part.items) {
      await rm(run.staging.bodyPath(planned.item.id), { force: true });
      await rm(run.staging.filePath(planned.item.id), { force: true });
    }
    return { path: finalPath, title: archive.title, part: part.part, parts: part.parts, items: part.items.length, size: packed.size, earlier: false };
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
