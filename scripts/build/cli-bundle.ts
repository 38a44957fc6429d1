import { mkdir, open, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Loader, type Plugin } from 'esbuild';
import { replaceImportMetaUrl, sourceImportMetaUrl } from './source-import-meta-url.ts';

/**
 * Builds the CLI into one ESM file, out/cli/twinarchive.mjs: started through tsx, the CLI spends
 * most of a second compiling TypeScript before it does anything. bin/twinarchive.js runs the
 * bundle only while out/cli/inputs.json shows every file it was built from unchanged, so a
 * stale bundle is never run: an edited checkout falls back to tsx until the next build.
 *   npm run build:cli
 */

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CLI_BUNDLE_DIR = path.join(REPO_ROOT, 'out', 'cli');
const ENTRY = path.join(REPO_ROOT, 'electron', 'cli', 'main.ts');
const BUNDLE_NAME = 'twinarchive.mjs';
const INPUTS_NAME = 'inputs.json';

const LOADERS: Record<string, Loader> = {
  '.ts': 'ts', '.tsx': 'tsx', '.mts': 'ts', '.cts': 'ts', '.js': 'js', '.mjs': 'js', '.cjs': 'js', '.json': 'json',
};

/** [path relative to the repo, size, mtimeMs] of one file the bundle was built from. */
export type BundleInput = [string, number, number];

/**
 * Loads every file itself, taking size and mtime from the open file before reading it: a file
 * edited while the build runs then shows a newer mtime than recorded, and the bundle is stale.
 */
function recordInputs(inputs: BundleInput[]): Plugin {
  return {
    name: 'twinarchive:record-inputs',
    setup(context) {
      context.onLoad({ filter: /.*/, namespace: 'file' }, async (args) => {
        const loader = LOADERS[path.extname(args.path)];
        if (loader === undefined) return undefined;
        const handle = await open(args.path, 'r');
        try {
          const { size, mtimeMs } = await handle.stat();
          let contents = await handle.readFile('utf8');
          inputs.push([path.relative(REPO_ROOT, args.path), size, mtimeMs]);
          if (!args.path.includes(`${path.sep}node_modules${path.sep}`) && contents.includes('import.meta.url')) {
            contents = replaceImportMetaUrl(contents, sourceImportMetaUrl(args.path, CLI_BUNDLE_DIR));
          }
          return { contents, loader };
        } finally {
          await handle.close();
        }
      });
    },
  };
}

export async function buildCliBundle(): Promise<{ file: string; inputs: number }> {
  await mkdir(CLI_BUNDLE_DIR, { recursive: true });
  const inputs: BundleInput[] = [];
  const suffix = `${process.pid}-${Date.now()}`;
  const bundleTemp = path.join(CLI_BUNDLE_DIR, `.${BUNDLE_NAME}.${suffix}`);
  const inputsTemp = path.join(CLI_BUNDLE_DIR, `.${INPUTS_NAME}.${suffix}`);
  const mapTemp = path.join(CLI_BUNDLE_DIR, `${BUNDLE_NAME}.map.${suffix}`);
  try {
    const result = await build({
      entryPoints: [ENTRY],
      outfile: path.join(CLI_BUNDLE_DIR, BUNDLE_NAME),
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      // A native addon: loaded from node_modules as it is.
      external: ['better-sqlite3'],
      // Bundled CommonJS packages call require() for Node's own modules.
      banner: { js: "import { createRequire as __twinarchiveRequire } from 'node:module'; const require = __twinarchiveRequire(import.meta.url);" },
      plugins: [recordInputs(inputs)],
      // Read only when TWINARCHIVE_DEBUG asks for stacks that name the source files.
      sourcemap: 'linked',
      write: false,
      logLevel: 'silent',
    });
    const code = result.outputFiles.find((file) => file.path.endsWith('.mjs'))?.contents;
    const map = result.outputFiles.find((file) => file.path.endsWith('.mjs.map'))?.contents;
    if (code === undefined || map === undefined) throw new Error('esbuild wrote no bundle.');
    await writeFile(bundleTemp, code);
    await writeFile(mapTemp, map);
    inputs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    await writeFile(inputsTemp, `${JSON.stringify({ bundle: BUNDLE_NAME, bundleSize: code.length, inputs })}\n`);
    // The manifest goes last: a reader that sees it also sees the bundle it describes.
    await rename(mapTemp, path.join(CLI_BUNDLE_DIR, `${BUNDLE_NAME}.map`));
    await rename(bundleTemp, path.join(CLI_BUNDLE_DIR, BUNDLE_NAME));
    await rename(inputsTemp, path.join(CLI_BUNDLE_DIR, INPUTS_NAME));
    return { file: path.join(CLI_BUNDLE_DIR, BUNDLE_NAME), inputs: inputs.length };
  } finally {
    await rm(bundleTemp, { force: true });
    await rm(inputsTemp, { force: true });
    await rm(mapTemp, { force: true });
  }
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { file, inputs } = await buildCliBundle();
  process.stdout.write(`${path.relative(process.cwd(), file)} (from ${inputs} files)\n`);
}
