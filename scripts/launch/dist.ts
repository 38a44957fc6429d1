import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { npm, npx, runCommand } from './run-command.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * `npm run dist`: builds, then packages with electron-builder (which downloads Electron for the
 * target itself, rebuilds better-sqlite3 for it, and flips the fuses in its afterPack hook).
 * Its rebuild happens in node_modules, so better-sqlite3 is rebuilt for Node afterwards.
 */
export async function dist(argv: readonly string[]): Promise<number> {
  const built = await runCommand(npm, ['run', 'build']);
  if (built !== 0) return built;
  try {
    return await runCommand(npx, ['electron-builder', '--config', path.join(root, 'electron-builder.yml'), ...argv]);
  } finally {
    console.log('Building better-sqlite3 for Node again, for the CLI and the tests (npm rebuild better-sqlite3)…');
    await runCommand(npm, ['rebuild', 'better-sqlite3']);
  }
}
