import type { ScannedItem } from '../../../shared/inventory.ts';
import { createConcurrencyLimiter } from '../platform-client/concurrency-limiter.ts';
import type { StagedFiles } from './stage-item.ts';

/** From this size a file counts as large: large files are fetched one at a time. */
const LARGE_FILE_BYTES = 8 * 1024 * 1024;
/**
 * How far staging may run ahead of the items asked for: far enough to keep every connection
 * busy while packing catches up, not so far that staged files pile up on disk and in memory.
 */
const AHEAD_ITEMS = 1000;
const AHEAD_BYTES = 512 * 1024 * 1024;

export function hasLargeFile(item: ScannedItem): boolean {
  return (item.file?.size ?? 0) >= LARGE_FILE_BYTES;
}

interface Pending {
  promise: Promise<StagedFiles>;
  resolve: (files: StagedFiles) => void;
  reject: (error: unknown) => void;
  started: boolean;
}

export interface StagingQueueOptions {
  concurrency: number;
  stage: (item: ScannedItem) => Promise<StagedFiles>;
  /** Called once per item as soon as it is staged, before anyone waiting for it resumes. */
  onStaged: (item: ScannedItem, files: StagedFiles) => void;
}

/**
 * Stages items in the order given with `concurrency` at once, a bounded way ahead of the items
 * asked for, and hands each one to whoever waits for it. Large files go one at a time, so that
 * the first is whole (and can be packed) while the next arrives, instead of all of them arriving
 * together at the end; the other slots go on with small items meanwhile. The first failure stops
 * the queue and fails every wait.
 */
export class StagingQueue {
  readonly #options: StagingQueueOptions;
  readonly #pending = new Map<string, Pending>();
  readonly #position = new Map<string, number>();
  /** Bytes of the items before each position of the order. */
  #bytesBefore = new Float64Array(1);
  /** One past the furthest position asked for. */
  #asked = 0;
  /** While above 0, staging runs ahead without limit. */
  #unlimited = 0;
  #waiting: (() => void)[] = [];
  readonly #large = createConcurrencyLimiter(1);
  #failure: { error: unknown } | null = null;

  constructor(options: StagingQueueOptions) {
    this.#options = options;
  }

  /** Stages `order`; resolves when all are staged, rejects with the first failure. */
  async run(order: readonly ScannedItem[]): Promise<void> {
    this.#bytesBefore = new Float64Array(order.length + 1);
    for (const [index, item] of order.entries()) {
      this.#position.set(item.id, index);
      this.#bytesBefore[index + 1] = (this.#bytesBefore[index] ?? 0) + item.size;
    }
    let next = 0;
    const worker = async (): Promise<void> => {
      for (;;) {
        while (this.#failure === null && next < order.length && !this.#mayStart(next)) {
          await new Promise<void>((resolve) => this.#waiting.push(resolve));
        }
        if (this.#failure !== null || next >= order.length) return;
        const item = order[next++] as ScannedItem;
        const pending = this.#entry(item.id);
        if (pending.started) continue;
        const release = hasLargeFile(item) ? await this.#large.acquire() : null;
        try {
          await this.#stage(item, pending);
        } catch (error) {
          this.#failure ??= { error };
          this.#wake();
        } finally {
          release?.();
        }
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(this.#options.concurrency, order.length)) }, worker));
    if (this.#failure !== null) {
      this.stop(this.#failure.error);
      throw this.#failure.error;
    }
  }

  /** The item's staged files once they are on disk; an item not queued is staged on the spot. */
  staged(item: ScannedItem): Promise<StagedFiles> {
    const pending = this.#entry(item.id);
    const position = this.#position.get(item.id);
    if (position === undefined) {
      if (!pending.started && this.#failure === null) this.#stage(item, pending).catch(() => undefined);
    } else if (position >= this.#asked) {
      this.#asked = position + 1;
      this.#wake();
    }
    return pending.promise;
  }

  /** Lets staging run ahead without limit until `until` settles: what it waits for needs more items first. */
  runAheadUntil(until: Promise<unknown>): void {
    this.#unlimited += 1;
    this.#wake();
    const done = () => {
      this.#unlimited -= 1;
    };
    until.then(done, done);
  }

  /** Drops what is kept of an item that will not be asked for again. */
  forget(itemId: string): void {
    this.#pending.delete(itemId);
  }

  /** Fails every wait that is still open, so no one waits for work that will not happen. */
  stop(error: unknown): void {
    this.#failure ??= { error };
    for (const pending of this.#pending.values()) {
      if (!pending.started) pending.reject(error);
    }
    this.#wake();
  }

  #mayStart(position: number): boolean {
    if (this.#unlimited > 0 || position < this.#asked || position === 0) return true;
    const from = Math.min(this.#asked, position);
    return position - from < AHEAD_ITEMS && (this.#bytesBefore[position] ?? 0) - (this.#bytesBefore[from] ?? 0) < AHEAD_BYTES;
  }

  #wake(): void {
    const waiting = this.#waiting;
    this.#waiting = [];
    for (const resolve of waiting) resolve();
  }

  async #stage(item: ScannedItem, pending: Pending): Promise<void> {
    pending.started = true;
    try {
      const files = await this.#options.stage(item);
      this.#options.onStaged(item, files);
      pending.resolve(files);
    } catch (error) {
      pending.reject(error);
      throw error;
    }
  }

  #entry(itemId: string): Pending {
    let pending = this.#pending.get(itemId);
    if (pending === undefined) {
      let resolve!: (files: StagedFiles) => void;
      let reject!: (error: unknown) => void;
      const promise = new Promise<StagedFiles>((onResolve, onReject) => {
        resolve = onResolve;
        reject = onReject;
      });
      promise.catch(() => undefined);
      pending = { promise, resolve, reject, started: false };
      this.#pending.set(itemId, pending);
    }
    return pending;
  }
}
