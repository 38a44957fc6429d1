/**
 * Packs a folder with TwinArchive's ZIP writer, the way pack-part does, and prints one JSON line:
 *   --mode pages: every file read whole and added with addBuffer (deflate), with as many bytes
 *                 in flight as pack-part allows;
 *   --mode media: every file added with addFile (store), as pack-part adds staged files;
 *   --mode zlib:  the floor, deflateRawSync of every file one after another, no ZIP at all.
 * Only the work is timed (walking the folder and reading the files included), not Node's start.
 */
import { readFile as readFileCallback } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { deflateRawSync } from 'node:zlib';
import { z } from 'zod';
import { READ_AHEAD, readAhead } from '../../electron/core/archive/pack/read-ahead.ts';
import { WRITE_WINDOW, hasRoomFor } from '../../electron/core/archive/pack/write-window.ts';
import { createZipWriter, type WrittenEntry } from '../../electron/core/archive/zip/zip-writer.ts';

const readWhole = promisify(readFileCallback);

const ArgsSchema = z.object({
  mode: z.enum(['pages', 'media', 'zlib']),
  src: z.string().min(1),
  out: z.string().min(1),
});

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name))).sort();
}

async function packWithZipWriter(mode: 'pages' | 'media', src: string, out: string) {
  const started = performance.now();
  const modified = new Date('2024-01-01T00:00:00Z');
  const names = await filesUnder(src);
  const zip = await createZipWriter(out);
  const pending: Promise<WrittenEntry>[] = [];
  let bytesIn = 0;
  const sources = readAhead(names, READ_AHEAD, async (name) => path.join(src, name), async (name, file) => (
    mode === 'pages'
      ? { name, file, data: await readWhole(file), size: 0 }
      : { name, file, data: null, size: (await stat(file)).size }
  ));
  for await (const { name, file, data, size } of sources) {
    if (data) {
      bytesIn += data.length;
      pending.push(zip.addBuffer(name, data, { modified, compress: true }));
    } else {
      bytesIn += size;
      pending.push(zip.addFile(name, file, { modified, compress: false, size }));
    }
    while (!hasRoomFor(zip, pending.length, WRITE_WINDOW)) await pending.shift();
  }
  await Promise.all(pending);
  const finishing = performance.now();
  const { size, entries } = await zip.finish();
  const done = performance.now();
  return { seconds: (done - started) / 1000, finishSeconds: (done - finishing) / 1000, entries, bytesIn, bytesOut: size };
}

async function zlibFloor(src: string) {
  const names = await filesUnder(src);
  // One at a time: 20,000 reads at once would run out of file descriptors.
  const pages: Buffer[] = [];
  for (const name of names) pages.push(await readFile(path.join(src, name)));
  const started = performance.now();
  let bytesOut = 0;
  for (const page of pages) bytesOut += deflateRawSync(page).length;
  const seconds = (performance.now() - started) / 1000;
  return { seconds, finishSeconds: 0, entries: pages.length, bytesIn: pages.reduce((sum, page) => sum + page.length, 0), bytesOut };
}

const { values } = parseArgs({ options: { mode: { type: 'string' }, src: { type: 'string' }, out: { type: 'string' } }, strict: true });
const args = ArgsSchema.parse(values);
const result = args.mode === 'zlib' ? await zlibFloor(args.src) : await packWithZipWriter(args.mode, args.src, args.out);
process.stdout.write(`${JSON.stringify(result)}\n`);
