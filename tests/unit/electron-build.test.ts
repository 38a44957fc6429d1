import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'vite';
import { beforeAll, describe, expect, it } from 'vitest';
import { replaceImportMetaUrl, sourceImportMetaUrl } from '../../scripts/build/source-import-meta-url.ts';
import { mainConfig, preloadConfig } from '../../vite.electron.config.ts';
import { useTempDirs } from '../helpers/temp-dir.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const builtins = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);

/** Every module a bundle loads at run time: ESM imports and CommonJS requires. */
function runtimeImports(code: string): string[] {
  const found = new Set<string>();
  for (const match of code.matchAll(/^import\s+(?:[^'"]*?\s+from\s+)?["']([^"']+)["']/gm)) found.add(match[1] ?? '');
  for (const match of code.matchAll(/\b(?:__)?require\(\s*["']([^"']+)["']\s*\)/g)) found.add(match[1] ?? '');
  return [...found].sort();
}

describe('sourceImportMetaUrl', () => {
  it('gives a bundled module the URL its source file has, relative to the bundle', () => {
    const expression = sourceImportMetaUrl(path.join(root, 'electron', 'core', 'resources-path.ts'), path.join(root, 'out', 'main'));
    expect(expression).toBe('new URL("../../electron/core/resources-path.ts", import.meta.url).href');
  });

  it('replaces import.meta.url and nothing longer', () => {
    expect(replaceImportMetaUrl('f(import.meta.url); g(import.meta.urlish); h(import.meta.dirname)', 'X')).toBe('f(X); g(import.meta.urlish); h(import.meta.dirname)');
  });
});

describe('the Electron build (vite.electron.config.ts)', () => {
  const tempDir = useTempDirs();
  let mainCode = '';
  let mainDir = '';
  let preloadFiles: string[] = [];
  let preloadCode = '';

  beforeAll(async () => {
    mainDir = path.join(await tempDir(), 'main');
    const preloadDir = path.join(await tempDir(), 'preload');
    await build({ ...mainConfig, configFile: false, logLevel: 'silent', build: { ...mainConfig.build, outDir: mainDir, sourcemap: false } });
    await build({ ...preloadConfig, configFile: false, logLevel: 'silent', build: { ...preloadConfig.build, outDir: preloadDir, sourcemap: false } });
    mainCode = await readFile(path.join(mainDir, 'main.js'), 'utf8');
    preloadFiles = await readdir(preloadDir);
    preloadCode = await readFile(path.join(preloadDir, 'preload.cjs'), 'utf8');
  }, 120_000);

  it('bundles the preload into one CommonJS file that requires only electron', () => {
    expect(preloadFiles).toEqual(['preload.cjs']);
    expect(runtimeImports(preloadCode)).toEqual(['electron']);
    expect(preloadCode).not.toMatch(/^\s*(import|export)\s/m);
    expect(preloadCode).toContain('exposeInMainWorld("twinarchive"');
  });

  it('keeps the preload free of Node and of our core', () => {
    expect(preloadCode).not.toMatch(/better-sqlite3|node:fs|electron\/core/);
  });

  it('bundles the main process so it loads only Electron, Node and better-sqlite3', () => {
    const outside = runtimeImports(mainCode).filter((name) => !builtins.has(name));
    expect(outside).toEqual(['better-sqlite3', 'electron']);
  });

  it('keeps the core\'s file-relative paths pointing at the sources\' places', () => {
    const bundleUrl = pathToFileURL(path.join(root, 'out', 'main', 'main.js'));
    const relatives = [...mainCode.matchAll(/new URL\("([^"]+)", import\.meta\.url\)/g)].map((match) => match[1] ?? '');
    expect(relatives.length).toBeGreaterThan(0);
    for (const relative of relatives) expect(existsSync(fileURLToPath(new URL(relative, bundleUrl))), relative).toBe(true);
    const snapshot = /new URL\("([^"]+demo\.json)", new URL\("([^"]+)", import\.meta\.url\)\.href\)/.exec(mainCode);
    expect(snapshot).not.toBeNull();
    const resolved = new URL(snapshot?.[1] ?? '', new URL(snapshot?.[2] ?? '', bundleUrl));
    expect(fileURLToPath(resolved)).toBe(path.join(root, 'resources', 'snapshots', 'demo.json'));
  });
});
