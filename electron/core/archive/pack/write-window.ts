import type { ZipWriter } from '../zip/zip-writer.ts';

export interface WriteWindow {
  /** Entries queued and not yet written: each holds a promise and, for buffers, their bytes. */
  entries: number;
  /** Bytes of queued buffers: enough for several batches per compression worker. */
  bytes: number;
}

/** How far packing may run ahead of writing: memory stays flat, every core stays busy. */
export const WRITE_WINDOW: WriteWindow = { entries: 2048, bytes: 4 * 1024 * 1024 };

export function hasRoomFor(zip: Pick<ZipWriter, 'pendingBytes'>, queuedEntries: number, window: WriteWindow): boolean {
  return queuedEntries === 0 || (queuedEntries <= window.entries && zip.pendingBytes <= window.bytes);
}
