import { randomFillSync } from 'node:crypto';
import { mkdir, open, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { alternate, type Contender } from '../lib/alternate.ts';
import { logUniform } from '../lib/bench-snapshot.ts';
import type { BenchContext, Scenario } from '../lib/context.ts';
import { htmlDocument } from '../lib/html-text.ts';
import { requireSuccess, runMeasured } from '../lib/measure.ts';
import { createRng } from '../../scripts/demo-snapshot/prng.ts';
import type { Row, ScenarioResult } from '../lib/results.ts';
import { median, ratio } from '../lib/stats.ts';
import { runWorker } from '../lib/workers.ts';

/**
 * 3. Packaging alone, from files on disk: small HTML pages (deflated) and incompressible media
 * (stored) into a ZIP, TwinArchive's writer against `zip -r` / `zip -0 -r` on the same bytes,
 * and the floor of plain zlib on the pages.
 */

const MB = 1e6;
const MEDIA_SIZE = 25 * MB;
const PAGES_PER_FOLDER = 1000;

const PackOutputSchema = z.object({
  seconds: z.number(),
  finishSeconds: z.number(),
  entries: z.number().int(),
  bytesIn: z.number(),
  bytesOut: z.number(),
});

interface Sample {
  seconds: number;
  peakRssMb: number | null;
  /** Of the whole process (Node's start included for the workers). */
  cpuSeconds: number | null;
  finishSeconds?: number;
  bytesOut?: number;
}

async function writePages(context: BenchContext, dir: string, count: number): Promise<number> {
  const rng = createRng('bench:pages');
  let bytes = 0;
  for (let index = 0; index < count; index += 1) {
    const folder = path.join(dir, `space-${String(Math.floor(index / PAGES_PER_FOLDER) + 1).padStart(3, '0')}`);
    if (index % PAGES_PER_FOLDER === 0) await mkdir(folder, { recursive: true });
    const page = htmlDocument(context.vocabulary, rng, logUniform(rng, 2_000, 20_000));
    bytes += Buffer.byteLength(page);
    await writeFile(path.join(folder, `page-${index + 1}.html`), page);
  }
  return bytes;
}

async function writeMedia(dir: string, count: number): Promise<void> {
  await mkdir(dir, { recursive: true });
  const chunk = Buffer.allocUnsafe(1 << 20);
  for (let index = 0; index < count; index += 1) {
    const handle = await open(path.join(dir, `film-${index + 1}.mp4`), 'w');
    try {
      for (let written = 0; written < MEDIA_SIZE; written += chunk.length) {
        randomFillSync(chunk);
        await handle.write(chunk, 0, Math.min(chunk.length, MEDIA_SIZE - written));
      }
    } finally {
      await handle.close();
    }
  }
}

export const packagingScenario: Scenario = {
  id: 'pack',
  title: 'Packaging alone',
  async run(context: BenchContext): Promise<ScenarioResult> {
    const pageCount = context.quick ? 2_000 : 20_000;
    const mediaCount = context.quick ? 4 : 40;
    const pagesDir = path.join(context.tempDir, 'pages');
    const mediaDir = path.join(context.tempDir, 'media');
    context.log(`Writing ${pageCount} HTML pages and ${mediaCount} incompressible files of 25 MB...`);
    const pageBytes = await writePages(context, pagesDir, pageCount);
    await writeMedia(mediaDir, mediaCount);
    const pagesMb = pageBytes / MB;
    const mediaMb = (mediaCount * MEDIA_SIZE) / MB;
    const timeoutMs = 600_000;
    const zip = context.peers.path('zip');
    const sevenZip = context.peers.path('7z');
    const outFile = (label: string, round: number) => path.join(context.tempDir, `${label}-${round}.zip`);

    const worker = (label: string, mode: 'pages' | 'media' | 'zlib', src: string): Contender<Sample> => ({
      label,
      skip: null,
      run: async (round) => {
        const out = outFile(mode, round);
        try {
          const { run, output } = await runWorker('pack-worker', ['--mode', mode, '--src', src, '--out', out], PackOutputSchema, {
            timeoutMs, scratchDir: context.tempDir, profileDir: context.profileDir, profileName: `pack-${mode}`,
          });
          if (output.entries !== (mode === 'media' ? mediaCount : pageCount)) throw new Error(`The ${mode} worker packed ${output.entries} entries.`);
          return { seconds: output.seconds, peakRssMb: run.peakRssMb, cpuSeconds: run.cpuSeconds, finishSeconds: output.finishSeconds, bytesOut: output.bytesOut };
        } finally {
          await rm(out, { force: true });
        }
      },
    });
    const program = (label: string, file: string | null, args: (out: string) => string[], cwd: string): Contender<Sample> => ({
      label,
      skip: file === null ? label : null,
      run: async (round) => {
        const out = outFile(label.replace(/[^a-z0-9]+/gi, '_'), round);
        try {
          const run = requireSuccess(await runMeasured(file ?? '', args(out), { cwd, timeoutMs, scratchDir: context.tempDir }), label);
          return { seconds: run.seconds, peakRssMb: run.peakRssMb, cpuSeconds: run.cpuSeconds };
        } finally {
          await rm(out, { force: true });
        }
      },
    });

    const taPages = 'TwinArchive zip-writer, pages (deflate)';
    const zipPages = 'zip -r (level 6)';
    const sevenPages = '7z a -tzip (info)';
    const floorPages = 'zlib floor: deflateRawSync, sequential';
    context.log('Pages:');
    const pages = await alternate([
      worker(taPages, 'pages', pagesDir),
      program(zipPages, zip, (out) => ['-q', '-r', out, '.'], pagesDir),
      program(sevenPages, sevenZip, (out) => ['a', '-tzip', '-bd', '-bso0', '-bsp0', out, '.'], pagesDir),
      worker(floorPages, 'zlib', pagesDir),
    ], context.rounds, context.log, (sample) => `${sample.seconds.toFixed(2)} s`);

    const taMedia = 'TwinArchive zip-writer, media (store)';
    const zipMedia = 'zip -0 -r';
    const sevenMedia = '7z a -tzip -mx=0 (info)';
    context.log('Media:');
    const media = await alternate([
      worker(taMedia, 'media', mediaDir),
      program(zipMedia, zip, (out) => ['-q', '-0', '-r', out, '.'], mediaDir),
      program(sevenMedia, sevenZip, (out) => ['a', '-tzip', '-mx=0', '-bd', '-bso0', '-bsp0', out, '.'], mediaDir),
    ], context.rounds, context.log, (sample) => `${sample.seconds.toFixed(2)} s`);

    const seconds = (samples: ReadonlyMap<string, Sample[]>, label: string) => (samples.get(label) ?? []).map((sample) => sample.seconds);
    const cpu = (samples: ReadonlyMap<string, Sample[]>, label: string) => (samples.get(label) ?? []).flatMap((sample) => (sample.cpuSeconds === null ? [] : [sample.cpuSeconds]));
    const finish = (samples: ReadonlyMap<string, Sample[]>, label: string) => (samples.get(label) ?? []).flatMap((sample) => (sample.finishSeconds === undefined ? [] : [sample.finishSeconds]));
    const note = (file: string | null, name: 'zip' | '7z') => (file === null ? { note: context.peers.missingNote(name) } : {});
    const smallSpeedUp = ratio(median(seconds(pages, zipPages)), median(seconds(pages, taPages)));
    const mediaSpeedUp = ratio(median(seconds(media, zipMedia)), median(seconds(media, taMedia)));
    const ratioOut = (pages.get(taPages) ?? []).flatMap((sample) => (sample.bytesOut === undefined ? [] : [sample.bytesOut / pageBytes]));
    const rows: Row[] = [
      { label: taPages, unit: 's', samples: seconds(pages, taPages) },
      { label: '  of which finish() (directory + fsync)', unit: 's', samples: finish(pages, taPages) },
      { label: zipPages, unit: 's', samples: seconds(pages, zipPages), versus: taPages, ...note(zip, 'zip') },
      { label: sevenPages, unit: 's', samples: seconds(pages, sevenPages), versus: taPages, ...note(sevenZip, '7z') },
      { label: floorPages, unit: 's', samples: seconds(pages, floorPages), versus: taPages, note: 'speed-up column = share of the floor reached' },
      { label: 'TwinArchive pages throughput', unit: 'MB/s', samples: seconds(pages, taPages).map((value) => pagesMb / value) },
      { label: 'TwinArchive pages CPU (process, user + sys)', unit: 's', samples: cpu(pages, taPages), note: 'Node start included' },
      { label: 'zip -r CPU (user + sys)', unit: 's', samples: cpu(pages, zipPages) },
      { label: 'TwinArchive pages compressed/original', unit: 'x', samples: ratioOut },
      { label: taMedia, unit: 's', samples: seconds(media, taMedia) },
      { label: '  of which finish() (directory + fsync)', unit: 's', samples: finish(media, taMedia) },
      { label: zipMedia, unit: 's', samples: seconds(media, zipMedia), versus: taMedia, ...note(zip, 'zip') },
      { label: sevenMedia, unit: 's', samples: seconds(media, sevenMedia), versus: taMedia, ...note(sevenZip, '7z') },
      { label: 'TwinArchive media throughput', unit: 'MB/s', samples: seconds(media, taMedia).map((value) => mediaMb / value) },
      { label: 'TwinArchive media CPU (process, user + sys)', unit: 's', samples: cpu(media, taMedia), note: 'Node start included' },
      { label: 'zip -0 -r CPU (user + sys)', unit: 's', samples: cpu(media, zipMedia) },
    ];
    return {
      id: 'pack',
      title: `3. Packaging alone: ${pageCount} HTML pages (${pagesMb.toFixed(0)} MB, 2-20 KB) and ${mediaCount} x 25 MB media (${mediaMb.toFixed(0)} MB)`,
      rows,
      targets: [
        { name: 'pack pages no slower than zip -r', value: smallSpeedUp, op: '>=', threshold: 1, unit: 'x' },
        { name: 'pack media (store) >= zip -0', value: mediaSpeedUp, op: '>=', threshold: 1, unit: 'x' },
      ],
      figures: {
        pack_small_vs_zip: smallSpeedUp,
        pack_media_vs_zip0: mediaSpeedUp,
        pack_small_ta_s: median(seconds(pages, taPages)),
        pack_small_zip_s: median(seconds(pages, zipPages)),
        pack_small_zlib_floor_s: median(seconds(pages, floorPages)),
        pack_small_finish_s: median(finish(pages, taPages)),
        pack_media_ta_s: median(seconds(media, taMedia)),
        pack_media_zip0_s: median(seconds(media, zipMedia)),
        pack_media_finish_s: median(finish(media, taMedia)),
      },
      notes: [
        'TwinArchive and the zlib floor are timed inside their process (walk, read, compress, write, finish with fsync), without Node\'s start; zip and 7z as whole processes.',
        'TwinArchive also hashes every entry with SHA-256 (for the manifest); zip computes only CRC-32. zip and 7z do not fsync.',
      ],
    };
  },
};
