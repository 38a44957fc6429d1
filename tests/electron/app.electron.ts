// The desktop app, started for real: `npm run test:electron` (skipped without the Electron
// binary). Run with node:test, not vitest: it needs the built app and Electron's own process.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { _electron as electron, type ElectronApplication, type Page } from 'playwright-core';
import { CALL_NAMES } from '../../shared/contract.ts';
import { STRINGS } from '../../shared/i18n/strings.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
let app: ElectronApplication;
let window: Page;
let dataDir: string;

before(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'twinarchive-electron-'));
  app = await electron.launch({ args: [root], env: { ...process.env, TWINARCHIVE_DATA_DIR: dataDir } });
  window = await app.firstWindow();
  await window.waitForLoadState('domcontentloaded');
});

after(async () => {
  await app?.close();
  await rm(dataDir, { recursive: true, force: true });
});

test('the UI comes from app://, not file://', () => {
  assert.match(window.url(), /^app:\/\/twinarchive\//);
});

test('the page has no Node and exactly the contract as window.twinarchive', async () => {
  const seen = await window.evaluate(() => ({
    require: typeof (globalThis as { require?: unknown }).require,
    process: typeof (globalThis as { process?: unknown }).process,
    api: Object.keys((globalThis as unknown as { twinarchive: object }).twinarchive).sort(),
  }));
  assert.equal(seen.require, 'undefined');
  assert.equal(seen.process, 'undefined');
  assert.deepEqual(seen.api, [...CALL_NAMES, 'onEvent'].sort());
});

test('a call goes through IPC to the core and back', async () => {
  const info = await window.evaluate(() => (globalThis as unknown as { twinarchive: { 'app.info'(args: object): Promise<{ shell: string; dataDir: string }> } }).twinarchive['app.info']({}));
  assert.equal(info.shell, 'electron');
  assert.equal(path.resolve(info.dataDir), path.resolve(dataDir));
});

test('the Connect screen renders, in English or Dutch as the system is set', async () => {
  const headings = [STRINGS.en.connect.heading, STRINGS.nl.connect.heading];
  const heading = window.getByRole('heading', { level: 1 }).filter({ hasText: new RegExp(headings.join('|')) });
  await heading.first().waitFor({ state: 'visible' });
});

test('window.open and navigation away are refused', async () => {
  const opened = await window.evaluate(() => (globalThis as unknown as { open(url: string): unknown }).open('https://example.org/') === null);
  assert.equal(opened, true);
  assert.equal(app.windows().length, 1);
});
