import { createHash, type Hash } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { rangeChunks } from './file-chunks.ts';

const BLOCK_BYTES = 1 << 20;
/** Blocks kept: the directory's and the entries' at once, as the reader goes back and forth between them. */
const CACHED_BLOCKS = 8;

/**
 * What yauzl reads a ZIP through: the file in aligned 1 MiB blocks, kept in a small cache, so
 * the many small reads of headers cost no system call each, and large entries stream a block
 * ahead. With `digest`, every block is also hashed in file order as it first passes, which
 * gives the whole file's SHA-256 from the same read that checks its entries.
 */
export class BlockReader extends yauzl.RandomAccessReader {
  readonly size: number;
  readonly #handle: FileHandle;
  readonly #ready = new Map<number, Buffer>();
  readonly #loading = new Map<number, Promise<Buffer>>();
  readonly #hash: Hash | null;
  #hashedBlocks = 0;

  constructor(handle: FileHandle, size: number, options: { digest: boolean }) {
    super();
    this.#handle = handle;
    this.size = size;
    this.#hash = options.digest ? createHash('sha256') : null;
  }

  /** `length` bytes from `position`, without a copy when they lie in one block. */
  async range(position: number, length: number): Promise<Buffer> {
    const end = Math.min(position + length, this.size);
    if (end <= position) return Buffer.alloc(0);
    const first = Math.floor(position / BLOCK_BYTES);
    const last = Math.floor((end - 1) / BLOCK_BYTES);
    if (first === last) return (await this.#block(first)).subarray(position - first * BLOCK_BYTES, end - first * BLOCK_BYTES);
    const parts: Buffer[] = [];
    for (let index = first; index <= last; index += 1) {
      const block = await this.#block(index);
      const from = Math.max(position, index * BLOCK_BYTES) - index * BLOCK_BYTES;
      const to = Math.min(end, (index + 1) * BLOCK_BYTES) - index * BLOCK_BYTES;
      parts.push(block.subarray(from, to));
    }
    return Buffer.concat(parts);
  }

  /** Whether the whole file's SHA-256 is taken from the blocks as they pass. */
  get digesting(): boolean {
    return this.#hash !== null;
  }

  /**
   * The bytes from `start` to `end` straight from the file, past the cache, in two buffers used
   * in turn (see rangeChunks): for a large stored entry, read once and hashed as it goes, with
   * no garbage. They do not pass through the digest: only for a reader that does not digest.
   */
  direct(start: number, end: number): AsyncGenerator<Buffer> {
    if (this.#hash) throw new Error('Internal error: a digesting reader must see every block.');
    return rangeChunks(this.#handle, start, Math.min(end, this.size));
  }

  /** Hashes whatever the entries did not pass through (the directory, mostly) and returns the file's SHA-256. */
  async digest(): Promise<string> {
    if (!this.#hash) throw new Error('This reader was not asked to hash the file.');
    const blocks = Math.ceil(this.size / BLOCK_BYTES);
    while (this.#hashedBlocks < blocks) await this.#block(this.#hashedBlocks);
    return this.#hash.digest('hex');
  }

  override read(buffer: Buffer, offset: number, length: number, position: number, callback: (error: Error | null, bytesRead?: number) => void): void {
    this.range(position, length).then((bytes) => {
      buffer.set(bytes, offset);
      callback(null, bytes.length);
    }, (error: Error) => callback(error));
  }

  override _readStreamForRange(start: number, end: number): Readable {
    const blocks = async function* (reader: BlockReader): AsyncGenerator<Buffer> {
      for (let position = start; position < end;) {
        const index = Math.floor(position / BLOCK_BYTES);
        const next = (index + 1) * BLOCK_BYTES;
        if (next < end) void reader.#block(index + 1).catch(() => undefined);
        const to = Math.min(end, next);
        yield await reader.range(position, to - position);
        position = to;
      }
    };
    return Readable.from(blocks(this), { objectMode: false });
  }

  override close(callback: (error: Error | null) => void): void {
    // The handle belongs to whoever opened it; yauzl only says it is done.
    setImmediate(() => callback(null));
  }

  #block(index: number): Promise<Buffer> {
    const ready = this.#ready.get(index);
    if (ready) {
      this.#ready.delete(index);
      this.#ready.set(index, ready);
      return Promise.resolve(ready);
    }
    let loading = this.#loading.get(index);
    if (!loading) {
      loading = this.#load(index);
      this.#loading.set(index, loading);
      loading.then(() => this.#loading.delete(index), () => this.#loading.delete(index));
    }
    return loading;
  }

  async #load(index: number): Promise<Buffer> {
    const position = index * BLOCK_BYTES;
    const block = Buffer.allocUnsafeSlow(Math.max(0, Math.min(BLOCK_BYTES, this.size - position)));
    let filled = 0;
    while (filled < block.length) {
      const { bytesRead } = await this.#handle.read(block, filled, block.length - filled, position + filled);
      if (bytesRead === 0) throw new Error(`The file ended at ${position + filled} bytes, before its ${this.size}.`);
      filled += bytesRead;
    }
    this.#ready.set(index, block);
    this.#hashInOrder();
    if (this.#ready.size > CACHED_BLOCKS) {
      const oldest = this.#ready.keys().next().value;
      if (oldest !== undefined) this.#ready.delete(oldest);
    }
    return block;
  }

  #hashInOrder(): void {
    if (!this.#hash) return;
    for (let block = this.#ready.get(this.#hashedBlocks); block; block = this.#ready.get(this.#hashedBlocks)) {
      this.#hash.update(block);
      this.#hashedBlocks += 1;
    }
  }
}
