import type { FileHandle } from 'node:fs/promises';

const DEFAULT_BUFFER_BYTES = 1 << 20;

/**
 * Sequential writes through a fixed buffer, so thousands of small entries cost a few large
 * writes; `patch` rewrites bytes already written, in the buffer or on disk, except below a
 * `seal`: bytes read back while the file is still written must stay what was read.
 */
export class BufferedFile {
  readonly #handle: FileHandle;
  readonly #buffer: Buffer;
  #used = 0;
  #flushed = 0;
  #sealed = 0;

  constructor(handle: FileHandle, bufferBytes = DEFAULT_BUFFER_BYTES) {
    this.#handle = handle;
    this.#buffer = Buffer.allocUnsafe(bufferBytes);
  }

  get position(): number {
    return this.#flushed + this.#used;
  }

  async write(data: Uint8Array): Promise<void> {
    if (data.length >= this.#buffer.length) {
      await this.flush();
      await this.#writeFully(data, this.#flushed);
      this.#flushed += data.length;
      return;
    }
    if (this.#used + data.length > this.#buffer.length) await this.flush();
    this.#buffer.set(data, this.#used);
    this.#used += data.length;
  }

  async flush(): Promise<void> {
    if (this.#used === 0) return;
    await this.#writeFully(this.#buffer.subarray(0, this.#used), this.#flushed);
    this.#flushed += this.#used;
    this.#used = 0;
  }

  /** Flushes, and from then on refuses to patch anything written so far. */
  async seal(): Promise<void> {
    await this.flush();
    this.#sealed = this.#flushed;
  }

  async patch(position: number, bytes: Buffer): Promise<void> {
    if (position < this.#sealed) throw new Error(`Internal error: a patch at byte ${position} would change bytes sealed up to ${this.#sealed}.`);
    const splitAt = Math.max(0, Math.min(bytes.length, this.#flushed - position));
    if (splitAt > 0) await this.#writeFully(bytes.subarray(0, splitAt), position);
    if (splitAt < bytes.length) {
      this.#buffer.set(bytes.subarray(splitAt), position + splitAt - this.#flushed);
    }
  }

  async #writeFully(data: Uint8Array, position: number): Promise<void> {
    let written = 0;
    while (written < data.length) {
      const { bytesWritten } = await this.#handle.write(data, written, data.length - written, position + written);
      written += bytesWritten;
    }
  }
}
