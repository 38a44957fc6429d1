import { createHash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { MemoryBudget } from './memory-budget.ts';
import { SPARE_NAME, SpareFiles } from './spare-files.ts';

const BODY_NAME = /^([0-9a-f]{32})\.([0-9a-f]{64})\.body\.html$/;
const FILE_NAME = /^([0-9a-f]{32})\.file$/;
/** Copies of staged bodies and small files kept in memory for packing, at most (see MemoryBudget). */
export const STAGED_IN_MEMORY_BYTES = 16 * 1024 * 1024;

/**
 * Where a job keeps fetched bodies and files until their ZIP is written and checked. Item ids
 * come from the platform, so file names are their hashes, never the ids themselves. A body's
 * name also carries the SHA-256 of its bytes: a body a crash left incomplete never passes for
 * whole, without a record anywhere else.
 */
export class StagingArea {
  readonly dir: string;
  /** Small staged files are written through these and given back to them, see SpareFiles. */
  readonly spares: SpareFiles;
  readonly memory: MemoryBudget;
  /** What earlier runs left, by item hash: found once, before the first item is staged. */
  #earlier = new Map<string, { bodies: string[]; file: boolean }>();

  constructor(dataDir: string, jobId: string, memoryBytes = STAGED_IN_MEMORY_BYTES) {
    this.dir = path.join(dataDir, 'staging', jobId);
    this.spares = new SpareFiles(this.dir);
    this.memory = new MemoryBudget(memoryBytes);
  }

  #base(itemId: string): string {
    return createHash('sha256').update(itemId).digest('hex').slice(0, 32);
  }

  bodyPath(itemId: string, sha256: string): string {
    return path.join(this.dir, `${this.#base(itemId)}.${sha256}.body.html`);
  }

  filePath(itemId: string): string {
    return path.join(this.dir, `${this.#base(itemId)}.file`);
  }

  /** Lists what earlier runs of the job left in the folder; a new job finds nothing. */
  async findEarlier(): Promise<void> {
    this.#earlier.clear();
    for (const name of await readdir(this.dir).catch(() => [] as string[])) {
      if (SPARE_NAME.test(name)) this.spares.adopt(name);
      const body = BODY_NAME.exec(name);
      const file = FILE_NAME.exec(name);
      const base = body?.[1] ?? file?.[1];
      if (base === undefined) continue;
      const entry = this.#earlier.get(base) ?? { bodies: [], file: false };
      if (body?.[2] !== undefined) entry.bodies.push(body[2]);
      if (file) entry.file = true;
      this.#earlier.set(base, entry);
    }
  }

  /** Bodies of the item an earlier run left, as [path, SHA-256 its name claims]; still to be checked. */
  earlierBodies(itemId: string): [string, string][] {
    return (this.#earlier.get(this.#base(itemId))?.bodies ?? []).map((sha256) => [this.bodyPath(itemId, sha256), sha256]);
  }

  /** Whether an earlier run left the item's file (complete, but not yet checked). */
  hasEarlierFile(itemId: string): boolean {
    return this.#earlier.get(this.#base(itemId))?.file ?? false;
  }
}
