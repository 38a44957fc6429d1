#!/usr/bin/env node
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { limitLargeHeapGrowth } from './heap-growth.js';

// `twinarchive search … | head` closes the pipe early: that is the reader's choice, not a crash.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

limitLargeHeapGrowth();

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * The bundle `npm run build:cli` makes (out/cli/), if every file it was built from is still as it
 * was then; else null. Starting the bundle takes a third of a second where tsx, compiling the
 * TypeScript on the way, takes about one, but an edited checkout must never run stale code.
 */
function freshBundle() {
  try {
    const manifest = JSON.parse(readFileSync(`${root}out/cli/inputs.json`, 'utf8'));
    const bundle = `${root}out/cli/${manifest.bundle}`;
    if (statSync(bundle).size !== manifest.bundleSize) return null;
    for (const [file, size, mtimeMs] of manifest.inputs) {
      const now = statSync(root + file, { throwIfNoEntry: false });
      if (now === undefined || now.size !== size || now.mtimeMs !== mtimeMs) return null;
    }
    return bundle;
  } catch {
    return null;
  }
}

// Without a fresh bundle (a clean clone, an edited file) the CLI runs from source through tsx.
const bundle = freshBundle();
let runCli;
if (bundle !== null) {
  // A bug report's stack should name the source files, not lines of the bundle.
  if (process.env.TWINARCHIVE_DEBUG) process.setSourceMapsEnabled(true);
  ({ runCli } = await import(pathToFileURL(bundle).href));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ runCli } = await import('../electron/cli/main.ts'));
}
process.exitCode = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
});
