import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mediaTypeOf, resolveAppFile } from '../../electron/main/app-files.ts';
import { createAppRequestHandler } from '../../electron/main/app-request-handler.ts';
import { CONTENT_SECURITY_POLICY, uiResponseHeaders } from '../../electron/main/content-security-policy.ts';
import { useTempDirs } from '../helpers/temp-dir.ts';

const root = path.resolve('/srv/out/renderer');

describe('resolveAppFile', () => {
  it('maps app:// paths to files under the UI folder', () => {
    expect(resolveAppFile('app://twinarchive/index.html', root)).toBe(path.join(root, 'index.html'));
    expect(resolveAppFile('app://twinarchive/assets/app-1a2b.js', root)).toBe(path.join(root, 'assets', 'app-1a2b.js'));
    expect(resolveAppFile('app://twinarchive/assets/a%20b.css?v=1#x', root)).toBe(path.join(root, 'assets', 'a b.css'));
  });

  it('serves index.html for the root', () => {
    expect(resolveAppFile('app://twinarchive/', root)).toBe(path.join(root, 'index.html'));
    expect(resolveAppFile('app://twinarchive', root)).toBe(path.join(root, 'index.html'));
  });

  it('refuses every way out of the UI folder', () => {
    for (const url of [
      'app://twinarchive/../main/main.js',
      'app://twinarchive/assets/../../main/main.js',
      'app://twinarchive/%2e%2e/%2e%2e/package.json',
      'app://twinarchive/..%2f..%2fpackage.json',
      'app://twinarchive/assets%2f..%2f..%2fpackage.json',
      'app://twinarchive/..%5c..%5cpackage.json',
      'app://twinarchive/assets\\..\\..\\package.json',
      'app://twinarchive/%00index.html',
      'app://twinarchive/C:%5cWindows%5cwin.ini',
      'app://twinarchive/%E0%A4%A',
    ]) {
      const file = resolveAppFile(url, root);
      if (file !== null) expect(path.relative(root, file).startsWith('..'), url).toBe(false);
    }
    expect(resolveAppFile('app://twinarchive/..%2f..%2fpackage.json', root)).toBeNull();
    expect(resolveAppFile('app://twinarchive/%00index.html', root)).toBeNull();
    expect(resolveAppFile('app://twinarchive/%E0%A4%A', root)).toBeNull();
  });

  it('refuses other hosts, schemes, ports and credentials', () => {
    expect(resolveAppFile('app://other/index.html', root)).toBeNull();
    expect(resolveAppFile('file:///srv/out/renderer/index.html', root)).toBeNull();
    expect(resolveAppFile('app://twinarchive:99/index.html', root)).toBeNull();
    expect(resolveAppFile('app://me:pw@twinarchive/index.html', root)).toBeNull();
    expect(resolveAppFile('::', root)).toBeNull();
  });
});

describe('UI response headers', () => {
  it('put the strict policy on every response', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-src 'self' blob: data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'",
    );
    const headers = uiResponseHeaders('text/html; charset=utf-8');
    expect(headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
    expect(headers['Content-Type']).toBe('text/html; charset=utf-8');
  });

  it('never allows eval or remote scripts', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|https?:|\*/);
    expect(CONTENT_SECURITY_POLICY).toMatch(/script-src 'self';/);
  });

  it('name UI files by extension', () => {
    expect(mediaTypeOf('/x/index.html')).toBe('text/html; charset=utf-8');
    expect(mediaTypeOf('/x/app.JS')).toBe('text/javascript; charset=utf-8');
    expect(mediaTypeOf('/x/icon.svg')).toBe('image/svg+xml');
    expect(mediaTypeOf('/x/font.woff2')).toBe('font/woff2');
    expect(mediaTypeOf('/x/blob')).toBe('application/octet-stream');
  });
});

describe('createAppRequestHandler over a real UI folder', () => {
  const tempDir = useTempDirs();

  async function uiFolder(): Promise<string> {
    const base = await tempDir();
    const ui = path.join(base, 'renderer');
    await mkdir(path.join(ui, 'assets'), { recursive: true });
    await writeFile(path.join(ui, 'index.html'), '<!doctype html><title>TwinArchive</title>');
    await writeFile(path.join(ui, 'assets', 'app.js'), 'console.log(1);');
    await writeFile(path.join(base, 'secret.txt'), 'outside the UI');
    return ui;
  }

  it('serves the UI\'s files with their type and the CSP', async () => {
    const handle = createAppRequestHandler(await uiFolder());
    const page = await handle(new Request('app://twinarchive/index.html'));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>TwinArchive</title>');
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    const script = await handle(new Request('app://twinarchive/assets/app.js'));
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('console.log(1);');
  });

  it('answers 404, with the CSP, for files outside the folder, missing files and other hosts', async () => {
    const handle = createAppRequestHandler(await uiFolder());
    for (const url of ['app://twinarchive/..%2fsecret.txt', 'app://twinarchive/assets/missing.js', 'app://elsewhere/index.html']) {
      const answer = await handle(new Request(url));
      expect(answer.status, url).toBe(404);
      expect(await answer.text()).not.toContain('outside the UI');
      expect(answer.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    }
  });

  it('opens the app for a client-side route, and refuses other methods', async () => {
    const handle = createAppRequestHandler(await uiFolder());
    expect(await (await handle(new Request('app://twinarchive/library/items'))).text()).toContain('<title>TwinArchive</title>');
    expect((await handle(new Request('app://twinarchive/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
    const head = await handle(new Request('app://twinarchive/index.html', { method: 'HEAD' }));
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});
