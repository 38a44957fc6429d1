/**
 * The benchmark suite: `npm run bench` (about 15 minutes) or `npm run bench -- --quick` (a few).
 * Every scenario runs TwinArchive and its peers in turns on data generated for the run, served
 * by the sample platform on 127.0.0.1; it prints a table per scenario, the targets with
 * pass/fail, and last ONE JSON line with every figure (speed-ups are peer time / TwinArchive
 * time: above 1 is faster).
 *
 *   npm run bench -- [--quick] [--only crawl,bytes,pack,index,memory,nso] [--rounds N]
 *                    [--concurrency N] [--profile DIR] [--no-install] [--keep]
 */
import { mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import type { BenchContext, Scenario } from './lib/context.ts';
import { killRunningChildren, requireSuccess, runMeasured } from './lib/measure.ts';
import { preparePeers } from './lib/peers.ts';
import { targetStatus, type ScenarioResult, type Target } from './lib/results.ts';
import { rounded } from './lib/stats.ts';
import { renderScenario, renderTargets } from './lib/table.ts';
import { createTempRoot } from './lib/temp.ts';
import { childEnv, CLI, REPO_ROOT } from './lib/twinarchive-cli.ts';
import { createVocabulary } from './lib/words.ts';
import { bulkBytesScenario } from './scenarios/bulk-bytes.ts';
import { crawlScenario } from './scenarios/crawl.ts';
import { indexScenario } from './scenarios/library-index.ts';
import { memoryScenario } from './scenarios/memory.ts';
import { nsoScanScenario } from './scenarios/nso-scan.ts';
import { packagingScenario } from './scenarios/packaging.ts';

const SCENARIOS: readonly Scenario[] = [crawlScenario, bulkBytesScenario, packagingScenario, indexScenario, memoryScenario, nsoScanScenario];

/** Keys the JSON line always has (null when not measured), so a script can compare any two runs. */
const REQUIRED_KEYS = [
  'crawl_vs_wget', 'crawl_vs_wget2', 'crawl_of_bound', 'bytes_vs_wget_zip', 'pack_small_vs_zip', 'pack_media_vs_zip0',
  'classify_1m_s', 'index_1m_s', 'search_p95_ms', 'summary_ms', 'peak_rss_mb',
] as const;

const USAGE = 'Usage: npm run bench -- [--quick] [--only crawl,bytes,pack,index,memory,nso] [--rounds N] [--concurrency N] [--profile DIR] [--no-install] [--keep]';

const ArgsSchema = z.object({
  quick: z.boolean(),
  only: z.array(z.enum(SCENARIOS.map((scenario) => scenario.id) as [string, ...string[]])).min(1).nullable(),
  rounds: z.number().int().min(1).max(20).nullable(),
  concurrency: z.number().int().min(1).max(64),
  profile: z.string().min(1).nullable(),
  install: z.boolean(),
  keep: z.boolean(),
});
type Args = z.infer<typeof ArgsSchema>;

const OPTIONS = {
  help: { type: 'boolean', default: false },
  quick: { type: 'boolean', default: false },
  only: { type: 'string' },
  rounds: { type: 'string' },
  concurrency: { type: 'string' },
  profile: { type: 'string' },
  'no-install': { type: 'boolean', default: false },
  keep: { type: 'boolean', default: false },
} as const;

function readOptions(argv: readonly string[]) {
  try {
    return parseArgs({ args: [...argv], options: OPTIONS, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  }
}

function parseCommandLine(argv: readonly string[]): Args | 'help' {
  const values = readOptions(argv);
  if (values.help) return 'help';
  const parsed = ArgsSchema.safeParse({
    quick: values.quick,
    only: values.only === undefined ? null : values.only.split(',').map((id) => id.trim()).filter((id) => id !== ''),
    rounds: values.rounds === undefined ? null : Number(values.rounds),
    concurrency: values.concurrency === undefined ? 8 : Number(values.concurrency),
    profile: values.profile === undefined ? null : path.resolve(values.profile),
    install: !values['no-install'],
    keep: values.keep,
  });
  if (!parsed.success) throw new Error(`${z.prettifyError(parsed.error)}\n${USAGE}`);
  return parsed.data;
}

function log(line: string): void {
  process.stdout.write(`${line}\n`);
}

function failedResult(scenario: Scenario, error: unknown): ScenarioResult {
  const message = error instanceof Error ? error.message : String(error);
  return { id: scenario.id, title: `${scenario.title}: FAILED`, rows: [], targets: [], figures: {}, notes: [`failed: ${message}`] };
}

async function runBench(args: Args): Promise<Record<string, unknown> & { failed: string[] }> {
  const started = performance.now();
  const root = await createTempRoot();
  const interrupt = () => {
    killRunningChildren();
    void root.remove().finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);
  try {
    // The sample platform (in this process) keeps caches of generated files in the temp folder:
    // keep them inside the run's folder, so they go when it does.
    const ownTemp = path.join(root.dir, 'tmp');
    await mkdir(ownTemp, { recursive: true });
    process.env.TMPDIR = ownTemp;
    if (args.profile !== null) await mkdir(args.profile, { recursive: true });

    const [load1] = os.loadavg();
    log(`TwinArchive bench (${args.quick ? 'quick' : 'full'}): node ${process.version}, ${os.cpus().length} cores, load ${load1?.toFixed(2) ?? '?'}, temp ${root.dir}`);
    const peers = await preparePeers(log, { install: args.install });
    // Fills tsx's compile cache, so the first measured run does not pay for it.
    requireSuccess(await runMeasured(process.execPath, [CLI, 'help'], { cwd: REPO_ROOT, env: childEnv(), timeoutMs: 120_000, scratchDir: root.dir }), 'twinarchive help');
    const vocabulary = createVocabulary();

    const results: ScenarioResult[] = [];
    for (const scenario of SCENARIOS) {
      if (args.only !== null && !args.only.includes(scenario.id)) continue;
      const tempDir = path.join(root.dir, scenario.id);
      await mkdir(tempDir, { recursive: true });
      const context: BenchContext = {
        quick: args.quick, rounds: args.rounds ?? 3, concurrency: args.concurrency, tempDir, peers,
        profileDir: args.profile, vocabulary, log,
      };
      log('');
      log(`-- ${scenario.title} (${scenario.id})`);
      const scenarioStarted = performance.now();
      const loadBefore = os.loadavg()[0] ?? 0;
      let result: ScenarioResult;
      try {
        result = await scenario.run(context);
      } catch (error) {
        killRunningChildren();
        result = failedResult(scenario, error);
      }
      result.notes.push(`Load average (1 min) ${loadBefore.toFixed(2)} at the start, ${(os.loadavg()[0] ?? 0).toFixed(2)} at the end, on ${os.cpus().length} cores: other jobs share this machine.`);
      results.push(result);
      log('');
      log(renderScenario(result));
      log(`  (${((performance.now() - scenarioStarted) / 1000).toFixed(0)} s)`);
    }

    const targets: Target[] = results.flatMap((result) => result.targets);
    log('');
    log(renderTargets(targets));
    log('');
    log(`Total ${((performance.now() - started) / 1000).toFixed(0)} s.`);
    const figures: Record<string, number | null> = Object.fromEntries(REQUIRED_KEYS.map((key) => [key, null]));
    for (const result of results) {
      for (const [key, value] of Object.entries(result.figures)) figures[key] = rounded(value);
    }
    const line = {
      bench: 'twinarchive-bench/1',
      mode: args.quick ? 'quick' : 'full',
      at: new Date().toISOString(),
      node: process.version,
      rounds: args.rounds ?? 3,
      concurrency: args.concurrency,
      ...figures,
      targets: Object.fromEntries(targets.map((target) => [target.name, targetStatus(target)])),
      failed: results.filter((result) => result.rows.length === 0).map((result) => result.id),
    };
    return line;
  } finally {
    process.off('SIGINT', interrupt);
    process.off('SIGTERM', interrupt);
    if (args.keep) log(`Kept ${root.dir}.`);
    else await root.remove();
  }
}

async function main(): Promise<number> {
  let args: Args | 'help';
  try {
    args = parseCommandLine(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  if (args === 'help') {
    log(USAGE);
    return 0;
  }
  const line = await runBench(args);
  // Last, after the clean-up: a script reads the final line.
  log(JSON.stringify(line));
  // Targets missed are findings, not errors; a scenario that could not run is one.
  return line.failed.length > 0 ? 1 : 0;
}

process.exitCode = await main();
