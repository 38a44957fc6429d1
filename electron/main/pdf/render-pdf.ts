import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { BrowserWindow, session as sessions } from 'electron';
import { denyAllPermissions } from '../deny-permissions.ts';
import { pdfWindowOptions } from '../window-options.ts';
import { isAllowedPdfRequest } from './pdf-requests.ts';

/**
 * Prints an HTML report to an A4 PDF with Chromium. The page goes through a temporary file
 * (a data: URL is capped at 2 MB, and a big report is larger) into a hidden window with
 * JavaScript off, a throwaway session, and every other request refused.
 */
export async function renderPdf(html: string): Promise<Buffer> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'twinarchive-pdf-'));
  const file = path.join(dir, 'report.html');
  const partition = `pdf-${randomUUID()}`;
  const session = sessions.fromPartition(partition);
  let window: BrowserWindow | null = null;
  try {
    await writeFile(file, html, { mode: 0o600 });
    const pageUrl = pathToFileURL(file).href;
    denyAllPermissions(session);
    session.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedPdfRequest(details.url, pageUrl) }));
    window = new BrowserWindow(pdfWindowOptions(partition));
    await window.loadURL(pageUrl);
    return await window.webContents.printToPDF({ pageSize: 'A4', printBackground: true });
  } finally {
    if (window !== null && !window.isDestroyed()) window.destroy();
    await Promise.allSettled([session.clearStorageData(), rm(dir, { recursive: true, force: true })]);
  }
}
