import { createHash } from 'node:crypto';
import { closeSync, fstatSync, ftruncateSync, openSync, readSync, readdirSync, unlinkSync, writevSync } from 'node:fs';
import path from 'node:path';

const MAGIC = 0x31534154; // "TAS1" read little-endian
/** magic, SHA-256 of the record's key, SHA-256 of its bytes, their length. */
const HEADER_BYTES = 4 + 32 + 32 + 4;
const SEGMENT_NAME = /^staged-(\d+)\.log$/;
/** A new segment is started past this size, so segments whose records are all released can be deleted. */
const DEFAULT_SEGMENT_BYTES = 64 * 1024 * 1024;

interface LogRecord {
  segment: number;
  /** Where the bytes start (after the header). */
  offset: number;
  length: number;
  sha256: string;
}

const hashOf = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest();

/**
 * Staged bodies and small files, appended to a few large files instead of one file each:
 * creating a file costs the file system (and a virus scanner) far more than appending to one
 * that is open, and a job stages tens of thousands of them. Each record carries the SHA-256 of
 * its bytes, checked whenever it is read, so a record a crash left short or damaged is never
 * taken for whole; the torn tail of a segment is cut off when the log is opened again.
 * Records are released once their ZIP is recorded, and a segment goes once all of its have.
 */
export class StagingLog {
  readonly #dir: string;
  readonly #segmentBytes: number;
  readonly #records = new Map<string, LogRecord>();
  readonly #live = new Map<number, number>();
  #current: { segment: number; fd: number; size: number } | null = null;
  #nextSegment = 0;

  constructor(dir: string, segmentBytes = DEFAULT_SEGMENT_BYTES) {
    this.#dir = dir;
    this.#segmentBytes = segmentBytes;
  }

  /** Finds what earlier runs appended (headers only: bytes are checked when read). */
  open(): void {
    this.close();
    this.#records.clear();
    this.#live.clear();
    const segments = readdirSync(this.#dir, { withFileTypes: true })
      .map((entry) => Number(SEGMENT_NAME.exec(entry.name)?.[1] ?? Number.NaN))
      .filter((segment) => !Number.isNaN(segment))
      .sort((a, b) => a - b);
    for (const segment of segments) this.#scan(segment);
    this.#nextSegment = (segments.at(-1) ?? -1) + 1;
  }

  #file(segment: number): string {
    return path.join(this.#dir, `staged-${segment}.log`);
  }

  #scan(segment: number): void {
    const fd = openSync(this.#file(segment), 'r+');
    try {
      const size = fstatSync(fd).size;
      const header = Buffer.alloc(HEADER_BYTES);
      let position = 0;
      while (position + HEADER_BYTES <= size) {
        if (readSync(fd, header, 0, HEADER_BYTES, position) !== HEADER_BYTES || header.readUInt32LE(0) !== MAGIC) break;
        const length = header.readUInt32LE(68);
        if (position + HEADER_BYTES + length > size) break;
        this.#remember(header.toString('hex', 4, 36), { segment, offset: position + HEADER_BYTES, length, sha256: header.toString('hex', 36, 68) });
        position += HEADER_BYTES + length;
      }
      if (position < size) ftruncateSync(fd, position);
    } finally {
      closeSync(fd);
    }
  }

  #remember(keyHash: string, record: LogRecord): void {
    this.#forget(keyHash);
    this.#records.set(keyHash, record);
    this.#live.set(record.segment, (this.#live.get(record.segment) ?? 0) + 1);
  }

  #forget(keyHash: string): void {
    const record = this.#records.get(keyHash);
    if (record === undefined) return;
    this.#records.delete(keyHash);
    const live = (this.#live.get(record.segment) ?? 1) - 1;
    if (live > 0 || record.segment === this.#current?.segment) {
      this.#live.set(record.segment, live);
      return;
    }
    this.#deleteSegment(record.segment);
  }

  /** A segment with nothing left in it that is not being written to. */
  #deleteSegment(segment: number): void {
    this.#live.delete(segment);
    try {
      unlinkSync(this.#file(segment));
    } catch {
      // Already gone, or held open elsewhere on Windows: it goes with the staging folder.
    }
  }

  /** Appends `bytes` under `key` (a record of the same key before it no longer counts). */
  append(key: string, bytes: Uint8Array): void {
    const current = this.#writable();
    const keyHash = hashOf(key);
    const header = Buffer.alloc(HEADER_BYTES);
    header.writeUInt32LE(MAGIC, 0);
    keyHash.copy(header, 4);
    const sha256 = hashOf(bytes);
    sha256.copy(header, 36);
    header.writeUInt32LE(bytes.length, 68);
    try {
      let written = writevSync(current.fd, [header, bytes], current.size);
      // A short write (rare, on some file systems) is finished where it stopped.
      while (written < HEADER_BYTES + bytes.length) {
        const rest = Buffer.concat([header, bytes]).subarray(written);
        written += writevSync(current.fd, [rest], current.size + written);
      }
    } catch (error) {
      // A full disk may have taken part of the record: cut it off, so the next append starts clean.
      try {
        ftruncateSync(current.fd, current.size);
      } catch {
        // The torn tail is cut off when the log is opened again.
      }
      throw error;
    }
    this.#remember(keyHash.toString('hex'), { segment: current.segment, offset: current.size + HEADER_BYTES, length: bytes.length, sha256: sha256.toString('hex') });
    current.size += HEADER_BYTES + bytes.length;
  }

  #writable(): { segment: number; fd: number; size: number } {
    if (this.#current !== null && this.#current.size < this.#segmentBytes) return this.#current;
    this.#closeCurrent();
    const segment = this.#nextSegment++;
    const fd = openSync(this.#file(segment), 'w+');
    this.#current = { segment, fd, size: 0 };
    return this.#current;
  }

  has(key: string): boolean {
    return this.#records.has(hashOf(key).toString('hex'));
  }

  /** The bytes last appended under `key`, or null when there are none or they no longer match their hash (then forgotten). */
  read(key: string): Buffer | null {
    const keyHash = hashOf(key).toString('hex');
    const record = this.#records.get(keyHash);
    if (record === undefined) return null;
    const bytes = Buffer.allocUnsafe(record.length);
    let fd: number | null = null;
    try {
      fd = record.segment === this.#current?.segment ? this.#current.fd : openSync(this.#file(record.segment), 'r');
      let filled = 0;
      while (filled < record.length) {
        const read = readSync(fd, bytes, filled, record.length - filled, record.offset + filled);
        if (read === 0) break;
        filled += read;
      }
      if (filled === record.length && hashOf(bytes).toString('hex') === record.sha256) return bytes;
    } catch {
      // Unreadable: treated as missing, and fetched again.
    } finally {
      if (fd !== null && fd !== this.#current?.fd) closeSync(fd);
    }
    this.#forget(keyHash);
    return null;
  }

  /** The record is no longer needed; its segment is deleted once nothing in it is. */
  release(key: string): void {
    this.#forget(hashOf(key).toString('hex'));
  }

  #closeCurrent(): void {
    const current = this.#current;
    if (current === null) return;
    this.#current = null;
    closeSync(current.fd);
    if ((this.#live.get(current.segment) ?? 0) === 0) this.#deleteSegment(current.segment);
  }

  close(): void {
    const current = this.#current;
    if (current === null) return;
    this.#current = null;
    closeSync(current.fd);
  }
}
