import { mkdir, rm, writeFile } from 'node:fs/promises';
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
 * 1. Latency-bound crawl: thousands of small pages and files, every answer 20 ms late.
 * TwinArchive lists, fetches, packs and indexes them; wget fetches the same URLs over one
 * connection, wget2 over N; the bound is what N connections could do at best.
 */

const LATENCY_MS = 20;
const SPACES = 20;

interface Sample {
  seconds: number;
  peakRssMb: number | null;
  cpuSeconds: number | null;
  /** Requests the platform answered during the run. */
  requests: number;
  /** Seconds before the first request and after the last one. */
  beforeFirst: number | null;
  afterLast: number | null;
}

export const crawlScenario: Scenario = {
  id: 'crawl',
  title: 'Latency-bound crawl',
  async run(context: BenchContext): Promise<ScenarioResult> {
    const items = context.quick ? 600 : 5000;
    const n = context.concurrency;
    context.log(`Building ${items} small items in ${SPACES} spaces...`);
    const snapshot = buildBenchSnapshot({ seed: 'crawl', vocabulary: context.vocabulary, spaces: SPACES, smallItems: items });
    const platform = await startBenchPlatform(snapshot, LATENCY_MS);
    try {
      const urlsFile = path.join(context.tempDir, 'urls.txt');
      await writeFile(urlsFile, `${itemPaths(snapshot).map((entry) => platform.url + entry).join('\n')}\n`);
      // Generous: wget alone needs items x latency.
      const timeoutMs = Math.max(120_000, items * LATENCY_MS * 4);
      const requestsDuring = async (work: () => Promise<{ seconds: number; peakRssMb: number | null; cpuSeconds: number | null }>): Promise<Sample> => {
        const { value, timeline } = await withRequestTimeline(platform, work);
        return {
          seconds: value.seconds, peakRssMb: value.peakRssMb, cpuSeconds: value.cpuSeconds, requests: timeline.requests, beforeFirst: timeline.firstSeconds,
          afterLast: timeline.lastSeconds === null ? null : value.seconds - timeline.lastSeconds,
        };
      };
      const download = (label: string, program: string | null, extraArgs: readonly string[]): Contender<Sample> => ({
        label,
        skip: program === null ? label : null,
        run: (round) => requestsDuring(async () => {
          const cookie = await signInCookie(platform.url);
          const dir = path.join(context.tempDir, `${label.split(' ')[0] ?? 'peer'}-${round}`);
          await mkdir(dir, { recursive: true });
          try {
            const run = requireSuccess(await runMeasured(program ?? '', [
              '-q', '-i', urlsFile, '--header', `Cookie: ${cookie}`, '-x', '-nH', '-P', dir, ...extraArgs,
            ], { timeoutMs, scratchDir: context.tempDir }), label);
            const fetched = await countFiles(dir);
            if (fetched.files !== items) throw new Error(`${label} fetched ${fetched.files} of ${items} files.`);
            return run;
          } finally {
            await rm(dir, { recursive: true, force: true });
          }
        }),
      });
      const taLabel = `TwinArchive archive --concurrency ${n}`;
      const wgetLabel = 'wget -i (1 connection)';
      const wget2Label = `wget2 -i --max-threads=${n}`;
      const contenders: Contender<Sample>[] = [
        {
          label: taLabel,
          skip: null,
          run: async (round) => {
            await buildCliBundle();
            return requestsDuring(async () => (await runArchiveCli({
              baseUrl: platform.url, workDir: path.join(context.tempDir, `ta-${round}`), concurrency: n, expectItems: items,
              timeoutMs, profileDir: context.profileDir, profileName: 'crawl',
            })).run);
          },
        },
        download(wgetLabel, context.peers.path('wget'), []),
        download(wget2Label, context.peers.path('wget2'), [`--max-threads=${n}`]),
      ];
      const samples = await alternate(contenders, context.rounds, context.log, (sample) => `${sample.seconds.toFixed(2)} s, ${sample.requests} requests`);
      const ta = samples.get(taLabel) ?? [];
      const wget = samples.get(wgetLabel) ?? [];
      const wget2 = samples.get(wget2Label) ?? [];
      const taSeconds = median(ta.map((sample) => sample.seconds));
      const requests = median(ta.map((sample) => sample.requests));
      const bound = requests === null ? null : (requests * LATENCY_MS) / 1000 / n;
      const itemBound = (items * LATENCY_MS) / 1000 / n;
      const seconds = (list: readonly Sample[]) => list.map((sample) => sample.seconds);
      const defined = (list: readonly (number | null)[]) => list.flatMap((value) => (value === null ? [] : [value]));
      const rss = (list: readonly Sample[]) => defined(list.map((sample) => sample.peakRssMb));
      const cpu = (list: readonly Sample[]) => defined(list.map((sample) => sample.cpuSeconds));
      const rows: Row[] = [
        { label: taLabel, unit: 's', samples: seconds(ta) },
        { label: wgetLabel, unit: 's', samples: seconds(wget), versus: taLabel, ...(context.peers.path('wget') ? {} : { note: context.peers.missingNote('wget') }) },
        { label: wget2Label, unit: 's', samples: seconds(wget2), versus: taLabel, ...(context.peers.path('wget2') ? {} : { note: context.peers.missingNote('wget2') }) },
        { label: `bound: requests x ${LATENCY_MS} ms / ${n}`, unit: 's', samples: bound === null ? [] : [bound], versus: taLabel, note: 'speed-up column = share of the bound reached' },
        { label: '  TwinArchive: before its first request', unit: 's', samples: defined(ta.map((sample) => sample.beforeFirst)), note: 'process start, module loading' },
        { label: '  TwinArchive: first request to last answer', unit: 's', samples: ta.flatMap((sample) => (sample.beforeFirst === null || sample.afterLast === null ? [] : [sample.seconds - sample.beforeFirst - sample.afterLast])) },
        { label: '  TwinArchive: after the last answer', unit: 's', samples: defined(ta.map((sample) => sample.afterLast)), note: 'last ZIPs, check, index, exit' },
        { label: 'TwinArchive requests per run', unit: 'requests', samples: ta.map((sample) => sample.requests) },
        { label: 'TwinArchive items/s', unit: 'items/s', samples: ta.map((sample) => items / sample.seconds) },
        { label: 'TwinArchive CPU (user + sys)', unit: 's', samples: cpu(ta) },
        { label: 'wget CPU (user + sys)', unit: 's', samples: cpu(wget) },
        { label: 'wget2 CPU (user + sys)', unit: 's', samples: cpu(wget2) },
        { label: 'TwinArchive peak RSS', unit: 'MB', samples: rss(ta) },
        { label: 'wget2 peak RSS', unit: 'MB', samples: rss(wget2) },
      ];
      const vsWget = ratio(median(seconds(wget)), taSeconds);
      const vsWget2 = ratio(median(seconds(wget2)), taSeconds);
      const ofBound = ratio(bound, taSeconds);
      return {
        id: 'crawl',
        title: `1. Latency-bound crawl: ${items} items in ${SPACES} spaces, ${LATENCY_MS} ms per request, N = ${n}`,
        rows,
        targets: [
          { name: 'crawl >= 5x faster than wget', value: vsWget, op: '>=', threshold: 5, unit: 'x' },
          { name: `crawl >= wget2 at N = ${n}`, value: vsWget2, op: '>=', threshold: 1, unit: 'x' },
          { name: 'crawl >= 70% of the bound', value: ofBound, op: '>=', threshold: 0.7, unit: 'of bound' },
        ],
        figures: {
          crawl_vs_wget: vsWget,
          crawl_vs_wget2: vsWget2,
          crawl_of_bound: ofBound,
          crawl_items: items,
          crawl_concurrency: n,
          crawl_ta_s: taSeconds,
          crawl_wget_s: median(seconds(wget)),
          crawl_wget2_s: median(seconds(wget2)),
          crawl_bound_s: bound,
          crawl_requests: requests,
          crawl_ta_peak_rss_mb: median(rss(ta)),
          crawl_ta_cpu_s: median(cpu(ta)),
          crawl_wget2_cpu_s: median(cpu(wget2)),
        },
        notes: [
          `The bound counts every request the platform answered during a TwinArchive run (sign-in, listings, one per item: median ${requests ?? '-'}), x ${LATENCY_MS} ms / N; items alone would give ${itemBound.toFixed(2)} s.`,
          'TwinArchive times are end to end (new process, sign-in, listing, fetch, ZIP, verify, index); the peers are given the item URLs and a session cookie, and list nothing.',
          'TwinArchive runs as installed from the bundle `npm run build:cli` makes, rebuilt before each of its runs (not timed); while a source file changes under it, the CLI falls back to compiling with tsx.',
        ],
      };
    } finally {
      await platform.close();
    }
  },
};
