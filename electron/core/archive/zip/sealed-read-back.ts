import { createHash, type Hash } from 'node:crypto';
import { open } from 'node:fs/promises';
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

/**
 * Reads a ZIP back while it is still written, in file order and only as far as it is sealed
 * (see BufferedFile.seal): each large stored entry is hashed as soon as it is written, while
 * the next ones are fetched, and every byte up to it feeds the whole file's SHA-256, so the
 * check after closing reads only what came after the last of them. One read at a time; after
 * a failed one nothing more is read here, and the check after closing reads everything itself.
 */
export class SealedReadBack {
  readonly #file: string;
  readonly #signal: AbortSignal;
  readonly #hash = createHash('sha256');
  #upTo = 0;
  #broken = false;
  #queue: Promise<unknown> = Promise.resolve();

  constructor(file: string, signal: AbortSignal) {
    this.#file = file;
    this.#signal = signal;
  }

  /** Reads the entry whose `size` bytes start at `dataStart`, and whatever before it is not read yet; null if that failed. */
  entry(dataStart: number, size: number): Promise<EntryReadBack | null> {
    const reading = this.#queue.then(() => this.#read(dataStart, size));
    this.#queue = reading;
    return reading;
  }

  /** The digest of everything read so far, once the reads asked for are done; null after a failed one. */
  async digestSoFar(): Promise<DigestSoFar | null> {
    await this.#queue;
    return this.#broken ? null : { upTo: this.#upTo, hash: this.#hash.copy() };
  }

  /** Settles when no read is in flight. */
  async settled(): Promise<void> {
    await this.#queue;
  }

  async #read(dataStart: number, size: number): Promise<EntryReadBack | null> {
    if (this.#broken) return null;
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
        return { dataStart, size, crc32: checksum >>> 0, sha256: hash.digest('hex') };
      } finally {
        await handle.close();
      }
    } catch {
      this.#broken = true;
      return null;
    }
  }

  /** Hashes the file on from where it was left up to `end`, handing each chunk to `also`. */
  async #follow(handle: Awaited<ReturnType<typeof open>>, end: number, also: (chunk: Buffer) => void): Promise<void> {
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
