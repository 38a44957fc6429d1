import { createHash, type Hash } from 'node:crypto';
import { open, type FileHandle } from 'node:fs/promises';
import { crc32 } from 'node:zlib';
import { rangeChunks } from './file-chunks.ts';

/** What a stored entry's bytes hashed to, read back from the ZIP as soon as they were written. */
export interface EntryReadBack {
  /** Where the entry's bytes start in the ZIP. */
  dataStart: number;
  size: number;
  crc32: number;
  sha256: string;
}

/** The SHA-256 of a file's first `upTo` bytes, to be continued over the rest. */
export interface DigestSoFar {
  upTo: number;
  hash: Hash;
}

/** What was read back of a ZIP while it was written, for the check after closing. */
export interface ReadBackSoFar {
  /** The large stored entries read, in file order. */
  entries: EntryReadBack[];
  /** The whole file's digest up to the end of the last of them; null after a failed read. */
  digest: DigestSoFar | null;
}

/**
 * Reads a ZIP back while it is still written, in file order and only as far as it is sealed
 * (see BufferedFile.seal): each large stored entry is hashed as soon as it is written, while
 * the next ones are fetched, and every byte up to it feeds the whole file's SHA-256, so the
 * check after closing reads only what came after the last of them. One read at a time; after
 * a failed one nothing more is read here, and the check after closing reads the rest itself.
 */
export class SealedReadBack {
  readonly #file: string;
  readonly #signal: AbortSignal;
  readonly #hash = createHash('sha256');
  readonly #entries: EntryReadBack[] = [];
  #upTo = 0;
  #broken = false;
  #queue: Promise<void> = Promise.resolve();

  constructor(file: string, signal: AbortSignal) {
    this.#file = file;
    this.#signal = signal;
  }

  /** Reads the entry whose `size` bytes start at `dataStart`, and whatever before it is not read yet. */
  entry(dataStart: number, size: number): void {
    this.#queue = this.#queue.then(() => this.#read(dataStart, size));
  }

  /** What the reads asked for so far found, once they are done. */
  async soFar(): Promise<ReadBackSoFar> {
    await this.#queue;
    return { entries: [...this.#entries], digest: this.#broken ? null : { upTo: this.#upTo, hash: this.#hash.copy() } };
  }

  /** Settles when no read is in flight. */
  settled(): Promise<void> {
    return this.#queue;
  }

  async #read(dataStart: number, size: number): Promise<void> {
    if (this.#broken) return;
    try {
      const handle = await open(this.#file, 'r');
      try {
        await this.#follow(handle, dataStart, () => undefined);
        const hash = createHash('sha256');
        let checksum = 0;
        await this.#follow(handle, dataStart + size, (chunk) => {
          hash.update(chunk);
          checksum = crc32(chunk, checksum);
        });
        this.#entries.push({ dataStart, size, crc32: checksum >>> 0, sha256: hash.digest('hex') });
      } finally {
        await handle.close();
      }
    } catch {
      this.#broken = true;
    }
  }

  /** Hashes the file on from where it was left up to `end`, handing each chunk to `also`. */
  async #follow(handle: FileHandle, end: number, also: (chunk: Buffer) => void): Promise<void> {
    if (end < this.#upTo) throw new Error('Internal error: a read-back went backwards.');
    for await (const chunk of rangeChunks(handle, this.#upTo, end)) {
      this.#signal.throwIfAborted();
      this.#hash.update(chunk);
      also(chunk);
      this.#upTo += chunk.length;
    }
    if (this.#upTo !== end) throw new Error(`The ZIP ended at ${this.#upTo} bytes while it was read back.`);
  }
}
