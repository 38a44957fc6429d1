import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A best-effort cache of the SHA-256 of large generated contents, one small file per
 * (seed, size) holding the hex digest. A missing, unreadable or damaged entry is recomputed.
 */

const HEX_DIGEST = /^[0-9a-f]{64}$/;

/** The folder of the generated-content caches (this one and generated-bytes-cache.ts). */
export function generatedCacheFolder(): string {
  return join(tmpdir(), 'twinarchive-sample-cache');
}

/** The cache files' name for (seed, size) before the extension; the seed is hashed, so any fits. */
export function generatedCacheName(seed: string, size: number): string {
  return createHash('sha256')
    .update(`legacy-platform-snapshot/1 generated\n${seed}\n${size}`)
    .digest('hex');
}

/** Where the digest of (seed, size) is kept. */
export function generatedDigestCachePath(seed: string, size: number): string {
  return join(generatedCacheFolder(), `${generatedCacheName(seed, size)}.sha256`);
}

export async function readCachedDigest(seed: string, size: number): Promise<string | null> {
  try {
    const text = (await readFile(generatedDigestCachePath(seed, size), 'utf8')).trim();
    return HEX_DIGEST.test(text) ? text : null;
  } catch {
    return null;
  }
}

export async function writeCachedDigest(seed: string, size: number, digest: string): Promise<void> {
  const path = generatedDigestCachePath(seed, size);
  const temporary = `${path}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  try {
    await mkdir(generatedCacheFolder(), { recursive: true, mode: 0o700 });
    await writeFile(temporary, `${digest}\n`);
    // Rename is atomic, so a concurrent reader sees either no entry or a whole one.
    await rename(temporary, path);
  } catch {
    // Only a cache: the digest is simply computed again next time.
    await rm(temporary, { force: true }).catch(() => undefined);
  }
}
