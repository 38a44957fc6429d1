// Renders resources/icons/icon.svg to the 512x512 icon.png electron-builder turns into .icns
// and .ico: `npx tsx scripts/build/render-icon.ts` (CHROMIUM_PATH picks the browser).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const icons = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'resources', 'icons');
const svg = await readFile(path.join(icons, 'icon.svg'), 'utf8');
const browser = await chromium.launch({ executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium' });
try {
  const page = await browser.newPage({ viewport: { width: 512, height: 512 }, deviceScaleFactor: 1 });
  await page.setContent(`<!doctype html><body style="margin:0">${svg}</body>`);
  await page.locator('svg').screenshot({ path: path.join(icons, 'icon.png'), omitBackground: true });
} finally {
  await browser.close();
}
