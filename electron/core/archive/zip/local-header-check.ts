import type { Entry, LocalFileHeader } from 'yauzl';

const FLAG_DATA_DESCRIPTOR = 1 << 3;
const ZIP64_EXTRA = 0x0001;
const SIZE_IN_ZIP64 = 0xffff_ffff;

/**
 * Why an entry's local header disagrees with its directory record, or null. Readers that walk
 * the local headers (streaming unzippers) trust them, and our writer patches them after the
 * data: both must say the same.
 */
export function localHeaderProblem(entry: Entry, local: LocalFileHeader): string | null {
  const name = entry.fileName;
  if (!local.fileName.equals(entry.fileNameRaw)) return `the local header of "${name}" names another entry`;
  if (local.compressionMethod !== entry.compressionMethod) return `the local header of "${name}" gives another compression method`;
  if ((local.generalPurposeBitFlag & FLAG_DATA_DESCRIPTOR) !== 0) return null;
  if (local.crc32 >>> 0 !== entry.crc32 >>> 0) return `the local header of "${name}" gives another CRC-32`;
  const sizes = localSizes(local);
  if (sizes === null || sizes.size !== entry.uncompressedSize || sizes.compressedSize !== entry.compressedSize) {
    return `the local header of "${name}" gives other sizes`;
  }
  return null;
}

function localSizes(local: LocalFileHeader): { size: number; compressedSize: number } | null {
  let size = local.uncompressedSize;
  let compressedSize = local.compressedSize;
  if (size !== SIZE_IN_ZIP64 && compressedSize !== SIZE_IN_ZIP64) return { size, compressedSize };
  const zip64 = extraField(local.extraField, ZIP64_EXTRA);
  if (zip64 === null) return null;
  let at = 0;
  if (size === SIZE_IN_ZIP64) {
    if (zip64.length < at + 8) return null;
    size = Number(zip64.readBigUInt64LE(at));
    at += 8;
  }
  if (compressedSize === SIZE_IN_ZIP64) {
    if (zip64.length < at + 8) return null;
    compressedSize = Number(zip64.readBigUInt64LE(at));
  }
  return { size, compressedSize };
}

function extraField(extra: Buffer, id: number): Buffer | null {
  for (let at = 0; at + 4 <= extra.length;) {
    const length = extra.readUInt16LE(at + 2);
    if (extra.readUInt16LE(at) === id) return extra.subarray(at + 4, Math.min(extra.length, at + 4 + length));
    at += 4 + length;
  }
  return null;
}
