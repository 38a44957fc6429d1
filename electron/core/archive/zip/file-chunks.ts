import { open, type FileHandle } from 'node:fs/promises';

/** Large enough that a chunk bypasses the ZIP's write buffer and costs few system calls. */
export const FILE_CHUNK_BYTES = 1 << 20;

/**
 * A file's bytes in large chunks, the next one read while the caller works on the current
 * one. A chunk stays valid only until the caller asks for the next.
 */
export async function* fileChunks(file: string, chunkBytes = FILE_CHUNK_BYTES): AsyncGenerator<Buffer> {
  const handle = await open(file, 'r');
  try {
    yield* rangeChunks(handle, 0, Number.POSITIVE_INFINITY, chunkBytes);
  } finally {
    await handle.close();
  }
}

/**
 * The bytes from `start` up to `end` (or the end of the file) of an open file, as fileChunks
 * gives them: two buffers, used in turn, so reading a gigabyte leaves no garbage behind.
 */
export async function* rangeChunks(handle: FileHandle, start: number, end: number, chunkBytes = FILE_CHUNK_BYTES): AsyncGenerator<Buffer> {
  let current = Buffer.allocUnsafeSlow(chunkBytes);
  let spare = Buffer.allocUnsafeSlow(chunkBytes);
  let position = start;
  const wanted = () => Math.min(chunkBytes, end - position);
  let next: Promise<Buffer> | null = wanted() > 0 ? fill(handle, current.subarray(0, wanted()), position) : null;
  try {
    while (next) {
      const chunk: Buffer = await next;
      next = null;
      if (chunk.length === 0) return;
      const full = chunk.length === wanted();
      position += chunk.length;
      // A short chunk means the file ended; otherwise the spare buffer, which held the chunk
      // the caller has finished with, takes the next one.
      if (full && wanted() > 0) {
        next = fill(handle, spare.subarray(0, wanted()), position);
        next.catch(() => undefined);
        [current, spare] = [spare, current];
      }
      yield chunk;
    }
  } finally {
    await next?.catch(() => undefined);
  }
}

async function fill(handle: FileHandle, buffer: Buffer, position: number): Promise<Buffer> {
  let filled = 0;
  while (filled < buffer.length) {
    const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, position + filled);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  return buffer.subarray(0, filled);
}
