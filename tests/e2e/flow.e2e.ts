import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScanResult } from '../../shared/inventory.ts';
import { createRulesEngine } from '../../shared/rules/rules-engine.ts';
import { scanAccount } from '../../electron/core/inventory/scan-account.ts';
import { createPlatformClient } from '../../electron/core/platform-client/platform-client.ts';
import { loadCurrentRuleSet } from '../../electron/core/rules/load-rule-set.ts';
import { DEMO_ACCOUNT } from '../../electron/core/sample-platform/demo-account.ts';
import { defaultSnapshotPath, loadSnapshot } from '../../electron/core/sample-platform/load-snapshot.ts';
import { startSamplePlatform } from '../../electron/core/sample-platform/server.ts';
import { zipsIn } from '../helpers/archive-reading.ts';
import { unzipTest } from '../helpers/unzip.ts';
import { launchChromium, screenshot, seriousAccessibilityProblems } from './support/browser.ts';
import { startDevBridge, type RunningBridge } from './support/dev-bridge.ts';

const hasChromium = existsSync(process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium');
if (!hasChromium) console.log('e2e skipped: no Chromium at /usr/bin/chromium (apt-get install chromium)');

/** What the demo teacher's account holds, scanned by the core directly with the app's default settings. */
async function expectedScan(): Promise<ScanResult> {
  const platform = await startSamplePlatform({ snapshot: await loadSnapshot(defaultSnapshotPath()), port: 0 });
  const client = createPlatformClient({ baseUrl: platform.url, credentials: { kind: 'password', login: DEMO_ACCOUNT.login, password: DEMO_ACCOUNT.password } });
  try {
    const ruleSet = loadCurrentRuleSet();
    return await scanAccount({ source: client, sourceUrl: platform.url, rules: createRulesEngine(ruleSet, { margin: ruleSet.margin.default, euLoginEmail: null }) });
  } finally {
    await client.close();
    await platform.close();
  }
}

async function expectAccessible(page: Page, screen: string): Promise<void> {
  expect(await seriousAccessibilityProblems(page), `axe on ${screen}`).toEqual([]);
}

async function goTo(page: Page, name: string, screen: string): Promise<void> {
  await page.getByRole('navigation').getByRole('button', { name, exact: true }).click();
  await page.getByTestId(`screen-${screen}`).waitFor();
}

describe.skipIf(!hasChromium)('the app in a browser, through the dev bridge and the real core', () => {
  let bridge: RunningBridge;
  let browser: Browser;
  let page: Page;
  let expected: ScanResult;
  let destination: string;
  let bulkDestination: string;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    expected = await expectedScan();
    destination = await mkdtemp(path.join(os.tmpdir(), 'twinarchive-e2e-out-'));
    bulkDestination = await mkdtemp(path.join(os.tmpdir(), 'twinarchive-e2e-bulk-'));
    bridge = await startDevBridge();
    browser = await launchChromium();
    // axe-core needs a page of an explicit context.
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB', colorScheme: 'light' });
    page = await context.newPage();
    page.on('console', (message) => {
      // axe-core tries to run inside the archived page's sandboxed frame, which refuses: as it should.
      if (message.type() === 'error' && !message.text().includes("about:srcdoc' because the document's frame is sandboxed")) {
        consoleErrors.push(`${message.text()} @ ${message.location().url}`);
      }
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));
    await page.goto(bridge.url);
  });

  afterAll(async () => {
    await browser?.close();
    await bridge?.stop();
    await rm(destination, { recursive: true, force: true });
    await rm(bulkDestination, { recursive: true, force: true });
  });

  it('connects to the sample platform and shows the right totals', async () => {
    await page.getByTestId('screen-connect').waitFor();
    await screenshot(page, '01-account');
    await expectAccessible(page, 'account');
    await page.getByRole('button', { name: 'Try with the sample platform' }).click();
    const overview = page.locator('[data-testid="screen-overview"][data-state="ready"]');
    await overview.waitFor({ timeout: 120_000 });
    const { lost, uncertain, migrates } = expected.totals.byVerdict;
    await expect.poll(() => overview.textContent()).toContain(`${lost.items} items`);
    const text = (await overview.textContent()) ?? '';
    expect(text).toContain(`${lost.items} items`);
    expect(text).toContain(`will be lost`);
    expect(text).toContain(`${uncertain.items} items`);
    expect(text).toContain(`${migrates.items} items`);
    await screenshot(page, '02-overview');
    await expectAccessible(page, 'overview');
  });

  it('filters the items by verdict and shows why', async () => {
    await goTo(page, 'Items', 'items');
    const screen = page.getByTestId('screen-items');
    await screen.getByRole('checkbox', { name: 'Lost' }).check();
    await expect.poll(() => screen.textContent()).toContain(`${expected.totals.byVerdict.lost.items} items match`);
    await screen.getByRole('row').nth(1).click();
    await expect.poll(async () => (await screen.locator('blockquote[lang="nl"]').count()) > 0).toBe(true);
    await screenshot(page, '03-items');
    await expectAccessible(page, 'items');
  });

  it('archives everything at risk and verifies the archives', async () => {
    await goTo(page, 'Overview', 'overview');
    await page.getByRole('button', { name: 'Archive everything at risk' }).click();
    const screen = page.getByTestId('screen-archive');
    await screen.waitFor();
    await screen.getByLabel('Folder', { exact: true }).fill(destination);
    await screenshot(page, '04-archive-choose');
    await expectAccessible(page, 'archive');
    await screen.getByRole('button', { name: 'Start archiving' }).click();
    await page.locator('[data-testid="screen-archive"][data-job-status="done"]').waitFor({ timeout: 240_000 });
    await screenshot(page, '05-archive-done');
    const zips = await zipsIn(destination);
    const atRiskSpaces = new Set(expected.items.filter((item) => item.verdict !== 'migrates').map((item) => item.space ?? 'personal'));
    expect(zips).toHaveLength(atRiskSpaces.size);
    for (const zip of zips.slice(0, 3)) expect((await unzipTest(zip)).ok).toBe(true);
    await screen.getByRole('button', { name: 'Verify archives' }).click();
    await expect.poll(() => screen.textContent(), { timeout: 120_000 }).toContain(`All ${zips.length} archives are intact`);
    await expectAccessible(page, 'archive done');
  });

  it('searches the library and opens an archived page inertly', async () => {
    await goTo(page, 'Library', 'library');
    const screen = page.getByTestId('screen-library');
    await screen.getByLabel('Search in titles and text').fill('rivier');
    const open = screen.getByRole('button', { name: /^Open / }).first();
    await open.waitFor({ timeout: 30_000 });
    // Before the viewer opens: axe cannot run inside a frame that refuses scripts, and waits forever.
    await expectAccessible(page, 'library');
    await open.click();
    const frame = screen.locator('iframe[title^="Archived page"]');
    await frame.waitFor();
    // An empty sandbox: no scripts, no same-origin, no forms. The page is checked as delivered,
    // since test tools cannot run code inside such a frame either.
    expect(await frame.getAttribute('sandbox')).toBe('');
    const html = (await frame.getAttribute('srcdoc')) ?? '';
    expect(html).toMatch(/<h1[^>]*>/);
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('img-src data:');
    expect(html).not.toMatch(/<img[^>]+src="(?!data:)/);
    await screenshot(page, '06-library');
  });

  it('summarizes the report, lists what one number counts, and saves it as HTML and CSV', async () => {
    await goTo(page, 'Report', 'report');
    const screen = page.getByTestId('screen-report');
    await screen.locator('[data-state="ready"]').waitFor();
    const lost = expected.totals.byVerdict.lost.items;
    await screen.getByRole('button', { name: `Show ${lost.toLocaleString('en-GB')}: Items: Lost` }).click();
    const list = screen.getByTestId('report-drill');
    await expect.poll(() => list.textContent()).toContain(`1 to ${Math.min(25, lost)} of ${lost.toLocaleString('en-GB')}`);
    expect(await list.locator('tbody tr').count()).toBe(Math.min(25, lost));
    expect(await list.locator('tbody .verdict-badge.v-lost').count()).toBe(Math.min(25, lost));
    if (lost > 25) {
      await list.getByRole('button', { name: 'Next page' }).click();
      await expect.poll(() => list.textContent()).toContain(`26 to ${Math.min(50, lost)} of ${lost.toLocaleString('en-GB')}`);
      await list.getByRole('button', { name: 'Previous page' }).click();
      await expect.poll(() => list.textContent()).toContain(`1 to 25 of`);
    }
    await screenshot(page, '07-report');
    await expectAccessible(page, 'report');
    for (const format of ['HTML', 'CSV']) {
      await screen.getByRole('button', { name: `Save as ${format}` }).click();
      await expect.poll(() => screen.textContent(), { timeout: 60_000 }).toMatch(new RegExp(`Saved .* to .*\\.${format.toLowerCase()}\\.`));
    }
    const saved = /to (\/[^\s]+\.csv)\./.exec((await screen.textContent()) ?? '')?.[1];
    expect(saved).toBeDefined();
    const csv = await readFile(saved ?? '', 'utf8');
    expect(csv.split('\r\n').filter((line) => line.startsWith('"item"')).length).toBe(expected.items.length);
  });

  it('archives two sample colleagues in one bulk run', async () => {
    await goTo(page, 'Colleagues', 'bulk');
    const screen = page.getByTestId('screen-bulk');
    await screen.getByLabel('On the sample platform (example accounts, to try this out)').check();
    for (const [login, name] of [['lotte.janssens', 'Lotte Janssens'], ['koen.desmet', 'Koen De Smet']]) {
      await screen.getByLabel('Colleague’s login or e-mail').fill(login ?? '');
      await screen.getByLabel('Colleague’s password').fill(DEMO_ACCOUNT.password);
      await screen.getByRole('button', { name: 'Sign in and add' }).click();
      await screen.getByRole('heading', { name, level: 3 }).waitFor({ timeout: 60_000 });
    }
    await screen.getByLabel('Folder', { exact: true }).fill(bulkDestination);
    await page.evaluate('window.scrollTo(0, 0)');
    await screenshot(page, '10-bulk-colleagues');
    await expectAccessible(page, 'colleagues');
    await screen.getByRole('button', { name: 'Start the run' }).click();
    await page.locator('[data-testid="screen-bulk"][data-bulk-status="finished"]').waitFor({ timeout: 240_000 });
    expect(await screen.locator('tr[data-colleague-status="done"]').count()).toBe(2);
    await screen.getByRole('button', { name: 'Open the run report' }).waitFor();
    for (const folder of ['Lotte Janssens', 'Koen De Smet']) {
      const zips = await zipsIn(path.join(bulkDestination, folder));
      expect(zips.length, folder).toBeGreaterThan(0);
      expect((await unzipTest(zips[0] ?? '')).ok).toBe(true);
    }
    await screenshot(page, '11-bulk-done');
    await expectAccessible(page, 'colleagues done');
  });

  it('switches to Dutch', async () => {
    await goTo(page, 'Settings', 'settings');
    const screen = page.getByTestId('screen-settings');
    await screenshot(page, '08-settings');
    await expectAccessible(page, 'settings');
    await screen.getByLabel('Language').selectOption('nl');
    await screen.getByRole('button', { name: 'Save settings' }).click();
    await page.getByRole('navigation').getByRole('button', { name: 'Instellingen' }).waitFor();
    await goTo(page, 'Overzicht', 'overview');
    await expect.poll(() => page.getByTestId('screen-overview').textContent()).toContain('gaan verloren');
    await screenshot(page, '09-overview-nl');
    await expectAccessible(page, 'overview (nl)');
    expect(consoleErrors).toEqual([]);
  });
});
