import { createServer } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import type { ScanResult } from '../../shared/inventory.ts';
import { runCli } from '../helpers/cli.ts';
import { readFixtureSnapshot, useSamplePlatforms } from '../helpers/sample-platform.ts';
import { useTempDirs } from '../helpers/temp-dir.ts';

const startPlatform = useSamplePlatforms();
const tempDir = useTempDirs();
// scan and report keep their runs in the library: this file's own, not the machine's.
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'twinarchive-cli-scan-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
const PASSWORD_ENV = { TA_TEST_PASSWORD: 'demo', TWINARCHIVE_DATA_DIR: dataDir };
const EMAIL = ' An.Peeters@school.example ';

interface Expected {
  items: Record<string, [string, string]>;
  spaces: Record<string, [string, string]>;
}

async function expected(margin: 0 | 1): Promise<Expected> {
  const file = path.join(import.meta.dirname, '..', 'fixtures', `public-cases.expected-margin${margin}.json`);
  return JSON.parse(await readFile(file, 'utf8')) as Expected;
}

function verdictsOf(scan: ScanResult): Expected {
  return {
    items: Object.fromEntries(scan.items.map((item) => [item.id, [item.verdict, item.rule]])),
    spaces: Object.fromEntries(scan.spaces.map((space) => [space.id, [space.verdict, space.rule]])),
  };
}

function scanArgs(url: string, extra: string[] = []): string[] {
  return ['scan', '--source', url, '--login', 'an.peeters', '--password-env', 'TA_TEST_PASSWORD', '--eu-login-email', EMAIL, ...extra];
}

describe('twinarchive scan over HTTP', () => {
  it.each([1, 0] as const)('gives exactly the expected verdicts of the public cases with margin %i', async (margin) => {
    const platform = await startPlatform(await readFixtureSnapshot('public-cases.json'));
    const run = await runCli(scanArgs(platform.url, ['--margin', String(margin), '--json']), PASSWORD_ENV);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const scan = JSON.parse(run.stdout) as ScanResult;
    expect(verdictsOf(scan)).toEqual(await expected(margin));
    const item = scan.items.find((entry) => entry.id === 'i-a3');
    expect(item).toMatchObject({ space: 'g-a', type: 'page', title: 'Summer start', createdAt: '2018-06-30T22:30:00Z' });
    expect(item?.quote).toContain('1 juli 2018');
    expect(item?.reason.nl.length).toBeGreaterThan(20);
    expect(scan.items.filter((entry) => entry.space === null)).toHaveLength(11);
    expect(scan.totals.byVerdict.lost.items + scan.totals.byVerdict.uncertain.items).toBe(scan.totals.atRisk.items);
  });

  it('prints totals per verdict and every space for a person', async () => {
    const platform = await startPlatform(await readFixtureSnapshot('public-cases.json'));
    const run = await runCli(scanArgs(platform.url), PASSWORD_ENV);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Lost\s+2\s+9\s/);
    expect(run.stdout).toMatch(/At risk\s+6\s+17\s/);
    for (const title of ['Climate Action Teachers', 'Our Rivers', 'Lerarenkamer Europa']) expect(run.stdout).toContain(title);
    expect(run.stdout).not.toContain('demo');
  });

  it('shows only the signed-in account\'s spaces and items', async () => {
    const snapshot = await readFixtureSnapshot('public-cases.json');
    snapshot.accounts.push({ id: 'u2', login: 'other', password: 'pw2', name: 'Other', email: 'o@x.example', hasEtwinningAccount: true, hasSegAccount: false });
    snapshot.spaces.push({ id: 'g-other', kind: 'group', title: 'Not mine', createdAt: '2020-01-01T00:00:00Z', members: ['u2'], activity: [] });
    snapshot.items.push(
      { id: 'o-1', owner: 'u2', space: 'g-other', type: 'page', title: 'Other page', createdAt: '2020-01-01T00:00:00Z', body: '<p>x</p>' },
      { id: 'o-2', owner: 'u2', space: null, type: 'photo', title: 'Their photo', createdAt: '2020-01-01T00:00:00Z' },
    );
    const platform = await startPlatform(snapshot);
    const scan = JSON.parse((await runCli(scanArgs(platform.url, ['--json']), PASSWORD_ENV)).stdout) as ScanResult;
    expect(scan.spaces.map((space) => space.id)).not.toContain('g-other');
    expect(scan.items.map((item) => item.id)).not.toContain('o-1');
    expect(scan.items.map((item) => item.id)).not.toContain('o-2');
    expect(verdictsOf(scan)).toEqual(await expected(1));
  });

  it('signs in again when the session expires mid-scan, and survives a fault plan', async () => {
    const snapshot = await readFixtureSnapshot('public-cases.json');
    for (const options of [{ expireAfter: 3 }, { faultSeed: 'scan-faults-1' }, { faultSeed: 'scan-faults-2', expireAfter: 5 }]) {
      const platform = await startPlatform(snapshot, options);
      const run = await runCli(scanArgs(platform.url, ['--json']), PASSWORD_ENV);
      expect(run.code, run.stderr).toBe(0);
      expect(verdictsOf(JSON.parse(run.stdout) as ScanResult)).toEqual(await expected(1));
      if (options.expireAfter) expect(platform.stats().byPath.get('POST /login') ?? 0).toBeGreaterThan(1);
    }
  });

  it('says what to do on a wrong password (exit 3) without printing it', async () => {
    const platform = await startPlatform(await readFixtureSnapshot('public-cases.json'));
    const run = await runCli(scanArgs(platform.url), { ...PASSWORD_ENV, TA_TEST_PASSWORD: 'hunter2-wrong' });
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/did not accept this login and password: check them/);
    expect(run.stderr + run.stdout).not.toContain('hunter2-wrong');
  });

  it('exits 4 for an unreachable platform and for a server that is not one', async () => {
    const unreachable = await runCli(scanArgs('http://127.0.0.1:9'), PASSWORD_ENV);
    expect(unreachable.code).toBe(4);
    expect(unreachable.stderr).toMatch(/Could not reach http:\/\/127\.0\.0\.1:9/);

    const server = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>Welcome to my blog</body></html>');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const run = await runCli(scanArgs(`http://127.0.0.1:${(server.address() as AddressInfo).port}`), PASSWORD_ENV);
      expect(run.code).toBe(4);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
    } finally {
      server.close();
    }
  });

  it('exits 2 on bad usage with one clear sentence', async () => {
    const cases: [string[], RegExp][] = [
      [['scan', '--login', 'x'], /--source is required/],
      [['scan', '--source', 'not a url', '--login', 'x', '--password-env', 'TA_TEST_PASSWORD'], /not a web address/],
      [['scan', '--source', 'http://127.0.0.1:9', '--login', 'x', '--password-env', 'NOT_SET_ANYWHERE'], /NOT_SET_ANYWHERE is empty or not set/],
      [['scan', '--source', 'http://127.0.0.1:9', '--login', 'x', '--password-env', 'TA_TEST_PASSWORD', '--margin', '31'], /--margin must be a whole number from 0 to 30/],
      [['scan', '--password', 'demo'], /Unknown option '--password'/],
      [['frobnicate'], /Unknown command "frobnicate"/],
      [['report', '--source', 'http://127.0.0.1:9', '--login', 'x', '--format', 'pdf', '--out', 'x'], /--format must be one of csv, json, html/],
    ];
    for (const [args, message] of cases) {
      const run = await runCli(args, PASSWORD_ENV);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toMatch(message);
    }
  });
});

describe('twinarchive report', () => {
  it('writes CSV, JSON and a self-contained HTML report of the public cases', async () => {
    const platform = await startPlatform(await readFixtureSnapshot('public-cases.json'));
    const dir = await tempDir();
    for (const format of ['csv', 'json', 'html'] as const) {
      const out = path.join(dir, `report.${format}`);
      const run = await runCli(['report', '--source', platform.url, '--login', 'an.peeters', '--password-env', 'TA_TEST_PASSWORD',
        '--eu-login-email', EMAIL, '--format', format, '--out', out, ...(format === 'html' ? ['--lang', 'nl'] : [])], PASSWORD_ENV);
      expect(run.code, run.stderr).toBe(0);
      const text = await readFile(out, 'utf8');
      if (format === 'json') expect(verdictsOf(JSON.parse(text) as ScanResult)).toEqual(await expected(1));
      if (format === 'csv') {
        expect(text.split('\r\n')[0]).toBe('\ufeff"record","id","kind_or_type","space","title","created_at","verdict","rule","reason_en","reason_nl","quote","size_bytes","last_activity"');
        expect(text).toContain('"i-a3"');
      }
      if (format === 'html') {
        expect(text).toContain('<svg');
        expect(text).toContain('Lerarenkamer Europa');
        expect(text).not.toMatch(/<script/i);
        expect(text).toContain('lang="nl"');
      }
    }
  });
});

describe('scan of the default demo world', () => {
  it('gives every account over HTTP exactly the verdicts of the rules applied to the snapshot itself', async () => {
    const { readDemoSnapshot } = await import('../helpers/sample-platform.ts');
    const { createRulesEngine } = await import('../../shared/rules/rules-engine.ts');
    const { loadCurrentRuleSet } = await import('../../electron/core/rules/load-rule-set.ts');
    const snapshot = await readDemoSnapshot();
    const platform = await startPlatform(snapshot);
    const rules = createRulesEngine(loadCurrentRuleSet(), { margin: 1, euLoginEmail: null });
    for (const account of snapshot.accounts) {
      const run = await runCli(['scan', '--source', platform.url, '--login', account.login, '--password-env', 'TA_TEST_PASSWORD', '--json'], PASSWORD_ENV);
      expect(run.code, run.stderr).toBe(0);
      const scan = JSON.parse(run.stdout) as ScanResult;
      const spaces = snapshot.spaces.filter((space) => space.members.includes(account.id));
      const expectedSpaces = Object.fromEntries(spaces.map((space) => [space.id, rules.classifySpace({
        kind: space.kind,
        migrationRequest: space.migrationRequest,
        activity: space.activity.map((entry) => (typeof entry === 'string' ? { at: entry, kind: 'page' as const } : entry)),
      })]));
      const expectedItems = Object.fromEntries(snapshot.items.flatMap((item) => {
        if (item.space === null) return item.owner === account.id ? [[item.id, rules.classifyPersonalItem(item, account)]] : [];
        const space = spaces.find((candidate) => candidate.id === item.space);
        const classification = space ? expectedSpaces[space.id] : undefined;
        return space && classification ? [[item.id, rules.classifySpaceItem(item, { kind: space.kind, classification })]] : [];
      }));
      const pairs = (record: Record<string, { verdict: string; rule: string }>) =>
        Object.fromEntries(Object.entries(record).map(([id, value]) => [id, [value.verdict, value.rule]]));
      expect(verdictsOf(scan), account.login).toEqual({ items: pairs(expectedItems), spaces: pairs(expectedSpaces) });
    }
  });
});
