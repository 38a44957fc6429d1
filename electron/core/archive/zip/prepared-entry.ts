import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { crc32, deflateRaw, deflateRawSync } from 'node:zlib';

const deflateRawAsync = promisify(deflateRaw);

/** What an entry held in memory needs before it can be written. */
export interface PreparedEntry {
  crc32: number;
  sha256: string;
  /** The deflated bytes, or null to store the entry: not asked for, or not smaller. */
  deflated: Uint8Array | null;
}

export interface BatchEntry {
  data: Uint8Array;
  compress: boolean;
}

export interface PreparedBatch {
  entries: PreparedEntry[];
  /** Every entry of the batch is written: the memory behind their deflated bytes may serve again. */
  release(): void;
}

/** The compression worker's work on the calling thread, for small batches a round trip would only delay. */
export function prepareInline(data: Uint8Array, compress: boolean): PreparedEntry {
  const deflated = compress ? deflateRawSync(data) : null;
  return {
    crc32: crc32(data),
    sha256: createHash('sha256').update(data).digest('hex'),
    deflated: deflated !== null && deflated.length < data.length ? deflated : null,
  };
}

/**
 * A large entry on its own: deflated by zlib on the thread pool straight from the caller's
 * buffer, where a batch would first copy it, and twice over with room for its output.
 */
export async function prepareLarge(data: Uint8Array, compress: boolean): Promise<PreparedEntry> {
  const deflating = compress ? deflateRawAsync(data) : Promise.resolve(null);
  deflating.catch(() => undefined);
  const checksum = crc32(data);
  const sha256 = createHash('sha256').update(data).digest('hex');
  const deflated = await deflating;
  return { crc32: checksum, sha256, deflated: deflated !== null && deflated.length < data.length ? deflated : null };
}
