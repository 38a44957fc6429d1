import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { forEachZipEntry } from './read-zip.ts';

/**
 * Extracts the named entries under `destination` in one pass, refusing any name that would
 * land outside it. Returns the names found.
 */
export async function extractEntries(file: string, names: ReadonlySet<string>, destination: string): Promise<Set<string>> {
  const root = path.resolve(destination);
  const found = new Set<string>();
  await forEachZipEntry(file, async (entry, open) => {
    if (!names.has(entry.name)) return;
    const target = path.resolve(root, ...entry.name.split('/'));
    if (!target.startsWith(root + path.sep)) throw new Error(`Refusing to extract "${entry.name}" outside ${root}.`);
    await mkdir(path.dirname(target), { recursive: true });
    await pipeline(await open(), createWriteStream(target, { flags: 'wx' }));
    found.add(entry.name);
  });
  return found;
}

/** One entry's bytes (small entries only, such as manifest.json). */
export async function readEntry(file: string, name: string, maxBytes = 64 * 1024 * 1024): Promise<Buffer | null> {
  let content: Buffer | null = null;
  await forEachZipEntry(file, async (entry, open) => {
    if (entry.name !== name || content !== null) return;
    if (entry.size > maxBytes) throw new Error(`"${name}" is too large to read whole (${entry.size} bytes).`);
    const chunks: Buffer[] = [];
    for await (const chunk of await open()) chunks.push(chunk as Buffer);
    content = Buffer.concat(chunks);
  });
  return content;
}
