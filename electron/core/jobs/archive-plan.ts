import type { ScanResult, ScannedItem } from '../../../shared/inventory.ts';
import {
  PERSONAL_KEY, estimatedArchiveBytes, planArchives, planParts, splitSignature, type PlannedArchive,
} from '../archive/plan/plan-archives.ts';
import { DependencyLocator } from './dependency-locator.ts';

export interface SettledArchive {
  archive: PlannedArchive;
  /** The plan it had before, when knowing its bodies changed its split; else null. */
  replaced: PlannedArchive | null;
}

export interface ArchivePlanOptions {
  scan: ScanResult;
  items: readonly ScannedItem[];
  splitSize: number;
  /** Body sizes known before anything is fetched (packed by an earlier run). */
  knownBodyBytes: ReadonlyMap<string, number>;
  onSettled: (settled: SettledArchive) => void;
}

/**
 * The plan of an archive job while its bodies arrive. Parts are sized with the bodies' bytes,
 * but waiting for every body before writing anything would leave the disk and the CPU idle for
 * most of a crawl. So an archive far below the split size is planned as if its bodies not yet
 * fetched were empty, and written at once; it is settled when its last body is in, and should
 * the bodies move a part boundary, its plan is replaced and what was written with the old one
 * is written again. An archive near or over the split size waits for its bodies instead.
 */
export class ArchivePlan {
  #archives: PlannedArchive[];
  #locator: DependencyLocator;
  readonly #splitSize: number;
  readonly #bodyBytes: Map<string, number>;
  /** Per archive key, the items whose bodies are still unknown; absent once settled. */
  readonly #unknown = new Map<string, Set<string>>();
  readonly #bodiesFirst = new Set<string>();
  readonly #waiting = new Map<string, (() => void)[]>();
  readonly #onSettled: (settled: SettledArchive) => void;

  constructor(options: ArchivePlanOptions) {
    this.#splitSize = options.splitSize;
    this.#bodyBytes = new Map(options.knownBodyBytes);
    this.#onSettled = options.onSettled;
    this.#archives = planArchives({ scan: options.scan, items: options.items, splitSize: options.splitSize, bodyBytes: this.#bodyBytes });
    this.#locator = new DependencyLocator(this.#archives);
    for (const archive of this.#archives) {
      const unknown = new Set(archive.items.filter((item) => item.hasBody && !this.#bodyBytes.has(item.id)).map((item) => item.id));
      if (unknown.size === 0) continue;
      this.#unknown.set(archive.key, unknown);
      if (archive.parts.length > 1 || estimatedArchiveBytes(archive.items, this.#bodyBytes) > options.splitSize / 2) {
        this.#bodiesFirst.add(archive.key);
      }
    }
  }

  get archives(): readonly PlannedArchive[] {
    return this.#archives;
  }

  /** Resolves links between the parts of the current plan, noting which archives each part links into. */
  get locator(): DependencyLocator {
    return this.#locator;
  }

  isSettled(key: string): boolean {
    return !this.#unknown.has(key);
  }

  /** Whether the archive's bodies are fetched before its first part is written. */
  bodiesFirst(key: string): boolean {
    return this.#bodiesFirst.has(key);
  }

  whenSettled(key: string): Promise<void> {
    if (this.isSettled(key)) return Promise.resolve();
    return new Promise((resolve) => {
      const waiting = this.#waiting.get(key) ?? [];
      waiting.push(resolve);
      this.#waiting.set(key, waiting);
    });
  }

  bodyBytes(itemId: string): number {
    return this.#bodyBytes.get(itemId) ?? 0;
  }

  /** Reports the archives settled from the start (all their bodies known): call once, first. */
  settleKnown(): void {
    for (const archive of this.#archives) {
      if (this.isSettled(archive.key)) this.#onSettled({ archive, replaced: null });
    }
  }

  /** Notes the size of an item's staged body (0 when it has none); may settle its archive. */
  noteBody(item: ScannedItem, bytes: number): void {
    if (!item.hasBody) return;
    this.#bodyBytes.set(item.id, bytes);
    const key = item.space ?? PERSONAL_KEY;
    const unknown = this.#unknown.get(key);
    if (unknown === undefined || !unknown.delete(item.id) || unknown.size > 0) return;
    this.#unknown.delete(key);
    this.#settle(key);
  }

  #settle(key: string): void {
    const index = this.#archives.findIndex((archive) => archive.key === key);
    const planned = this.#archives[index];
    if (planned === undefined) return;
    const parts = planParts(planned, this.#splitSize, this.#bodyBytes);
    let replaced: PlannedArchive | null = null;
    if (splitSignature(parts) !== splitSignature(planned.parts)) {
      replaced = planned;
      this.#archives = this.#archives.map((archive, at) => (at === index ? { ...planned, parts } : archive));
      this.#locator = new DependencyLocator(this.#archives);
    }
    this.#onSettled({ archive: this.#archives[index] as PlannedArchive, replaced });
    for (const resolve of this.#waiting.get(key) ?? []) resolve();
    this.#waiting.delete(key);
  }
}
