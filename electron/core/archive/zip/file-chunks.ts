import { open, type FileHandle } from 'node:fs/promises';

/** Large enough that a chunk bypasses the ZIP's write buffer and costs few system calls. */
export const FILE_CHUNK_BYTES = 1 << 20;

/**
 * A file's bytes in large chunks, the next one read while the caller works on the current
 * one. A chunk stays valid only until the caller asks for the next.
 */
export async function* fileChunks(file: string, chunkBytes = FILE_CHUNK_BYTES): AsyncGenerator<Buffer> {
  const handle = await open(file, 'r');
  let current = Buffer.allocUnsafeSlow(chunkBytes);
  let spare = Buffer.allocUnsafeSlow(chunkBytes);
  let position = 0;
  let next: Promise<Buffer> | null = fill(handle, current, position);
  try {
    while (next) {
      const chunk: Buffer = await next;
      next = null;
      if (chunk.length === 0) return;
      position += chunk.length;
      // A short chunk means the file ended; otherwise the spare buffer, which held the chunk
      // the caller has finished with, takes the next one.
      if (chunk.length === chunkBytes) {
        next = fill(handle, spare, position);
        next.catch(() => undefined);
        [current, spare] = [spare, current];
      }
      yield chunk;
    }
  } finally {
    await next?.catch(() => undefined);
    await handle.close();
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
