/**
 * Byte layouts of the ZIP records we write (APPNOTE.TXT 6.3.10): local file header, central
 * directory header, ZIP64 extra field, ZIP64 end of central directory record and locator,
 * end of central directory record. Everything little-endian.
 */
export const ZIP32_LIMIT = 0xffff_ffff;
export const ENTRY_COUNT_LIMIT = 0xffff;
export const METHOD_STORE = 0;
export const METHOD_DEFLATE = 8;
const FLAG_UTF8 = 1 << 11;
const VERSION_DEFAULT = 20;
const VERSION_ZIP64 = 45;
const MADE_BY_UNIX = (3 << 8) | VERSION_ZIP64;
const REGULAR_FILE_ATTRIBUTES = (0o100644 << 16) >>> 0;

export interface EntryRecord {
  nameBytes: Buffer;
  method: number;
  crc32: number;
  compressedSize: number;
  size: number;
  offset: number;
  modified: Date;
  /** Whether the local header carries a ZIP64 extra field (decided before the data is known). */
  zip64Local: boolean;
}

export function dosDateTime(date: Date): { time: number; date: number } {
  const year = Math.min(Math.max(date.getFullYear(), 1980), 2107);
  return {
    time: (date.getHours() << 11) | (date.getMinutes() << 5) | Math.floor(date.getSeconds() / 2),
    date: ((year - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate(),
  };
}

/** Extended timestamp (0x5455): the modification time in UTC, so unzip restores it exactly. */
function extendedTimestamp(modified: Date): Buffer {
  const field = Buffer.alloc(9);
  field.writeUInt16LE(0x5455, 0);
  field.writeUInt16LE(5, 2);
  field.writeUInt8(1, 4);
  field.writeUInt32LE(Math.max(0, Math.min(Math.floor(modified.getTime() / 1000), ZIP32_LIMIT)), 5);
  return field;
}

function zip64Extra(values: number[]): Buffer {
  const field = Buffer.alloc(4 + 8 * values.length);
  field.writeUInt16LE(0x0001, 0);
  field.writeUInt16LE(8 * values.length, 2);
  values.forEach((value, index) => field.writeBigUInt64LE(BigInt(value), 4 + 8 * index));
  return field;
}

/** Offset of the CRC-32 field inside a local header: patched once streamed data is known. */
export const LOCAL_CRC_OFFSET = 14;

export function localHeader(entry: EntryRecord): Buffer {
  const { time, date } = dosDateTime(entry.modified);
  const extras = [extendedTimestamp(entry.modified)];
  if (entry.zip64Local) extras.unshift(zip64Extra([entry.size, entry.compressedSize]));
  const extra = Buffer.concat(extras);
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(entry.zip64Local ? VERSION_ZIP64 : VERSION_DEFAULT, 4);
  header.writeUInt16LE(FLAG_UTF8, 6);
  header.writeUInt16LE(entry.method, 8);
  header.writeUInt16LE(time, 10);
  header.writeUInt16LE(date, 12);
  header.writeUInt32LE(entry.crc32 >>> 0, 14);
  header.writeUInt32LE(entry.zip64Local ? ZIP32_LIMIT : entry.compressedSize, 18);
  header.writeUInt32LE(entry.zip64Local ? ZIP32_LIMIT : entry.size, 22);
  header.writeUInt16LE(entry.nameBytes.length, 26);
  header.writeUInt16LE(extra.length, 28);
  return Buffer.concat([header, entry.nameBytes, extra]);
}

/** Where, inside a local header, the sizes live that streamed entries fill in afterwards. */
export function localSizeFields(entry: EntryRecord): { position: number; bytes: Buffer }[] {
  if (entry.zip64Local) {
    const sizes = Buffer.alloc(16);
    sizes.writeBigUInt64LE(BigInt(entry.size), 0);
    sizes.writeBigUInt64LE(BigInt(entry.compressedSize), 8);
    return [{ position: 30 + entry.nameBytes.length + 4, bytes: sizes }];
  }
  const sizes = Buffer.alloc(8);
  sizes.writeUInt32LE(entry.compressedSize, 0);
  sizes.writeUInt32LE(entry.size, 4);
  return [{ position: 18, bytes: sizes }];
}

export function centralHeader(entry: EntryRecord): Buffer {
  const { time, date } = dosDateTime(entry.modified);
  const needs64 = {
    size: entry.size >= ZIP32_LIMIT,
    compressed: entry.compressedSize >= ZIP32_LIMIT,
    offset: entry.offset >= ZIP32_LIMIT,
  };
  const values64 = [
    ...(needs64.size ? [entry.size] : []),
    ...(needs64.compressed ? [entry.compressedSize] : []),
    ...(needs64.offset ? [entry.offset] : []),
  ];
  const uses64 = values64.length > 0 || entry.zip64Local;
  const extra = Buffer.concat([
    ...(values64.length > 0 ? [zip64Extra(values64)] : []),
    extendedTimestamp(entry.modified),
  ]);
  const header = Buffer.alloc(46);
  header.writeUInt32LE(0x02014b50, 0);
  header.writeUInt16LE(MADE_BY_UNIX, 4);
  header.writeUInt16LE(uses64 ? VERSION_ZIP64 : VERSION_DEFAULT, 6);
  header.writeUInt16LE(FLAG_UTF8, 8);
  header.writeUInt16LE(entry.method, 10);
  header.writeUInt16LE(time, 12);
  header.writeUInt16LE(date, 14);
  header.writeUInt32LE(entry.crc32 >>> 0, 16);
  header.writeUInt32LE(needs64.compressed ? ZIP32_LIMIT : entry.compressedSize, 20);
  header.writeUInt32LE(needs64.size ? ZIP32_LIMIT : entry.size, 24);
  header.writeUInt16LE(entry.nameBytes.length, 28);
  header.writeUInt16LE(extra.length, 30);
  header.writeUInt16LE(0, 32);
  header.writeUInt16LE(0, 34);
  header.writeUInt16LE(0, 36);
  header.writeUInt32LE(REGULAR_FILE_ATTRIBUTES, 38);
  header.writeUInt32LE(needs64.offset ? ZIP32_LIMIT : entry.offset, 42);
  return Buffer.concat([header, entry.nameBytes, extra]);
}

/** The end records; ZIP64 ones only when a count, size or offset needs them. */
export function endOfCentralDirectory(entryCount: number, directoryOffset: number, directorySize: number): Buffer {
  const needs64 = entryCount >= ENTRY_COUNT_LIMIT || directoryOffset >= ZIP32_LIMIT || directorySize >= ZIP32_LIMIT;
  const records: Buffer[] = [];
  if (needs64) {
    const zip64End = Buffer.alloc(56);
    zip64End.writeUInt32LE(0x06064b50, 0);
    zip64End.writeBigUInt64LE(44n, 4);
    zip64End.writeUInt16LE(MADE_BY_UNIX, 12);
    zip64End.writeUInt16LE(VERSION_ZIP64, 14);
    zip64End.writeUInt32LE(0, 16);
    zip64End.writeUInt32LE(0, 20);
    zip64End.writeBigUInt64LE(BigInt(entryCount), 24);
    zip64End.writeBigUInt64LE(BigInt(entryCount), 32);
    zip64End.writeBigUInt64LE(BigInt(directorySize), 40);
    zip64End.writeBigUInt64LE(BigInt(directoryOffset), 48);
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(0x07064b50, 0);
    locator.writeUInt32LE(0, 4);
    locator.writeBigUInt64LE(BigInt(directoryOffset + directorySize), 8);
    locator.writeUInt32LE(1, 16);
    records.push(zip64End, locator);
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Math.min(entryCount, ENTRY_COUNT_LIMIT), 8);
  end.writeUInt16LE(Math.min(entryCount, ENTRY_COUNT_LIMIT), 10);
  end.writeUInt32LE(Math.min(directorySize, ZIP32_LIMIT), 12);
  end.writeUInt32LE(Math.min(directoryOffset, ZIP32_LIMIT), 16);
  records.push(end);
  return Buffer.concat(records);
}
