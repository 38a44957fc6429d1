import { prepareInline, prepareLarge, type BatchEntry, type PreparedBatch, type PreparedEntry } from './prepared-entry.ts';

/** Prepares a batch elsewhere than on the calling thread (the compression pool, or a stand-in in tests). */
export interface BatchPreparer {
  prepare(entries: readonly BatchEntry[]): Promise<PreparedBatch>;
}

interface Member {
  data: Uint8Array;
  compress: boolean;
  resolve: (prepared: PreparedEntry) => void;
  reject: (error: Error) => void;
}

interface Batch {
  members: Member[];
  bytes: number;
  sealed: boolean;
  /** Entries not written yet; at zero the batch's memory goes back to the preparer. */
  unwritten: number;
  release: (() => void) | null;
}

export interface QueuedEntry {
  readonly prepared: Promise<PreparedEntry>;
  /** The entry is next to be written: its batch goes now if it has not gone yet. */
  start(): void;
  /** The entry's bytes are written and no longer needed. */
  written(): void;
}

export interface BatchLimits {
  /** A batch goes to the pool once it holds this many bytes. */
  batchBytes: number;
  /** A batch the writer is waiting for, smaller than this, is prepared on the calling thread. */
  inlineBytes: number;
  /** An entry this large is no batch's: it is deflated on its own, without a copy. */
  largeBytes: number;
}

export const DEFAULT_BATCH_LIMITS: BatchLimits = { batchBytes: 256 * 1024, inlineBytes: 4 * 1024, largeBytes: 4 * 1024 * 1024 };

/**
 * Gathers small entries into batches, so a worker round trip serves many of them, and starts a
 * batch as soon as it is full or as soon as the writer needs one of its entries.
 */
export class EntryBatcher {
  readonly #pool: BatchPreparer | null;
  readonly #limits: BatchLimits;
  #open: Batch | null = null;

  constructor(pool: BatchPreparer | null, limits: BatchLimits = DEFAULT_BATCH_LIMITS) {
    this.#pool = pool;
    this.#limits = limits;
  }

  add(data: Uint8Array, compress: boolean): QueuedEntry {
    if (data.length >= this.#limits.largeBytes) {
      const prepared = prepareLarge(data, compress);
      prepared.catch(() => undefined);
      return { prepared, start: () => undefined, written: () => undefined };
    }
    const batch: Batch = this.#open ?? { members: [], bytes: 0, sealed: false, unwritten: 0, release: null };
    this.#open = batch;
    const prepared = new Promise<PreparedEntry>((resolve, reject) => batch.members.push({ data, compress, resolve, reject }));
    prepared.catch(() => undefined);
    batch.bytes += data.length;
    batch.unwritten += 1;
    if (batch.bytes >= this.#limits.batchBytes) this.#seal(batch, false);
    let written = false;
    return {
      prepared,
      start: () => {
        if (!batch.sealed) this.#seal(batch, true);
      },
      written: () => {
        if (written) return;
        written = true;
        batch.unwritten -= 1;
        if (batch.unwritten === 0) batch.release?.();
      },
    };
  }

  #seal(batch: Batch, awaited: boolean): void {
    batch.sealed = true;
    if (this.#open === batch) this.#open = null;
    const { members } = batch;
    if (this.#pool === null || (awaited && batch.bytes < this.#limits.inlineBytes)) {
      for (const member of members) {
        try {
          member.resolve(prepareInline(member.data, member.compress));
        } catch (error) {
          member.reject(error as Error);
        }
      }
      return;
    }
    this.#pool.prepare(members).then(
      (prepared) => {
        batch.release = prepared.release;
        members.forEach((member, index) => {
          const entry = prepared.entries[index];
          if (entry) member.resolve(entry);
          else member.reject(new Error('The compression worker left an entry out.'));
        });
      },
      (error: Error) => members.forEach((member) => member.reject(error)),
    );
  }
}
