import { readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ScanResult, ScannedItem } from '../../../shared/inventory.ts';
import { packPart, type PackedPart } from '../archive/pack/pack-part.ts';
import type { PlannedArchive, PlannedPart } from '../archive/plan/plan-archives.ts';
import { upsertJobArchives, type JobArchive } from '../library/job-archives-repository.ts';
import type { Library } from '../library/library.ts';
import type { ArchivePlan, SettledArchive } from './archive-plan.ts';
import { recordPart, type CheckedPart } from './record-part.ts';
import type { StagedFiles } from './stage-item.ts';

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

export class PlanChangedError extends Error {
  override readonly name = 'PlanChangedError';
}

export interface PartWriterOptions {
  library: Library;
  jobId: string;
  scan: ScanResult;
  outDir: string;
  ruleSetVersion: string;
  now: () => Date;
  signal?: AbortSignal;
  itemsById: ReadonlyMap<string, ScannedItem>;
  childrenOf: ReadonlyMap<string, ScannedItem[]>;
  /** Items packed by earlier runs. */
  packedBefore: ReadonlySet<string>;
  /** Parts an earlier run recorded whose ZIP is still in place, by `key#part`. */
  recorded: ReadonlyMap<string, JobArchive>;
  staged: (item: ScannedItem) => Promise<StagedFiles>;
  /** The item's ZIP is recorded: its staged files are no longer needed, and it will not be asked for again. */
  release: (item: ScannedItem, files: StagedFiles) => Promise<void>;
  /** Reads the written ZIP back and returns its SHA-256; throws when it does not check out. Settles once the ZIP is flushed to disk. */
  check: (temporary: string, packed: PackedPart) => Promise<string>;
  onItemPacked: (item: ScannedItem) => void;
  /** A written part was thrown away (its plan changed): its items will be packed again. */
  onPartVoided: (part: PlannedPart) => void;
  /** Settles when every item is staged: rejects with the failure that stopped staging. */
  staging: Promise<void>;
  /** Lets staging run ahead freely until `until` settles (the writer waits for bodies, not for its next item). */
  runAhead: (until: Promise<unknown>) => void;
}

interface WrittenPart extends Omit<CheckedPart, 'sha256'> {
  /** Archives its links lead into, its own included: it is recorded once all of them are settled. */
  dependencies: ReadonlySet<string>;
  /** The plan generation it was written with; a dependency replaced later makes it void. */
  generation: number;
  sha256: string | null;
}

const partId = (part: { archiveKey: string; part: number }) => `${part.archiveKey}#${part.part}`;

/**
 * Writes the parts of an archive plan one after another as their items arrive, each read back
 * and recorded while the next one is written. A part whose links lead into an archive whose
 * split is not settled yet is held back, written and checked, until it is; if that archive's
 * plan then changed, the part is thrown away and written again.
 */
export class PartWriter {
  readonly #options: PartWriterOptions;
  readonly #plan: ArchivePlan;
  /** Parts of the current plan written in this run (held, being checked, or recorded). */
  readonly #done = new Set<PlannedPart>();
  readonly #held = new Set<WrittenPart>();
  readonly #written = new Map<string, WrittenArchive>();
  readonly #replacedAt = new Map<string, number>();
  #generation = 0;
  #writes = 0;
  #checks: Promise<void> = Promise.resolve();
  #settledEvent: { promise: Promise<void>; resolve: () => void } = PartWriter.#event();
  #stagingDone = false;

  constructor(options: PartWriterOptions, plan: ArchivePlan) {
    this.#options = options;
    this.#plan = plan;
    options.staging.then(() => { this.#stagingDone = true; }, () => undefined);
  }

  static #event(): { promise: Promise<void>; resolve: () => void } {
    let resolve!: () => void;
    const promise = new Promise<void>((onResolve) => { resolve = onResolve; });
    return { promise, resolve };
  }

  /** Removes ZIPs an earlier run of this job left half-written. */
  async removeLeftovers(): Promise<void> {
    const prefix = `.twinarchive-${this.#options.jobId}-`;
    for (const name of await readdir(this.#options.outDir).catch(() => [] as string[])) {
      if (name.startsWith(prefix) && name.endsWith('.zip.partial')) await rm(path.join(this.#options.outDir, name), { force: true });
    }
  }

  /**
   * Checks a settled archive against what earlier runs recorded of it and records its parts;
   * when its split changed, every part written with the old one becomes void.
   */
  onSettled({ archive, replaced }: SettledArchive): void {
    const { library, jobId, recorded, packedBefore } = this.#options;
    for (const part of archive.parts) {
      const earlier = recorded.get(partId(part));
      if (earlier === undefined) continue;
      if (earlier.parts !== part.parts || part.items.some(({ item }) => !packedBefore.has(item.id))) {
        throw new PlanChangedError(`"${archive.title}" no longer splits as it did when its first parts were written (its content changed on the platform): archive it again into an empty folder.`);
      }
    }
    upsertJobArchives(library, jobId, archive.parts.map((part) => ({ archiveKey: archive.key, part: part.part, parts: part.parts })));
    if (replaced !== null) {
      this.#generation += 1;
      this.#replacedAt.set(archive.key, this.#generation);
    }
    const event = this.#settledEvent;
    this.#settledEvent = PartWriter.#event();
    event.resolve();
  }

  /** Writes every part not recorded yet; returns all parts of the plan, in plan order. */
  async writeAll(): Promise<WrittenArchive[]> {
    for (;;) {
      this.#options.signal?.throwIfAborted();
      if (this.#held.size > 0) await this.#settleHeld();
      const next = this.#nextPart();
      if (next !== null) {
        if (this.#plan.bodiesFirst(next.archive.key) && !this.#plan.isSettled(next.archive.key)) {
          await this.#until(this.#plan.whenSettled(next.archive.key));
          continue;
        }
        const written = await this.#write(next.archive, next.part);
        this.#done.add(next.part);
        const previous = this.#checks;
        this.#checks = previous.then(() => this.#checkAndRecord(written));
        this.#checks.catch(() => undefined);
        // One part is checked while the next one is written, not more: each holds its entries.
        await previous;
        continue;
      }
      await this.#checks;
      if (this.#held.size === 0) break;
      const settled = this.#settledEvent.promise;
      await this.#settleHeld();
      if (this.#held.size === 0 || this.#nextPart() !== null) continue;
      if (this.#stagingDone) throw new Error('Internal error: written parts wait for archives that are all settled.');
      await this.#until(settled);
    }
    return this.#results();
  }

  /** After a failure: waits for the check under way and deletes every ZIP not recorded. */
  async discard(): Promise<void> {
    await this.#checks.catch(() => undefined);
    for (const part of this.#held) await rm(part.temporary, { force: true });
    this.#held.clear();
  }

  #nextPart(): { archive: PlannedArchive; part: PlannedPart } | null {
    for (const archive of this.#plan.archives) {
      for (const part of archive.parts) {
        if (!this.#options.recorded.has(partId(part)) && !this.#done.has(part)) return { archive, part };
      }
    }
    return null;
  }

  /** Waits for `event`, or for staging to end (all settled) or fail (thrown). */
  async #until(event: Promise<unknown>): Promise<void> {
    this.#options.runAhead(event);
    await Promise.race([event, this.#options.staging]);
  }

  async #write(archive: PlannedArchive, part: PlannedPart): Promise<WrittenPart> {
    const options = this.#options;
    const generation = this.#generation;
    this.#writes += 1;
    const temporary = path.join(options.outDir, `.twinarchive-${options.jobId}-${part.archiveKey.replace(/[^A-Za-z0-9_-]/g, '_')}-${part.part}-${this.#writes}.zip.partial`);
    const locator = this.#plan.locator;
    const packed = await packPart({
      scan: options.scan, archive, part, locator, itemsById: options.itemsById, childrenOf: options.childrenOf,
      staged: options.staged, file: temporary, archivedAt: options.now(), ruleSetVersion: options.ruleSetVersion,
      ...(options.signal ? { signal: options.signal } : {}),
      onItemPacked: options.onItemPacked,
    });
    return { archive, part, packed, temporary, dependencies: locator.takeDependencies(part), generation, sha256: null };
  }

  async #checkAndRecord(written: WrittenPart): Promise<void> {
    try {
      written.sha256 = await this.#options.check(written.temporary, written.packed);
    } catch (error) {
      await rm(written.temporary, { force: true });
      throw error;
    }
    this.#held.add(written);
    await this.#settleHeldNow();
  }

  #settleHeld(): Promise<void> {
    this.#checks = this.#checks.then(() => this.#settleHeldNow());
    this.#checks.catch(() => undefined);
    return this.#checks;
  }

  #isValid(part: WrittenPart): boolean {
    return [...part.dependencies].every((key) => (this.#replacedAt.get(key) ?? 0) <= part.generation);
  }

  #isRecordable(part: WrittenPart): boolean {
    return this.#isValid(part) && [...part.dependencies].every((key) => this.#plan.isSettled(key));
  }

  /** Records the held parts whose archives are settled; voids those written with a replaced plan. */
  async #settleHeldNow(): Promise<void> {
    for (const part of [...this.#held]) {
      if (!this.#isValid(part)) {
        this.#held.delete(part);
        this.#done.delete(part.part);
        this.#options.onPartVoided(part.part);
        await rm(part.temporary, { force: true });
      } else if (this.#isRecordable(part)) {
        this.#held.delete(part);
        await this.#record(part);
      }
    }
  }

  async #record(part: WrittenPart): Promise<void> {
    const { library, jobId, scan, outDir } = this.#options;
    let finalPath: string;
    try {
      finalPath = await recordPart(library, { jobId, scan, outDir, bodyBytes: (itemId) => this.#plan.bodyBytes(itemId) }, {
        archive: part.archive, part: part.part, packed: part.packed, temporary: part.temporary, sha256: part.sha256 ?? '',
      });
    } catch (error) {
      await rm(part.temporary, { force: true });
      throw error;
    }
    this.#written.set(partId(part.part), {
      path: finalPath, title: part.archive.title, part: part.part.part, parts: part.part.parts, items: part.part.items.length,
      size: part.packed.size, earlier: false,
    });
    await Promise.all(part.part.items.map(async ({ item }) => this.#options.release(item, await this.#options.staged(item))));
  }

  async #results(): Promise<WrittenArchive[]> {
    const results: WrittenArchive[] = [];
    for (const archive of this.#plan.archives) {
      for (const part of archive.parts) {
        const written = this.#written.get(partId(part));
        if (written !== undefined) {
          results.push(written);
          continue;
        }
        const earlier = this.#options.recorded.get(partId(part));
        if (earlier?.finalPath) {
          const size = (await stat(earlier.finalPath)).size;
          results.push({ path: earlier.finalPath, title: archive.title, part: part.part, parts: part.parts, items: part.items.length, size, earlier: true });
        }
      }
    }
    return results;
  }
}
