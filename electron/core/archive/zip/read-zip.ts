import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { crc32 } from 'node:zlib';
import yauzl, { type Entry, type ZipFile } from 'yauzl';

export interface ZipEntryInfo {
  name: string;
  size: number;
  compressedSize: number;
  crc32: number;
  method: number;
  utf8: boolean;
}

export interface CheckedEntry extends ZipEntryInfo {
  sha256: string;
  /** Null when the bytes read back match the CRC-32 in the directory. */
  problem: string | null;
}

function openZip(file: string): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true, autoClose: false, strictFileNames: true, validateEntrySizes: true }, (error, zip) => {
      if (error || !zip) reject(error ?? new Error(`Could not open ${file}`));
      else resolve(zip);
    });
  });
}

function openEntryStream(zip: ZipFile, entry: Entry): Promise<Readable> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error || !stream) reject(error ?? new Error(`Could not read ${entry.fileName}`));
      else resolve(stream);
    });
  });
}

function info(entry: Entry): ZipEntryInfo {
  return {
    name: entry.fileName,
    size: entry.uncompressedSize,
    compressedSize: entry.compressedSize,
    crc32: entry.crc32 >>> 0,
    method: entry.compressionMethod,
    utf8: (entry.generalPurposeBitFlag & 0x800) !== 0,
  };
}

/**
 * Visits every entry of a ZIP in directory order with an independent reader (yauzl), so
 * what our writer wrote is checked by code that did not write it.
 */
export async function forEachZipEntry(
  file: string,
  visit: (entry: ZipEntryInfo, open: () => Promise<Readable>) => Promise<void>,
): Promise<void> {
  const zip = await openZip(file);
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('error', reject);
      zip.on('end', () => resolve());
      zip.on('entry', (entry: Entry) => {
        visit(info(entry), () => openEntryStream(zip, entry)).then(() => zip.readEntry(), reject);
      });
      zip.readEntry();
    });
  } finally {
    zip.close();
  }
}

/** Reads every entry back: CRC-32 against the directory, and the SHA-256 of its bytes. */
export async function checkZip(file: string, onEntry?: (entry: CheckedEntry) => void): Promise<CheckedEntry[]> {
  const checked: CheckedEntry[] = [];
  await forEachZipEntry(file, async (entry, open) => {
    const hash = createHash('sha256');
    let checksum = 0;
    let problem: string | null = null;
    try {
      for await (const chunk of await open()) {
        hash.update(chunk as Buffer);
        checksum = crc32(chunk as Buffer, checksum);
      }
      if (checksum >>> 0 !== entry.crc32) problem = `CRC-32 mismatch in "${entry.name}"`;
    } catch (error) {
      problem = `"${entry.name}" cannot be read: ${(error as Error).message}`;
    }
    const result = { ...entry, sha256: hash.digest('hex'), problem };
    checked.push(result);
    onEntry?.(result);
  });
  return checked;
}

/** One entry's bytes as a stream (for `open ITEM`); null when the entry is not there. */
export async function extractEntry(file: string, name: string, write: (stream: Readable) => Promise<void>): Promise<boolean> {
  let found = false;
  await forEachZipEntry(file, async (entry, open) => {
    if (found || entry.name !== name) return;
    found = true;
    await write(await open());
  });
  return found;
}
