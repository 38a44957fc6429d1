import { npm, npx, runCommand } from './run-command.ts';

/**
 * better-sqlite3 is a native addon built for one ABI: Node's (the CLI and the tests) or
 * Electron's (the app). Runs `work` with it rebuilt for Electron, then rebuilds it for Node
 * again, whatever `work` answered, so `npm test` keeps working after `npm start`.
 */
export async function withNativeModulesForElectron(work: () => Promise<number>): Promise<number> {
  console.log('Building better-sqlite3 for Electron (electron-builder install-app-deps)…');
  const rebuilt = await runCommand(npx, ['electron-builder', 'install-app-deps']);
  if (rebuilt !== 0) return rebuilt;
  try {
    return await work();
  } finally {
    console.log('Building better-sqlite3 for Node again, for the CLI and the tests (npm rebuild better-sqlite3)…');
    await runCommand(npm, ['rebuild', 'better-sqlite3']);
  }
}
