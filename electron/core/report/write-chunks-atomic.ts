import { writeThroughTemporary } from '../util/write-file-atomic.ts';

/** Text gathered before each write: few syscalls, little memory. */
const BUFFER_BYTES = 256 * 1024;

export interface WriteChunksOptions {
  signal?: AbortSignal;
}

/**
 * writeFileAtomic for content made piece by piece (a report of 1,000,000 rows): written under a
 * temporary name in the same folder, flushed to the disk, then renamed over `file`. A full disk,
 * an error in the pieces or a cancel removes the temporary file and leaves `file` as it was (or
 * absent); a reader never sees a half-written report. Returns the bytes written.
 */
export async function writeChunksAtomic(
  file: string, chunks: Iterable<string> | AsyncIterable<string>, options: WriteChunksOptions = {},
): Promise<number> {
  options.signal?.throwIfAborted();
  return writeThroughTemporary(file, async (handle) => {
    let bytes = 0;
    let pending: string[] = [];
    let pendingLength = 0;
    const flush = async (): Promise<void> => {
      if (pending.length === 0) return;
      const buffer = Buffer.from(pending.join(''), 'utf8');
      pending = [];
      pendingLength = 0;
      let offset = 0;
      while (offset < buffer.length) {
        const { bytesWritten } = await handle.write(buffer, offset, buffer.length - offset);
        offset += bytesWritten;
      }
      bytes += buffer.length;
      options.signal?.throwIfAborted();
    };
    for await (const chunk of chunks) {
      pending.push(chunk);
      // UTF-16 length: an estimate of the bytes that is never more than three times off.
      pendingLength += chunk.length;
      if (pendingLength >= BUFFER_BYTES) await flush();
    }
    await flush();
    return bytes;
  });
}
