import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { buildCliBundle } from '../../scripts/build/cli-bundle.ts';
import { alternate, type Contender } from '../lib/alternate.ts';
import { buildBenchSnapshot, itemPaths } from '../lib/bench-snapshot.ts';
import type { BenchContext, Scenario } from '../lib/context.ts';
import { countFiles } from '../lib/files.ts';
import { requireSuccess, runMeasured } from '../lib/measure.ts';
import { signInCookie, startBenchPlatform } from '../lib/platform.ts';
import { withRequestTimeline } from '../lib/request-timeline.ts';
import type { Row, ScenarioResult } from '../lib/results.ts';
import { median, ratio } from '../lib/stats.ts';
import { runArchiveCli } from '../lib/twinarchive-cli.ts';

/**
 * 2. Bulk bytes: a few large generated media files. TwinArchive `archive` against what a careful
 * person would script: `wget -i` then `zip -0 -r` of the downloaded folder, timed together.
 */

const MB = 1e6;

interface Sample {
  seconds: number;
  peakRssMb: number | null;
  cpuSeconds: number | null;
  /** For TwinArchive: seconds before its first request and after the last byte was sent. */
  beforeFirst?: number | null;
  afterLast?: number | null;
  /** For the peer: its two steps. */
  downloadSeconds?: number;
  zipSeconds?: number;
}

export const bulkBytesScenario: Scenario = {
  id: 'bytes',
  title: 'Bulk bytes',
  async run(context: BenchContext): Promise<ScenarioResult> {
    const count = context.quick ? 3 : 10;
    const size = (context.quick ? 50 : 200) * MB;
    const totalMb = (count * size) / MB;
    context.log(`Hashing ${count} generated files of ${size / MB} MB before the platform starts (not timed)...`);
    const snapshot = buildBenchSnapshot({ seed: 'bytes', vocabulary: context.vocabulary, spaces: 0, smallItems: 0, media: { count, size } });
    const platform = await startBenchPlatform(snapshot, 0);
    try {
      const urlsFile = path.join(context.tempDir, 'urls.txt');
      await writeFile(urlsFile, `${itemPaths(snapshot).map((entry) => platform.url + entry).join('\n')}\n`);
      const timeoutMs = Math.max(300_000, totalMb * 500);
      const wget = context.peers.path('wget');
      const zip = context.peers.path('zip');
      const taLabel = 'TwinArchive archive';
      const peerLabel = 'wget -i, then zip -0 -r';
      const contenders: Contender<Sample>[] = [
        {
          label: taLabel,
          skip: null,
          run: async (round) => {
            await buildCliBundle();
            const { value, timeline } = await withRequestTimeline(platform, async () => (await runArchiveCli({
              baseUrl: platform.url, workDir: path.join(context.tempDir, `ta-${round}`), concurrency: context.concurrency,
              expectItems: count, timeoutMs, profileDir: context.profileDir, profileName: 'bytes',
            })).run);
            return {
              seconds: value.seconds, peakRssMb: value.peakRssMb, cpuSeconds: value.cpuSeconds, beforeFirst: timeline.firstSeconds,
              afterLast: timeline.lastSeconds === null ? null : value.seconds - timeline.lastSeconds,
            };
          },
        },
        {
          label: peerLabel,
          skip: wget === null || zip === null ? peerLabel : null,
          run: async (round) => {
            const cookie = await signInCookie(platform.url);
            const work = path.join(context.tempDir, `peer-${round}`);
            const downloads = path.join(work, 'downloads');
            await mkdir(downloads, { recursive: true });
            try {
              const fetched = requireSuccess(await runMeasured(wget ?? '', [
                '-q', '-i', urlsFile, '--header', `Cookie: ${cookie}`, '-x', '-nH', '-P', downloads,
              ], { timeoutMs, scratchDir: work }), 'wget');
              const files = await countFiles(downloads);
              if (files.files !== count || files.bytes !== count * size) throw new Error(`wget fetched ${files.files} files of ${files.bytes} bytes.`);
              const zipped = requireSuccess(await runMeasured(zip ?? '', ['-q', '-0', '-r', path.join(work, 'media.zip'), '.'], {
                cwd: downloads, timeoutMs, scratchDir: work,
              }), 'zip -0');
              if ((await stat(path.join(work, 'media.zip'))).size < count * size) throw new Error('zip -0 wrote a short archive.');
              return {
                seconds: fetched.seconds + zipped.seconds,
                peakRssMb: Math.max(fetched.peakRssMb ?? 0, zipped.peakRssMb ?? 0) || null,
                cpuSeconds: fetched.cpuSeconds === null || zipped.cpuSeconds === null ? null : fetched.cpuSeconds + zipped.cpuSeconds,
                downloadSeconds: fetched.seconds,
                zipSeconds: zipped.seconds,
              };
            } finally {
              await rm(work, { recursive: true, force: true });
            }
          },
        },
      ];
      const samples = await alternate(contenders, context.rounds, context.log, (sample) => `${sample.seconds.toFixed(2)} s (${(totalMb / sample.seconds).toFixed(0)} MB/s)`);
      const ta = samples.get(taLabel) ?? [];
      const peer = samples.get(peerLabel) ?? [];
      const seconds = (list: readonly Sample[]) => list.map((sample) => sample.seconds);
      const defined = (list: readonly (number | null)[]) => list.flatMap((value) => (value === null ? [] : [value]));
      const rss = (list: readonly Sample[]) => list.flatMap((sample) => (sample.peakRssMb === null ? [] : [sample.peakRssMb]));
      const cpu = (list: readonly Sample[]) => list.flatMap((sample) => (sample.cpuSeconds === null ? [] : [sample.cpuSeconds]));
      const speedUp = ratio(median(seconds(peer)), median(seconds(ta)));
      const peerNote = wget === null ? context.peers.missingNote('wget') : zip === null ? context.peers.missingNote('zip') : undefined;
      const rows: Row[] = [
        { label: taLabel, unit: 's', samples: seconds(ta) },
        { label: '  TwinArchive: before its first request', unit: 's', samples: defined(ta.map((sample) => sample.beforeFirst ?? null)), note: 'process start, module loading' },
        { label: '  TwinArchive: after the last byte was sent', unit: 's', samples: defined(ta.map((sample) => sample.afterLast ?? null)), note: 'packing, check, index, exit' },
        { label: peerLabel, unit: 's', samples: seconds(peer), versus: taLabel, ...(peerNote ? { note: peerNote } : {}) },
        { label: '  of which wget -i', unit: 's', samples: peer.flatMap((sample) => (sample.downloadSeconds === undefined ? [] : [sample.downloadSeconds])), versus: taLabel },
        { label: '  of which zip -0 -r', unit: 's', samples: peer.flatMap((sample) => (sample.zipSeconds === undefined ? [] : [sample.zipSeconds])) },
        { label: 'TwinArchive throughput', unit: 'MB/s', samples: ta.map((sample) => totalMb / sample.seconds) },
        { label: 'wget + zip throughput', unit: 'MB/s', samples: peer.map((sample) => totalMb / sample.seconds) },
        { label: 'TwinArchive CPU (user + sys)', unit: 's', samples: cpu(ta) },
        { label: 'wget + zip CPU (user + sys)', unit: 's', samples: cpu(peer) },
        { label: 'TwinArchive peak RSS', unit: 'MB', samples: rss(ta) },
        { label: 'wget / zip peak RSS', unit: 'MB', samples: rss(peer) },
      ];
      return {
        id: 'bytes',
        title: `2. Bulk bytes: ${count} generated media files of ${size / MB} MB (${totalMb} MB), no latency`,
        rows,
        targets: [{ name: 'bulk bytes >= 1.3x download-then-zip', value: speedUp, op: '>=', threshold: 1.3, unit: 'x' }],
        figures: {
          bytes_vs_wget_zip: speedUp,
          bytes_total_mb: totalMb,
          bytes_ta_s: median(seconds(ta)),
          bytes_peer_s: median(seconds(peer)),
          bytes_ta_mb_s: median(ta.map((sample) => totalMb / sample.seconds)),
          bytes_peer_mb_s: median(peer.map((sample) => totalMb / sample.seconds)),
          bytes_ta_peak_rss_mb: median(rss(ta)),
          bytes_ta_cpu_s: median(cpu(ta)),
          bytes_peer_cpu_s: median(cpu(peer)),
        },
        notes: [
          'The "of which wget -i" speed-up is download alone against the whole TwinArchive run: how close TwinArchive comes to just fetching the bytes.',
          'The platform generates file bytes as it serves them (in this process, sharing the 2 cores); every contender pays the same.',
          'TwinArchive runs as installed from the bundle `npm run build:cli` makes, rebuilt before each of its runs (not timed); while a source file changes under it, the CLI falls back to compiling with tsx.',
        ],
      };
    } finally {
      await platform.close();
    }
  },
};
