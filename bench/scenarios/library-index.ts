import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { BenchContext, Scenario } from '../lib/context.ts';
import type { Row, ScenarioResult } from '../lib/results.ts';
import { median } from '../lib/stats.ts';
import { runWorker } from '../lib/workers.ts';

/**
 * 4. The library at scale: classify N items with the rules engine, index them in SQLite with
 * full text, then search, summarize and filter by date. Each step in a fresh process.
 */

const MILLION = 1_000_000;

const ClassifySchema = z.object({
  items: z.number().int(),
  seconds: z.number(),
  spacesSeconds: z.number(),
  verdicts: z.record(z.string(), z.number()),
});

const IndexSchema = z.object({
  items: z.number().int(),
  upsertSeconds: z.number(),
  recordSeconds: z.number(),
  indexSeconds: z.number(),
  bodyMb: z.number(),
  dbMb: z.number(),
  queries: z.number().int(),
  commonQueries: z.number().int(),
  hitsPerQuery: z.number(),
  searchP50Ms: z.number(),
  searchP95Ms: z.number(),
  searchMaxMs: z.number(),
  commonP95Ms: z.number().nullable(),
  slowest: z.array(z.object({ word: z.string(), doc: z.number(), ms: z.number() })),
  summaryFirstMs: z.number().nullable(),
  summaryMs: z.number(),
  dateRangeP50Ms: z.number(),
  dateCountP50Ms: z.number(),
  datePlan: z.string(),
});
type IndexOutput = z.infer<typeof IndexSchema>;

export const indexScenario: Scenario = {
  id: 'index',
  title: 'Library at scale',
  async run(context: BenchContext): Promise<ScenarioResult> {
    const items = context.quick ? 100_000 : MILLION;
    const scale = MILLION / items;
    const options = { timeoutMs: 1_800_000, scratchDir: context.tempDir, profileDir: context.profileDir };

    context.log(`Classifying ${items} items, ${context.rounds} fresh processes...`);
    const classify: number[] = [];
    const classifyRss: number[] = [];
    for (let round = 0; round < context.rounds; round += 1) {
      const { run, output } = await runWorker('classify-worker', ['--items', String(items)], ClassifySchema, { ...options, profileName: 'classify' });
      classify.push(output.seconds);
      if (run.peakRssMb !== null) classifyRss.push(run.peakRssMb);
      context.log(`  round ${round + 1}/${context.rounds}  classify: ${output.seconds.toFixed(3)} s (${JSON.stringify(output.verdicts)})`);
    }

    const indexRuns = 1;
    context.log(`Indexing ${items} items with bodies, then 200 searches, summary and date filters, ${indexRuns} fresh process(es)...`);
    const indexed: IndexOutput[] = [];
    const indexRss: number[] = [];
    for (let round = 0; round < indexRuns; round += 1) {
      const dir = path.join(context.tempDir, `library-${round}`);
      await mkdir(dir, { recursive: true });
      try {
        const { run, output } = await runWorker('index-worker', ['--items', String(items), '--dir', dir], IndexSchema, { ...options, profileName: 'index' });
        indexed.push(output);
        if (run.peakRssMb !== null) indexRss.push(run.peakRssMb);
        context.log(`  round ${round + 1}/${indexRuns}  index: ${output.indexSeconds.toFixed(2)} s, search p95 ${output.searchP95Ms.toFixed(2)} ms, summary ${output.summaryMs.toFixed(2)} ms`);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    }

    const pick = (read: (output: IndexOutput) => number | null) => indexed.flatMap((output) => {
      const value = read(output);
      return value === null ? [] : [value];
    });
    const classifySeconds = median(classify);
    const indexSeconds = median(pick((output) => output.indexSeconds));
    const classify1m = classifySeconds === null ? null : classifySeconds * scale;
    const index1m = indexSeconds === null ? null : indexSeconds * scale;
    const searchP95 = median(pick((output) => output.searchP95Ms));
    const summaryMs = median(pick((output) => output.summaryMs));
    const first = indexed[0];
    const rows: Row[] = [
      { label: `classify ${items} items (classify + judge)`, unit: 's', samples: classify },
      { label: '  classify, per 1,000,000 items', unit: 's', samples: classify.map((value) => value * scale) },
      { label: `index ${items} items (upsert + record with bodies)`, unit: 's', samples: pick((output) => output.indexSeconds) },
      { label: '  of which upsertItems (titles into FTS)', unit: 's', samples: pick((output) => output.upsertSeconds) },
      { label: '  of which recordArchive (body texts into FTS)', unit: 's', samples: pick((output) => output.recordSeconds) },
      { label: '  index, per 1,000,000 items', unit: 's', samples: pick((output) => output.indexSeconds * scale) },
      { label: 'search p50 (200 queries)', unit: 'ms', samples: pick((output) => output.searchP50Ms) },
      { label: 'search p95', unit: 'ms', samples: pick((output) => output.searchP95Ms) },
      { label: 'search max', unit: 'ms', samples: pick((output) => output.searchMaxMs) },
      { label: 'search p95, words in >= 10% of items', unit: 'ms', samples: pick((output) => output.commonP95Ms) },
      { label: 'summary() median of 7', unit: 'ms', samples: pick((output) => output.summaryMs) },
      { label: 'summary() first call', unit: 'ms', samples: pick((output) => output.summaryFirstMs) },
      { label: 'date range, first 100 rows p50', unit: 'ms', samples: pick((output) => output.dateRangeP50Ms) },
      { label: 'date range, count(*) p50', unit: 'ms', samples: pick((output) => output.dateCountP50Ms) },
      { label: 'library size on disk', unit: 'MB', samples: pick((output) => output.dbMb) },
      { label: 'classify peak RSS', unit: 'MB', samples: classifyRss },
      { label: 'index peak RSS', unit: 'MB', samples: indexRss },
    ];
    const notes = [
      `Bodies: 70% of the items, 20-150 words (${first ? first.bodyMb.toFixed(0) : '-'} MB of text); titles and texts drawn from a 40,000-word Zipf vocabulary.`,
      `Date range plan: ${first?.datePlan ?? '-'}.`,
      `Search: ${first?.queries ?? '-'} single-word queries through search() (limit 50, last word as a prefix), ${first?.commonQueries ?? '-'} of them words in >= 10% of the items; ${first ? first.hitsPerQuery.toFixed(1) : '-'} hits per query.`,
    ];
    if (first) notes.push(`Slowest searches (word: items containing it, ms): ${first.slowest.map((query) => `"${query.word}": ${query.doc}, ${query.ms}`).join('; ')}.`);
    if (scale !== 1) {
      notes.push(`Quick run: the per-1,000,000 figures multiply the ${items}-item times by ${scale}. That overstates classification (start-up and JIT warm-up weigh more in a short loop) and understates indexing (SQLite insertion grows a little faster than linearly): the full run is the real check.`);
    }
    return {
      id: 'index',
      title: `4. Library: ${items} items classified, indexed with full text, searched`,
      rows,
      targets: [
        { name: 'classify 1,000,000 items < 3 s', value: classify1m, op: '<=', threshold: 3, unit: 's' },
        { name: 'index 1,000,000 items < 30 s', value: index1m, op: '<=', threshold: 30, unit: 's' },
        { name: 'search p95 < 20 ms', value: searchP95, op: '<=', threshold: 20, unit: 'ms' },
        { name: 'summary < 100 ms', value: summaryMs, op: '<=', threshold: 100, unit: 'ms' },
      ],
      figures: {
        classify_1m_s: classify1m,
        index_1m_s: index1m,
        search_p95_ms: searchP95,
        summary_ms: summaryMs,
        index_items: items,
        classify_s: classifySeconds,
        index_s: indexSeconds,
        index_upsert_s: median(pick((output) => output.upsertSeconds)),
        index_record_s: median(pick((output) => output.recordSeconds)),
        search_p50_ms: median(pick((output) => output.searchP50Ms)),
        date_range_p50_ms: median(pick((output) => output.dateRangeP50Ms)),
        date_count_p50_ms: median(pick((output) => output.dateCountP50Ms)),
        index_peak_rss_mb: median(indexRss),
      },
      notes,
    };
  },
};
