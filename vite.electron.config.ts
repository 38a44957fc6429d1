import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type UserConfig } from 'vite';
import { keepSourceImportMetaUrl } from './scripts/build/source-import-meta-url.ts';

/**
 * Builds the Electron side, one bundle per run (they must not share chunks):
 *   vite build -c vite.electron.config.ts --mode main     -> out/main/main.js (ESM, Node)
 *   vite build -c vite.electron.config.ts --mode preload  -> out/preload/preload.cjs
 * The UI itself is `vite build` with vite.config.ts, into out/renderer/.
 */
const root = path.dirname(fileURLToPath(import.meta.url));
const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];

/**
 * Main: the shell and the whole core in one ESM file. Only Electron, Node's own modules and
 * better-sqlite3 (a native addon, loaded from node_modules and rebuilt for Electron by
 * electron-builder) stay outside.
 */
export const mainConfig: UserConfig = {
  root,
  publicDir: false,
  logLevel: 'warn',
  plugins: [keepSourceImportMetaUrl({ root, bundleDir: path.join(root, 'out', 'main') })],
  ssr: { target: 'node', noExternal: true, external: ['better-sqlite3'] },
  build: {
    ssr: path.join(root, 'electron/main/main.ts'),
    outDir: path.join(root, 'out/main'),
    emptyOutDir: true,
    target: 'node22',
    minify: false,
    sourcemap: true,
    reportCompressedSize: false,
    rolldownOptions: {
      external: ['electron', 'better-sqlite3', ...nodeBuiltins],
      output: { format: 'es', entryFileNames: 'main.js', codeSplitting: false },
    },
  },
};

/**
 * Preload: runs sandboxed, where `require` knows only 'electron'. Everything else (zod, the
 * contract) is bundled into one CommonJS file.
 */
export const preloadConfig: UserConfig = {
  root,
  publicDir: false,
  logLevel: 'warn',
  build: {
    outDir: path.join(root, 'out/preload'),
    emptyOutDir: true,
    target: 'chrome130',
    minify: false,
    sourcemap: true,
    reportCompressedSize: false,
    lib: { entry: path.join(root, 'electron/preload/preload.ts'), formats: ['cjs'], fileName: () => 'preload.cjs' },
    rolldownOptions: {
      external: ['electron'],
      output: { codeSplitting: false },
    },
  },
};

export default defineConfig(({ mode }) => {
  if (mode === 'main') return mainConfig;
  if (mode === 'preload') return preloadConfig;
  throw new Error(`vite.electron.config.ts builds "--mode main" or "--mode preload", not "${mode}".`);
});
