import { execFile } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { ManifestSchema, type Manifest } from '../../electron/core/archive/manifest.ts';
import { readEntry } from '../../electron/core/archive/zip/extract-entries.ts';
import { generatedBytes } from '../../electron/core/sample-platform/generated-content.ts';
import type { SnapshotItem } from '../../electron/core/sample-platform/snapshot-schema.ts';

const run = promisify(execFile);

export async function zipsIn(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter((name) => name.endsWith('.zip')).sort().map((name) => path.join(dir, name));
}

export async function manifestOf(zip: string): Promise<Manifest> {
  const bytes = await readEntry(zip, 'manifest.json');
  if (!bytes) throw new Error(`${zip} has no manifest.json`);
  return ManifestSchema.parse(JSON.parse(bytes.toString('utf8')));
}

/** One entry's bytes as Info-ZIP's unzip extracts them. */
export async function unzipEntry(zip: string, entry: string): Promise<Buffer> {
  const escaped = entry.replace(/[[\]*?\\]/g, '\\$&');
  const { stdout } = await run('unzip', ['-p', zip, escaped], { encoding: 'buffer', maxBuffer: 1024 * 1024 * 1024 });
  return stdout;
}

/** The bytes a snapshot item's file has, recomputed from the snapshot. */
export function snapshotFileBytes(item: SnapshotItem): Buffer {
  const content = item.file?.content;
  if (!content) throw new Error(`${item.id} has no file`);
  if (content.kind === 'text') return Buffer.from(content.text, 'utf8');
  if (content.kind === 'base64') return Buffer.from(content.data, 'base64');
  return generatedBytes(content.seed, content.size);
}

/** What must never appear in an archived page. */
export function activeContentIn(html: string): string[] {
  const found: string[] = [];
  if (/<script/i.test(html)) found.push('script');
  if (/<(iframe|object|embed|form|base|meta\s+http-equiv=["']?refresh)/i.test(html)) found.push('active element');
  if (/\son[a-z]+\s*=/i.test(html)) found.push('event handler');
  if (/javascript:/i.test(html)) found.push('javascript: URL');
  if (/<(img|source|video|audio|link)[^>]+(src|href)\s*=\s*["']?(https?:)?\/\//i.test(html)) found.push('remote resource');
  return found;
}
