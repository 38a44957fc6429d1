import { createHash } from 'node:crypto';
import { rename } from 'node:fs/promises';
import path from 'node:path';
import type { ScannedItem } from '../../../shared/inventory.ts';
import type { PackedPart } from '../archive/pack/pack-part.ts';
import { fileChunks } from '../archive/zip/file-chunks.ts';
import { checkZipAndDigest } from '../archive/zip/read-zip.ts';
import { pathExists } from '../util/path-exists.ts';
import { syncFile } from '../util/sync-file.ts';

export class ArchiveCheckError extends Error {
  override readonly name = 'ArchiveCheckError';
}

/** The SHA-256 of a file, read in two reused buffers (see fileChunks): gigabytes leave no garbage. */
export async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fileChunks(file)) hash.update(chunk);
  return hash.digest('hex');
}

/**
 * Reads a freshly written ZIP back with an independent reader: every entry must be there,
 * agree with its local header, pass its CRC, and hash to what was written; every file must
 * also hash to what the platform announced. Large stored files were read back as they were
 * written (PackedPart.readBack): their bytes are not read twice. Throws with every problem
 * found. Returns the SHA-256 of the whole file, taken from the same read.
 */
export async function verifyPackedPart(file: string, packed: PackedPart, itemsById: ReadonlyMap<string, ScannedItem>): Promise<string> {
  const problems: string[] = [];
  const seen = new Set<string>();
  const platformSha = new Map<string, string>();
  for (const entry of packed.manifest.items) {
    const item = itemsById.get(entry.id);
    if (entry.entries.file && item?.file) platformSha.set(entry.entries.file, item.file.sha256);
  }
  const { entries, sha256 } = await checkZipAndDigest(file, { readBack: await packed.readBack });
  for (const entry of entries) {
    seen.add(entry.name);
    // A large file was not hashed on its way in (its digest is the platform's): this check is its only one.
    const expected = platformSha.get(entry.name);
    const written = packed.entries.get(entry.name);
    if (entry.problem) problems.push(entry.problem);
    else if (!written) problems.push(`unexpected entry "${entry.name}"`);
    else if (expected !== undefined && expected !== entry.sha256) problems.push(`"${entry.name}" differs from the platform's copy`);
    else if (written.sha256 !== entry.sha256) problems.push(`"${entry.name}" reads back different from what was written`);
  }
  for (const name of packed.entries.keys()) if (!seen.has(name)) problems.push(`"${name}" is missing`);
  if (problems.length > 0) {
    throw new ArchiveCheckError(`${path.basename(file)} failed its check (${problems.slice(0, 5).join('; ')}): it was not kept; run the same command again.`);
  }
  return sha256;
}

/**
 * verifyPackedPart while the file is flushed to disk, for a ZIP closed without a flush: both
 * take seconds for a part of gigabytes, and reading it back needs nothing the flush does.
 * Settles only when both are done, so the file is durable before it is kept.
 */
export async function verifyAndSync(file: string, packed: PackedPart, itemsById: ReadonlyMap<string, ScannedItem>): Promise<string> {
  const [verified, synced] = await Promise.allSettled([verifyPackedPart(file, packed, itemsById), syncFile(file)]);
  if (verified.status === 'rejected') throw verified.reason;
  if (synced.status === 'rejected') throw synced.reason;
  return verified.value;
}

/** `name.zip`, or `name (2).zip` … when a file of someone else's already has the name. */
export async function freeArchivePath(outDir: string, fileName: string): Promise<string> {
  const extension = path.extname(fileName);
  const stem = fileName.slice(0, fileName.length - extension.length);
  for (let attempt = 1; ; attempt += 1) {
    const candidate = path.join(outDir, attempt === 1 ? fileName : `${stem} (${attempt})${extension}`);
    if (!(await pathExists(candidate))) return candidate;
  }
}

export async function moveIntoPlace(temporary: string, finalPath: string): Promise<void> {
  await rename(temporary, finalPath);
}
