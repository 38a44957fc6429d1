import { createHash } from 'node:crypto';
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { MemoryBudget } from './memory-budget.ts';
import { StagingLog } from './staging-log.ts';

const FILE_NAME = /^([0-9a-f]{32})\.file$/;
/** Copies of staged bodies and small files kept in memory for packing, at most (see MemoryBudget). */
export const STAGED_IN_MEMORY_BYTES = 16 * 1024 * 1024;

export type StagedKind = 'body' | 'file';

/** Staged bytes of a body or a small file: in memory while the budget allows, else read back from the log. */
export interface StagedBytes {
  size: number;
  read(): Promise<Buffer>;
}

/**
 * Where a job keeps fetched bodies and files until their ZIP is written and checked: bodies and
 * small files in a StagingLog, large files one per file (they resume with Range). Item ids come
 * from the platform, so file names are their hashes, never the ids themselves.
 */
export class StagingArea {
  readonly dir: string;
  readonly memory: MemoryBudget;
  readonly #log: StagingLog;
  readonly #inMemory = new Map<string, number>();
  /** Large files earlier runs left, by item hash: found once, before the first item is staged. */
  readonly #earlierFiles = new Set<string>();

  constructor(dataDir: string, jobId: string, memoryBytes = STAGED_IN_MEMORY_BYTES) {
    this.dir = path.join(dataDir, 'staging', jobId);
    this.memory = new MemoryBudget(memoryBytes);
    this.#log = new StagingLog(this.dir);
  }

  #base(itemId: string): string {
    return createHash('sha256').update(itemId).digest('hex').slice(0, 32);
  }

  /** Where a large file is downloaded to. */
  filePath(itemId: string): string {
    return path.join(this.dir, `${this.#base(itemId)}.file`);
  }

  /** Opens the log and lists what earlier runs of the job left in the folder; a new job finds nothing. */
  async findEarlier(): Promise<void> {
    this.#earlierFiles.clear();
    for (const name of await readdir(this.dir).catch(() => [] as string[])) {
      const file = FILE_NAME.exec(name)?.[1];
      if (file !== undefined) this.#earlierFiles.add(file);
    }
    this.#log.open();
  }

  /** Whether an earlier run left the item's large file (complete, but not yet checked). */
  hasEarlierFile(itemId: string): boolean {
    return this.#earlierFiles.has(this.#base(itemId));
  }

  /** Stages a body or a small file: appended to the log, and kept in memory too while the budget allows. */
  keep(kind: StagedKind, itemId: string, bytes: Buffer): StagedBytes {
    const key = `${kind}\u0000${itemId}`;
    this.#log.append(key, bytes);
    return this.#staged(key, bytes);
  }

  /** What an earlier run staged of the item, if it is whole (its hash checks out), and `accept`s it. */
  earlier(kind: StagedKind, itemId: string, accept: (bytes: Buffer) => boolean = () => true): StagedBytes | null {
    const key = `${kind}\u0000${itemId}`;
    const bytes = this.#log.read(key);
    if (bytes === null) return null;
    if (!accept(bytes)) {
      this.#log.release(key);
      return null;
    }
    return this.#staged(key, bytes);
  }

  #staged(key: string, bytes: Buffer): StagedBytes {
    if (this.memory.take(bytes.length)) {
      this.#inMemory.set(key, bytes.length);
      return { size: bytes.length, read: () => Promise.resolve(bytes) };
    }
    return {
      size: bytes.length,
      read: async () => {
        const again = this.#log.read(key);
        if (again === null) throw new Error('A staged body or file no longer reads back whole from the staging folder: run the same command again.');
        return again;
      },
    };
  }

  /** The item's ZIP is recorded: its staged bytes and large file are no longer needed. */
  async release(itemId: string, largeFile: string | null): Promise<void> {
    for (const kind of ['body', 'file'] as const) {
      const key = `${kind}\u0000${itemId}`;
      const held = this.#inMemory.get(key);
      if (held !== undefined) {
        this.#inMemory.delete(key);
        this.memory.give(held);
      }
      this.#log.release(key);
    }
    if (largeFile !== null) await rm(largeFile, { force: true });
  }

  close(): void {
    this.#log.close();
  }
}
