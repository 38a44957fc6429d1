import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { readFile, readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ScanResult } from '../../shared/inventory.ts';
import { createRulesEngine } from '../../shared/rules/rules-engine.ts';
import { scanAccount } from '../../electron/core/inventory/scan-account.ts';
import { createPlatformClient } from '../../electron/core/platform-client/platform-client.ts';
import { escapeHtml } from '../../electron/core/report/escape-html.ts';
import { orderedTotals } from '../../electron/core/report/report-data-scan.ts';
import { loadCurrentRuleSet } from '../../electron/core/rules/load-rule-set.ts';
import { startSamplePlatform, type RunningSamplePlatform } from '../../electron/core/sample-platform/server.ts';
import { SnapshotSchema, type Snapshot } from '../../electron/core/sample-platform/snapshot-schema.ts';
import { REPO_ROOT, runCli, startCli } from '../helpers/cli.ts';
import { readDemoSnapshot } from '../helpers/sample-platform.ts';
import { useTempDirs } from '../helpers/temp-dir.ts';
import { useTmpfs } from '../helpers/tmpfs.ts';

const tempDir = useTempDirs();
const tmpfs = useTmpfs();
const ENV = { TA_PW: 'demo' };
const LOTTE = 'lotte.janssens';
const HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>';

const running: RunningSamplePlatform[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((platform) => platform.close()));
});

/** A sample platform; `port` serves a changed snapshot at the same address, as a rescan sees it. */
async function serve(snapshot: Snapshot, port = 0): Promise<RunningSamplePlatform> {
  const platform = await startSamplePlatform({ snapshot, port, faultSeed: null, latencyMs: 0, expireAfter: null, bandwidth: null });
  running.push(platform);
  return platform;
}

async function stop(platform: RunningSamplePlatform): Promise<void> {
  running.splice(running.indexOf(platform), 1);
  await platform.close();
}

function scanArgs(url: string, dataDir: string, extra: string[] = [], login = LOTTE): string[] {
  return ['scan', '--source', url, '--login', login, '--password-env', 'TA_PW', '--data-dir', dataDir, ...extra];
}

function reportArgs(dataDir: string, format: string, out: string, extra: string[] = []): string[] {
  return ['report', '--from-library', '--data-dir', dataDir, '--format', format, '--out', out, ...extra];
}

async function ok(args: string[], env: NodeJS.ProcessEnv = ENV) {
  const run = await runCli(args, env);
  expect(run.code, `${args.join(' ')}\n${run.stderr}`).toBe(0);
  return run;
}

/** Spaces and items in id order, totals in rule order: the only freedoms a streamed export takes. */
function normalized(scan: ScanResult): string {
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return JSON.stringify({
    ...scan, scannedAt: 'x', spaces: [...scan.spaces].sort(byId), items: [...scan.items].sort(byId), totals: orderedTotals(scan.totals),
  });
}

function csvRows(text: string): string[][] {
  // Enough for these files: no field holds a quote followed by a comma or a line break.
  return text.replace(/^\uFEFF/, '').split('\r\n').filter((line) => line !== '')
    .map((line) => line.slice(1, -1).split('","').map((field) => field.replace(/""/g, '"')));
}

async function leftovers(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter((name) => name.endsWith('.partial'));
}

describe('scan and report from the index', () => {
  it('streams exactly the JSON of the scan held in memory, and ends quietly when the reader closes the pipe', async () => {
    const platform = await serve(await readDemoSnapshot());
    const dataDir = await tempDir();
    const run = await ok(scanArgs(platform.url, dataDir, ['--json']));
    expect(run.stderr).toBe('');
    expect(run.stdout.endsWith('}\n')).toBe(true);
    const streamed = JSON.parse(run.stdout) as ScanResult;

    const ruleSet = loadCurrentRuleSet();
    const client = createPlatformClient({ baseUrl: platform.url, credentials: { kind: 'password', login: LOTTE, password: 'demo' } });
    let memory: ScanResult;
    try {
      memory = await scanAccount({ source: client, sourceUrl: platform.url, rules: createRulesEngine(ruleSet, { margin: 1, euLoginEmail: null }) });
    } finally {
      await client.close();
    }
    // Same keys in the same order, same values: compared as text.
    expect(normalized(streamed)).toBe(normalized(memory));
    expect(run.stdout).toBe(`${JSON.stringify(streamed)}\n`);
    expect(Object.keys(streamed)).toEqual(['format', 'source', 'scannedAt', 'ruleSet', 'settings', 'account', 'spaces', 'items', 'totals']);

    // The JSON report is the same document, indented like JSON.stringify(scan, null, 2).
    const out = path.join(await tempDir(), 'report.json');
    await ok(reportArgs(dataDir, 'json', out));
    const report = await readFile(out, 'utf8');
    expect(report).toBe(`${JSON.stringify(JSON.parse(report), null, 2)}\n`);
    expect({ ...(JSON.parse(report) as ScanResult), scannedAt: 'x' }).toEqual({ ...streamed, scannedAt: 'x' });

    // `twinarchive scan --json | head -c 1000`: the reader goes away after the first block.
    const cli = startCli(scanArgs(platform.url, dataDir, ['--json']), ENV);
    cli.child.stdout?.once('data', () => cli.child.stdout?.destroy());
    const cut = await cli.done;
    expect(cut.code, cut.stderr).toBe(0);
    expect(cut.stderr).toBe('');
  });

  it('shows what changed since the previous scan in scan, the HTML report and the CSV of changes', async () => {
    const first = await readDemoSnapshot();
    const platform = await serve(first);
    const dataDir = await tempDir();
    const before = JSON.parse((await ok(scanArgs(platform.url, dataDir, ['--json']))).stdout) as ScanResult;
    const lostGroup = before.spaces.find((space) => space.kind === 'group' && space.rule === 'G2');
    const removed = before.items.find((item) => item.space !== null && item.space !== lostGroup?.id);
    const home = before.spaces.find((space) => space.kind === 'twinspace');
    if (!lostGroup || !removed || !home) throw new Error('the demo account lacks a lost group, an item or a TwinSpace');

    // Later: new activity inside the migration window, one item gone, one new (with a hostile title).
    const second: Snapshot = structuredClone(first);
    second.spaces.find((space) => space.id === lostGroup.id)?.activity.push('2021-06-15T10:00:00Z');
    second.items = second.items.filter((item) => item.id !== removed.id);
    second.items.push({ id: 'i-new-1', owner: before.account.id, space: home.id, type: 'page', title: HOSTILE, createdAt: '2020-03-01T10:00:00Z', body: '<p>new</p>' });
    const port = platform.port;
    await stop(platform);
    const later = await serve(second, port);

    const text = (await ok(scanArgs(later.url, dataDir))).stdout;
    expect(text).toMatch(/Changes since the scan of \d+ \w+ \d{4}/);
    expect(text).toContain('Groups and TwinSpaces: 0 added, 0 removed, 1 judged otherwise');
    expect(text).toContain('1 went from lost to migrates (new activity in the migration window)');
    expect(text).toMatch(/Items: 1 added \([^)]*\), 1 removed \([^)]*\), [1-9]\d* judged otherwise/);
    expect(text).toMatch(new RegExp(`LOST -> MIGRATES\\s+${lostGroup.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    expect(text).toContain(`--format changes-csv --out changes.csv`);

    const dir = await tempDir();
    await ok(reportArgs(dataDir, 'html', path.join(dir, 'report.html'), ['--source', later.url]));
    const html = await readFile(path.join(dir, 'report.html'), 'utf8');
    expect(html).toContain('id="changes-heading">What changed since the scan of');
    expect(html).toContain('<tr data-record="space"><th scope="row">Groups and TwinSpaces</th><td class="num">0</td><td class="num">0</td><td class="num">1</td></tr>');
    expect(html).toMatch(/<li><span class="badge v-lost">.*?<\/span> → <span class="badge v-migrates">.*?<\/span> 1 group or TwinSpace went from “Lost” to “Migrates”\.<\/li>/);
    const spacesTable = html.slice(html.indexOf('class="changes changes-space"'), html.indexOf('class="changes changes-item"'));
    expect(spacesTable).toContain(`<span dir="auto">${escapeHtml(lostGroup.title)}</span>`);
    expect(html).toContain('data-change="added"><td><span dir="auto">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;</span>');
    expect(html).not.toMatch(/<script|<img/i);

    await ok(reportArgs(dataDir, 'changes-csv', path.join(dir, 'changes.csv')));
    const changes = csvRows(await readFile(path.join(dir, 'changes.csv'), 'utf8'));
    expect(changes[0]).toEqual(['record', 'change', 'id', 'space', 'title', 'verdict_before', 'rule_before', 'verdict_after', 'rule_after', 'size_bytes']);
    expect(changes).toContainEqual(['space', 'verdict', lostGroup.id, '', lostGroup.title, 'lost', 'G2', 'migrates', 'G1', '']);
    expect(changes.find((row) => row[1] === 'added')?.slice(0, 4)).toEqual(['item', 'added', 'i-new-1', home.id]);
    expect(changes.find((row) => row[1] === 'removed')?.slice(0, 3)).toEqual(['item', 'removed', removed.id]);

    await ok(reportArgs(dataDir, 'csv', path.join(dir, 'report.csv')));
    const ids = csvRows(await readFile(path.join(dir, 'report.csv'), 'utf8')).map((row) => row[1]);
    expect(ids).toContain('i-new-1');
    expect(ids).not.toContain(removed.id);
    expect(ids).toHaveLength(1 + before.spaces.length + before.items.length);
  });

  it('reports the last finished scan without the platform, and asks which account when there are several', async () => {
    const platform = await serve(await readDemoSnapshot());
    const dataDir = await tempDir();
    const dir = await tempDir();
    const empty = await runCli(reportArgs(dataDir, 'csv', path.join(dir, 'none.csv')), ENV);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/holds no finished scan: run "twinarchive scan" first/);

    const scan = JSON.parse((await ok(scanArgs(platform.url, dataDir, ['--json']))).stdout) as ScanResult;
    await ok(scanArgs(platform.url, dataDir, [], 'koen.desmet'));
    await stop(platform);

    const ambiguous = await runCli(reportArgs(dataDir, 'csv', path.join(dir, 'r.csv')), ENV);
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr).toContain('holds scans of 2 accounts');
    expect(ambiguous.stderr).toContain(`--account ${scan.account.id}`);

    const run = await ok(reportArgs(dataDir, 'csv', path.join(dir, 'r.csv'), ['--source', platform.url, '--account', scan.account.id]));
    expect(run.stderr).toMatch(new RegExp(`Wrote the CSV report of ${scan.items.length} items \\(.+\\) to `));
    const rows = csvRows(await readFile(path.join(dir, 'r.csv'), 'utf8'));
    expect(rows).toHaveLength(1 + scan.spaces.length + scan.items.length);
    expect(new Set(rows.slice(1).map((row) => row[1]))).toEqual(new Set([...scan.spaces, ...scan.items].map((entry) => entry.id)));

    await ok(reportArgs(dataDir, 'html', path.join(dir, 'r.html'), ['--account', scan.account.id, '--lang', 'nl']));
    const html = await readFile(path.join(dir, 'r.html'), 'utf8');
    expect(html).toContain('<html lang="nl">');
    expect(html).toContain(scan.account.name);
    expect(html).not.toContain('What changed since');

    const mixed = await runCli(reportArgs(dataDir, 'csv', path.join(dir, 'r.csv'), ['--login', LOTTE]), ENV);
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toContain('--from-library reports the last scan in the library without signing in: leave out --login');
  });
});

/** Writes a generated account with scripts/make-large-snapshot.ts, as the benchmark does. */
async function largeSnapshot(spaces: number, items: number): Promise<Snapshot> {
  const file = path.join(await tempDir(), 'large.json');
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/make-large-snapshot.ts', '--spaces', String(spaces), '--items', String(items), '--out', file], {
    cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => { stderr += chunk; });
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  expect(code, stderr).toBe(0);
  return SnapshotSchema.parse(JSON.parse(await readFile(file, 'utf8')));
}

describe('a large account', () => {
  it('makes an HTML report of 300 spaces and 30,000 items that stays small, sums up first and escapes every title', { timeout: 600_000 }, async () => {
    const snapshot = await largeSnapshot(300, 30_000);
    snapshot.spaces.forEach((space, index) => {
      if (index % 10 === 0) space.title = `${HOSTILE} ${space.title}`;
    });
    snapshot.items.forEach((item, index) => {
      if (index % 50 === 0) item.title = `${HOSTILE} ${item.title}`;
    });
    const platform = await serve(snapshot);
    const dataDir = await tempDir();
    const env = { TA_PW: 'large' };
    const text = (await ok(scanArgs(platform.url, dataDir, [], 'large.teacher'), env)).stdout;
    expect(text).toContain('Spaces: the 25 most at risk of 300');
    expect(text).toMatch(/see them all with\n {2}twinarchive report --from-library --source http:\/\/127\.0\.0\.1:\d+ --account u-1 --data-dir \S+ --format csv --out report\.csv/);
    expect(text).toMatch(/By year +items/);
    await stop(platform);

    const out = path.join(await tempDir(), 'report.html');
    const started = performance.now();
    await ok(reportArgs(dataDir, 'html', out), env);
    const seconds = (performance.now() - started) / 1000;
    const html = await readFile(out, 'utf8');
    const bytes = (await stat(out)).size;
    console.info(`300 spaces, 30,000 items: ${(bytes / 1e6).toFixed(2)} MB of HTML in ${seconds.toFixed(1)} s (with the CLI's start)`);
    expect(bytes).toBeLessThan(8_000_000);

    // Summary first: totals, kinds, years, rules; then the timeline, the spaces, the items.
    const order = ['summary-heading', 'totals-heading', 'years-heading', 'rules-heading', 'timeline-heading', 'spaces-heading', 'at-risk-heading']
      .map((id) => html.indexOf(`id="${id}"`));
    expect(order.every((at) => at > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    for (const kind of ['group', 'twinspace', 'personal']) expect(html).toContain(`<tr class="kind-row" data-kind="${kind}">`);
    expect((html.match(/<tr class="year-row">/g) ?? []).length).toBeGreaterThan(5);
    expect(html).toMatch(/<tbody class="rule v-lost"><tr><th scope="row"><span class="rule-id">G3<\/span><\/th><td>Made before 1 July 2018<\/td>/);
    expect(html).toContain('<blockquote lang="nl">');
    expect((html.match(/<article class="space /g) ?? []).length).toBe(300);
    expect(html).toContain('data-rows="60"');

    // Hostile titles are text, never markup.
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toMatch(/<script|<img|<iframe|<[^>]*\son\w+=/i);
    const head = html.slice(0, html.indexOf('</head>'));
    expect(head).toContain('Content-Security-Policy');
  });
});

describe('a report file is whole or absent', () => {
  it.skipIf(!tmpfs.available)('on a full disk: a clear sentence, the old report untouched, no temporary file left', async () => {
    const platform = await serve(await readDemoSnapshot());
    const dataDir = await tempDir();
    await ok(scanArgs(platform.url, dataDir));
    const stick = path.join(await tempDir(), 'usb-stick');
    mkdirSync(stick);
    expect(tmpfs.mount(stick, 1)).toBe(true);
    const out = path.join(stick, 'report.csv');
    writeFileSync(out, 'the report of last week\n');
    // Leave about 40 kB: the CSV of the demo account is about 115 kB.
    writeFileSync(path.join(stick, 'filler'), Buffer.alloc(1024 * 1024 - 40 * 1024 - 4096));
    const full = await runCli(reportArgs(dataDir, 'csv', out), ENV);
    expect(full.code).toBe(1);
    expect(full.stderr).toMatch(/The disk is full/);
    expect(await readFile(out, 'utf8')).toBe('the report of last week\n');
    expect(await leftovers(stick)).toEqual([]);
  });

  it('when the scan fails: the old report stays as it was', async () => {
    const platform = await serve(await readDemoSnapshot());
    const dataDir = await tempDir();
    const dir = await tempDir();
    const out = path.join(dir, 'report.html');
    await writeFile(out, 'the report of last week\n');
    const args = ['report', '--source', platform.url, '--login', LOTTE, '--password-env', 'TA_PW', '--data-dir', dataDir, '--format', 'html', '--out', out];
    const wrong = await runCli(args, { TA_PW: 'not-the-password' });
    expect(wrong.code).toBe(3);
    const port = platform.port;
    await stop(platform);
    const gone = await runCli(args.map((arg) => (arg === platform.url ? `http://127.0.0.1:${port}` : arg)), ENV);
    expect(gone.code).toBe(4);
    expect(await readFile(out, 'utf8')).toBe('the report of last week\n');
    expect(await leftovers(dir)).toEqual([]);
  });
});
