import { mkdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ScanResult, ScannedItem } from '../../../shared/inventory.ts';
import type { ProgressListener } from '../../../shared/progress.ts';
import type { RulesEngine } from '../../../shared/rules/rules-engine.ts';
import type { PackedPart } from '../archive/pack/pack-part.ts';
import type { InventorySource } from '../inventory/inventory-source.ts';
import { recordScanResultOffThread } from '../inventory/record-scan-result.ts';
import { scanAccount } from '../inventory/scan-account.ts';
import { jobArchives, type JobArchive } from '../library/job-archives-repository.ts';
import { packedJobItems, upsertJobItems } from '../library/job-items-repository.ts';
import { createJob, getJob, setJobStatus } from '../library/jobs-repository.ts';
import type { Library } from '../library/library.ts';
import { ArchivePlan } from './archive-plan.ts';
import { selectItems, unknownSpaces, type IncludeMode } from './archive-selection.ts';
import { verifyAndSync } from './finalize-part.ts';
import { archiveJobId, type ArchiveJobParams } from './job-identity.ts';
import { PartWriter, type WrittenArchive } from './part-writer.ts';
import { ProgressMeter } from './progress-meter.ts';
import { stageItem, type ItemFetcher } from './stage-item.ts';
import { StagingArea } from './staging-area.ts';
import { StagingQueue, hasLargeFile } from './staging-queue.ts';

export type { WrittenArchive } from './part-writer.ts';

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
  await recordScanResultOffThread(library, scan, options.rules.ruleSet.timeZone, now);

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
    const result = await archiveSelected({ ...options, outDir, scan, selected, jobId, staging, meter, now, resumed: existing !== null })
      .finally(() => staging.close());
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

/**
 * Fetches and packs the selected items as one pipeline: items are staged in plan order with
 * `concurrency` requests at once while the parts are written right behind them, each part read
 * back and recorded while the next one is written.
 */
async function archiveSelected(run: SelectedRun): Promise<ArchiveJobResult> {
  const { library, jobId, staging, meter, scan, selected } = run;
  const itemsById = new Map(scan.items.map((item) => [item.id, item]));
  const childrenOf = new Map<string, ScannedItem[]>();
  for (const item of scan.items) {
    if (!item.parent) continue;
    const siblings = childrenOf.get(item.parent) ?? [];
    siblings.push(item);
    childrenOf.set(item.parent, siblings);
  }

  upsertJobItems(library, jobId, selected.map((item) => ({ itemId: item.id, archiveKey: item.space ?? 'personal' })));
  const packedItems = run.resumed ? packedJobItems(library, jobId) : [];
  const packedBefore = new Set(packedItems.map((entry) => entry.itemId));
  const recorded = run.resumed ? await recordedParts(jobArchives(library, jobId)) : new Map<string, JobArchive>();
  await staging.findEarlier();

  const bytesTotal = selected.reduce((sum, item) => sum + item.size, 0);
  meter.setPhase('fetching', { itemsTotal: selected.length, bytesTotal });
  meter.addItems(packedBefore.size);
  meter.addBytes(selected.filter((item) => packedBefore.has(item.id)).reduce((sum, item) => sum + item.size, 0));

  // A failure anywhere stops the rest: requests in flight are cancelled, staged files stay.
  const stop = new AbortController();
  const signal = run.signal ? AbortSignal.any([run.signal, stop.signal]) : stop.signal;
  const problems: ArchiveJobResult['problems'] = [];
  let writer: PartWriter | null = null;
  const plan = new ArchivePlan({
    scan, items: selected, splitSize: run.splitSize,
    knownBodyBytes: new Map(packedItems.map((entry) => [entry.itemId, entry.bodySize ?? 0])),
    onSettled: (settled) => writer?.onSettled(settled),
  });
  const queue = new StagingQueue({
    concurrency: run.concurrency,
    // Only large downloads get the job's signal: for every other request the client's own (which
    // the person's stop aborts) is enough, and combining signals costs more than a small request.
    stage: (item) => stageItem(run.client, staging, item, { ...(hasLargeFile(item) ? { signal } : {}), onBytes: (delta) => meter.addBytes(delta) }),
    onStaged: (item, files) => {
      if (files.problem !== null) problems.push({ itemId: item.id, title: item.title, problem: files.problem });
      plan.noteBody(item, files.bodySize);
    },
  });
  const allStaged = queue.run(fetchOrder(plan, packedBefore));
  allStaged.catch(() => undefined);
  writer = new PartWriter({
    library, jobId, scan, outDir: run.outDir, ruleSetVersion: run.rules.ruleSet.version, now: run.now, signal,
    itemsById, childrenOf, packedBefore, recorded,
    staged: (item) => queue.staged(item),
    release: async (item, files) => {
      queue.forget(item.id);
      await staging.release(item.id, files.filePath);
    },
    check: checkWrittenPart(itemsById),
    onItemPacked: (item) => meter.addItems(1, item.title),
    onPartVoided: (part) => meter.addItems(-part.items.length),
    staging: allStaged,
    runAhead: (until) => queue.runAheadUntil(until),
  }, plan);

  try {
    plan.settleKnown();
    if (run.resumed) await writer.removeLeftovers();
    const archives = await writer.writeAll();
    await allStaged;
    return {
      jobId, scan, archives, items: selected.length, bytes: bytesTotal, problems, resumed: run.resumed,
    };
  } catch (error) {
    stop.abort(error);
    queue.stop(error);
    await allStaged.catch(() => undefined);
    await writer.discard();
    throw error;
  }
}

/** Parts earlier runs recorded whose ZIP is still where it was put, by `key#part`. */
async function recordedParts(archives: readonly JobArchive[]): Promise<Map<string, JobArchive>> {
  const recorded = new Map<string, JobArchive>();
  for (const archive of archives) {
    if (archive.state !== 'recorded' || !archive.finalPath) continue;
    if (await stat(archive.finalPath).then(() => true, () => false)) recorded.set(`${archive.archiveKey}#${archive.part}`, archive);
  }
  return recorded;
}

/**
 * The order items are staged in: the plan's, so each part can be written as soon as its items
 * are in; for an archive that waits for its bodies before it is split, its bodies come first.
 */
function fetchOrder(plan: ArchivePlan, packedBefore: ReadonlySet<string>): ScannedItem[] {
  const order: ScannedItem[] = [];
  for (const archive of plan.archives) {
    const items = archive.items.filter((item) => !packedBefore.has(item.id));
    if (!plan.bodiesFirst(archive.key)) {
      for (const item of items) order.push(item);
      continue;
    }
    for (const item of items) if (item.hasBody) order.push(item);
    for (const item of items) if (!item.hasBody) order.push(item);
  }
  return order;
}

/** Reads a written ZIP back entry by entry while it is flushed to disk, and returns its SHA-256 for the library. */
function checkWrittenPart(itemsById: ReadonlyMap<string, ScannedItem>): (temporary: string, packed: PackedPart) => Promise<string> {
  return (temporary, packed) => verifyAndSync(temporary, packed, itemsById);
}
