import { spawn, type ChildProcess } from 'node:child_process';
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { mkdir, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { BenchContext, Scenario } from '../lib/context.ts';
import { requireSuccess, runMeasured, type MeasuredRun } from '../lib/measure.ts';
import type { Row, ScenarioResult } from '../lib/results.ts';
import { ratio } from '../lib/stats.ts';
import { childEnv, CLI, REPO_ROOT } from '../lib/twinarchive-cli.ts';

/**
 * 6. NSO staff: eligibility of an account that sees 10,000 spaces and 1,000,000 items (quick:
 * 1,000 and 100,000), without downloading content. The account is generated with
 * scripts/make-large-snapshot.ts and served by `twinarchive sample-platform` in a process of its
 * own (it holds the whole snapshot: about 1.4 GB for 1,000,000 items); then `twinarchive scan`,
 * `report --format html` and `report --format csv` run as a person runs them, each in a new
 * process, timed and with their peak RSS. The scan runs at a tenth of the size too: the ratio of
 * the two peaks shows that memory does not grow with the account.
 */

const LOGIN = 'large.teacher';
const PASSWORD = 'large';
const PASSWORD_ENV = 'TWINARCHIVE_BENCH_PASSWORD';
const RSS_TARGET_MB = 300;

interface Size {
  spaces: number;
  items: number;
}

interface Served {
  url: string;
  child: ChildProcess;
  /** The platform's own peak RSS in MB (VmHWM), read before it is stopped. */
  peakRssMb(): number | null;
  stop(): Promise<void>;
}

/** A live process's peak resident set (VmHWM) in MB, or null. */
function peakOf(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const match = /^VmHWM:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match?.[1] === undefined ? null : (Number(match[1]) * 1024) / 1e6;
  } catch {
    return null;
  }
}

/** `twinarchive sample-platform --snapshot FILE --port 0` in a process of its own, until stopped. */
async function servePlatform(snapshot: string, timeoutMs: number): Promise<Served> {
  const child = spawn(process.execPath, ['--max-old-space-size=8192', CLI, 'sample-platform', '--snapshot', snapshot, '--port', '0'], {
    cwd: REPO_ROOT, env: childEnv(), stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => { stderr = (stderr + chunk).slice(-4096); });
  const closed = new Promise<void>((resolve) => child.once('close', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    let stdout = '';
    const timer = setTimeout(() => reject(new Error(`the sample platform did not start within ${timeoutMs / 1000} s`)), timeoutMs);
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      const found = /listening on (\S+)/.exec(stdout);
      if (found?.[1]) {
        clearTimeout(timer);
        resolve(found[1]);
      }
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      reject(new Error(`the sample platform ended (exit ${code ?? '?'}) before listening: ${stderr.trim().split('\n').slice(-3).join(' | ')}`));
    });
  });
  return {
    url,
    child,
    peakRssMb: () => peakOf(child.pid),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await closed;
      clearTimeout(killer);
    },
  };
}

/**
 * Whether bin/twinarchive.js will run the prebuilt bundle (`npm run build:cli`, unchanged since)
 * or compile the TypeScript through tsx, which adds about 55 MB to every process's RSS.
 */
function cliFromBundle(): boolean {
  try {
    const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, 'out', 'cli', 'inputs.json'), 'utf8')) as {
      bundle: string; bundleSize: number; inputs: [string, number, number][];
    };
    if (statSync(path.join(REPO_ROOT, 'out', 'cli', manifest.bundle)).size !== manifest.bundleSize) return false;
    return manifest.inputs.every(([file, size, mtimeMs]) => {
      const now = statSync(path.join(REPO_ROOT, file), { throwIfNoEntry: false });
      return now !== undefined && now.size === size && now.mtimeMs === mtimeMs;
    });
  } catch {
    return false;
  }
}

/** CSV records in a file (CRLF-terminated), counted while streaming it. */
async function csvRecords(file: string): Promise<number> {
  let records = 0;
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) records += 1;
  }
  return records;
}

function scanLine(run: MeasuredRun): string {
  return `${run.seconds.toFixed(1)} s, peak RSS ${run.peakRssMb?.toFixed(0) ?? '?'} MB, CPU ${run.cpuSeconds?.toFixed(1) ?? '?'} s`;
}

interface SizeResult {
  size: Size;
  /** How the measured twinarchive processes ran: 'bundle', 'tsx', or 'mixed' when that changed midway. */
  runtime: string;
  generate: MeasuredRun;
  platformRssMb: number | null;
  scan: MeasuredRun;
  html: MeasuredRun | null;
  csv: MeasuredRun | null;
  htmlBytes: number | null;
  csvBytes: number | null;
}

async function runSize(context: BenchContext, size: Size, withReports: boolean): Promise<SizeResult> {
  const dir = path.join(context.tempDir, `${size.items}`);
  await mkdir(dir, { recursive: true });
  const snapshot = path.join(dir, 'snapshot.json');
  const dataDir = path.join(dir, 'data');
  const options = { cwd: REPO_ROOT, scratchDir: dir };
  const label = `${size.spaces} spaces / ${size.items} items`;
  const runtimes = new Set<string>();
  const runtime = () => (runtimes.size === 1 ? [...runtimes][0] ?? 'tsx' : 'mixed');
  try {
    context.log(`  ${label}: generating the snapshot (not timed as TwinArchive)...`);
    const generate = requireSuccess(await runMeasured(process.execPath, [
      '--import', 'tsx', 'scripts/make-large-snapshot.ts', '--spaces', String(size.spaces), '--items', String(size.items), '--out', snapshot,
    ], { ...options, env: childEnv(), timeoutMs: 1_800_000 }), 'make-large-snapshot');
    context.log(`    ${(await stat(snapshot)).size / 1e6 | 0} MB in ${generate.seconds.toFixed(1)} s; starting the sample platform in its own process...`);
    const platform = await servePlatform(snapshot, 1_800_000);
    let scan: MeasuredRun;
    let platformRssMb: number | null;
    try {
      context.log(`    serving on ${platform.url}; twinarchive scan (${cliFromBundle() ? 'bundle' : 'through tsx'})...`);
      runtimes.add(cliFromBundle() ? 'bundle' : 'tsx');
      scan = requireSuccess(await runMeasured(process.execPath, [
        CLI, 'scan', '--source', platform.url, '--login', LOGIN, '--password-env', PASSWORD_ENV, '--data-dir', dataDir,
        '--concurrency', String(context.concurrency),
      ], { ...options, env: childEnv({ [PASSWORD_ENV]: PASSWORD }), timeoutMs: 7_200_000 }), 'twinarchive scan');
      platformRssMb = platform.peakRssMb();
    } finally {
      await platform.stop();
    }
    await rm(snapshot, { force: true });
    if (!scan.stdout.includes('<- archive these')) throw new Error(`twinarchive scan printed no totals: ${scan.stdout.slice(0, 300)}`);
    context.log(`    scan: ${scanLine(scan)} (${(size.items / scan.seconds).toFixed(0)} items/s); platform peak RSS ${platformRssMb?.toFixed(0) ?? '?'} MB`);
    if (!withReports) return { size, runtime: runtime(), generate, platformRssMb, scan, html: null, csv: null, htmlBytes: null, csvBytes: null };

    const report = async (format: 'html' | 'csv') => {
      const out = path.join(dir, `report.${format}`);
      runtimes.add(cliFromBundle() ? 'bundle' : 'tsx');
      const run = requireSuccess(await runMeasured(process.execPath, [
        CLI, 'report', '--from-library', '--data-dir', dataDir, '--format', format, '--out', out,
      ], { ...options, env: childEnv(), timeoutMs: 3_600_000 }), `twinarchive report --format ${format}`);
      const bytes = (await stat(out)).size;
      context.log(`    report --format ${format}: ${scanLine(run)}, ${(bytes / 1e6).toFixed(1)} MB`);
      return { run, bytes, out };
    };
    const html = await report('html');
    const text = await readFile(html.out, 'utf8');
    if (!text.includes('id="years-heading"') || !text.includes('</html>')) throw new Error('the HTML report lacks its summary or its end');
    await rm(html.out, { force: true });
    const csv = await report('csv');
    const records = await csvRecords(csv.out);
    await rm(csv.out, { force: true });
    if (records !== 1 + size.spaces + size.items) {
      throw new Error(`the CSV report holds ${records - 1} rows; the account has ${size.spaces} spaces and ${size.items} items`);
    }
    return { size, runtime: runtime(), generate, platformRssMb, scan, html: html.run, csv: csv.run, htmlBytes: html.bytes, csvBytes: csv.bytes };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const samples = (value: number | null | undefined): number[] => (value === null || value === undefined ? [] : [value]);

export const nsoScanScenario: Scenario = {
  id: 'nso',
  title: 'NSO scale: scan and report without downloading content',
  async run(context: BenchContext): Promise<ScenarioResult> {
    const main: Size = context.quick ? { spaces: 1_000, items: 100_000 } : { spaces: 10_000, items: 1_000_000 };
    const tenth: Size = { spaces: main.spaces / 10, items: main.items / 10 };
    context.log(`Scanning a generated account of ${tenth.items} and then ${main.items} items over HTTP, then reporting it from the library...`);
    const small = await runSize(context, tenth, false);
    const large = await runSize(context, main, true);
    const rssRatio = ratio(large.scan.peakRssMb, small.scan.peakRssMb);
    const itemsPerSecond = main.items / large.scan.seconds;
    const k = (items: number) => (items >= 1_000_000 ? `${items / 1_000_000}M` : `${items / 1000}k`);
    const rows: Row[] = [
      { label: `scan ${k(main.items)} items, end to end`, unit: 's', samples: [large.scan.seconds], note: `CPU ${large.scan.cpuSeconds?.toFixed(0) ?? '?'} s` },
      { label: `scan ${k(main.items)} items`, unit: 'items/s', samples: [itemsPerSecond] },
      { label: `scan ${k(main.items)} peak RSS`, unit: 'MB', samples: samples(large.scan.peakRssMb) },
      { label: `scan ${k(tenth.items)} peak RSS`, unit: 'MB', samples: samples(small.scan.peakRssMb), note: `${small.scan.seconds.toFixed(1)} s` },
      { label: `peak RSS ${k(main.items)} / ${k(tenth.items)}`, unit: 'x', samples: samples(rssRatio), note: 'about 1: memory does not grow with the account' },
      { label: 'report --format html', unit: 's', samples: samples(large.html?.seconds) },
      { label: 'report --format html peak RSS', unit: 'MB', samples: samples(large.html?.peakRssMb) },
      { label: 'report --format html file', unit: 'MB', samples: samples(large.htmlBytes === null ? null : large.htmlBytes / 1e6) },
      { label: 'report --format csv', unit: 's', samples: samples(large.csv?.seconds) },
      { label: 'report --format csv peak RSS', unit: 'MB', samples: samples(large.csv?.peakRssMb) },
      { label: 'report --format csv file', unit: 'MB', samples: samples(large.csvBytes === null ? null : large.csvBytes / 1e6) },
      { label: 'sample platform peak RSS (its own process)', unit: 'MB', samples: samples(large.platformRssMb) },
    ];
    return {
      id: 'nso',
      title: `6. NSO scale: ${main.spaces} spaces, ${main.items} items: scan into the library, then HTML and CSV reports from it`,
      rows,
      targets: [
        { name: `nso: scan peak RSS < ${RSS_TARGET_MB} MB at ${k(main.items)} items`, value: large.scan.peakRssMb, op: '<=', threshold: RSS_TARGET_MB, unit: 'MB' },
        { name: `nso: scan peak RSS < ${RSS_TARGET_MB} MB at ${k(tenth.items)} items`, value: small.scan.peakRssMb, op: '<=', threshold: RSS_TARGET_MB, unit: 'MB' },
        { name: `nso: report --format html peak RSS < ${RSS_TARGET_MB} MB`, value: large.html?.peakRssMb ?? null, op: '<=', threshold: RSS_TARGET_MB, unit: 'MB' },
      ],
      figures: {
        nso_items: main.items,
        nso_scan_s: large.scan.seconds,
        nso_scan_items_per_s: itemsPerSecond,
        nso_scan_peak_rss_mb: large.scan.peakRssMb,
        nso_scan_tenth_peak_rss_mb: small.scan.peakRssMb,
        nso_scan_rss_ratio: rssRatio,
        nso_report_html_s: large.html?.seconds ?? null,
        nso_report_html_peak_rss_mb: large.html?.peakRssMb ?? null,
        nso_report_html_mb: large.htmlBytes === null ? null : large.htmlBytes / 1e6,
        nso_report_csv_s: large.csv?.seconds ?? null,
        nso_report_csv_peak_rss_mb: large.csv?.peakRssMb ?? null,
        nso_report_csv_mb: large.csvBytes === null ? null : large.csvBytes / 1e6,
        nso_platform_peak_rss_mb: large.platformRssMb,
      },
      notes: [
        `Peak RSS of each twinarchive process (GNU time %M); the sample platform runs in a process of its own and is not counted.`,
        `twinarchive ran from ${small.runtime === large.runtime ? large.runtime : `${small.runtime} (${k(tenth.items)}) and ${large.runtime} (${k(main.items)})`}: `
          + 'through tsx every process carries about 55 MB of compiled TypeScript that the bundle of `npm run build:cli` does not (bin/twinarchive.js uses the bundle only while every source file is unchanged since it was built).',
        `The scan lists every space and item over HTTP (--concurrency ${context.concurrency}), judges them, streams them into the library and merges the run; the platform hashes each generated file the first time it lists it, inside the scan's time.`,
        `Generating the snapshots took ${small.generate.seconds.toFixed(0)} s and ${large.generate.seconds.toFixed(0)} s (not part of any figure).`,
      ],
    };
  },
};
