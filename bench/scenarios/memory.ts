import path from 'node:path';
import { buildCliBundle } from '../../scripts/build/cli-bundle.ts';
import { buildBenchSnapshot } from '../lib/bench-snapshot.ts';
import type { BenchContext, Scenario } from '../lib/context.ts';
import { startBenchPlatform } from '../lib/platform.ts';
import type { ScenarioResult } from '../lib/results.ts';
import { runArchiveCli } from '../lib/twinarchive-cli.ts';

/**
 * 5. Memory: one very large generated file plus tens of thousands of small items in one
 * archive run; the figure is TwinArchive's peak resident set.
 */

const GIB = 1024 ** 3;
const SPACES = 20;

export const memoryScenario: Scenario = {
  id: 'memory',
  title: 'Memory',
  async run(context: BenchContext): Promise<ScenarioResult> {
    const bigSize = context.quick ? GIB / 2 : 4 * GIB;
    const smallItems = context.quick ? 10_000 : 70_000;
    context.log(`Building ${smallItems} small items and hashing one generated file of ${(bigSize / GIB).toFixed(1)} GiB (not timed)...`);
    const snapshot = buildBenchSnapshot({
      seed: 'memory', vocabulary: context.vocabulary, spaces: SPACES, smallItems, pageBytes: { min: 500, max: 4000 },
      media: { count: 1, size: bigSize },
    });
    const platform = await startBenchPlatform(snapshot, 0);
    try {
      context.log('  archiving once...');
      await buildCliBundle();
      const { run, result } = await runArchiveCli({
        baseUrl: platform.url, workDir: path.join(context.tempDir, 'ta'), concurrency: context.concurrency,
        expectItems: smallItems + 1, timeoutMs: 3_600_000, profileDir: context.profileDir, profileName: 'memory',
      });
      const mb = result.bytes / 1e6;
      context.log(`  ${run.seconds.toFixed(1)} s, peak RSS ${run.peakRssMb?.toFixed(0) ?? '?'} MB, ${result.archives.length} archives`);
      return {
        id: 'memory',
        title: `5. Memory: one ${(bigSize / GIB).toFixed(1)} GiB file plus ${smallItems} small items, one archive run`,
        rows: [
          { label: 'TwinArchive peak RSS', unit: 'MB', samples: run.peakRssMb === null ? [] : [run.peakRssMb] },
          { label: 'TwinArchive archive, end to end', unit: 's', samples: [run.seconds] },
          { label: 'TwinArchive throughput (file bytes)', unit: 'MB/s', samples: [mb / run.seconds] },
          { label: 'TwinArchive items/s', unit: 'items/s', samples: [(smallItems + 1) / run.seconds] },
        ],
        targets: [{ name: 'memory: peak RSS < 300 MB', value: run.peakRssMb, op: '<=', threshold: 300, unit: 'MB' }],
        figures: { peak_rss_mb: run.peakRssMb, memory_ta_s: run.seconds, memory_archives: result.archives.length },
        notes: [
          `Peak RSS of the whole twinarchive process (${run.peakRssMb === null ? 'not available' : 'GNU time %M or /proc VmHWM'}); ${result.archives.length} ZIPs written.`,
          'TwinArchive runs as installed from the bundle `npm run build:cli` makes, rebuilt before each of its runs (not timed); while a source file changes under it, the CLI falls back to compiling with tsx.',
        ],
      };
    } finally {
      await platform.close();
    }
  },
};
