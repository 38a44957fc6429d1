import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findElectronBinary } from './electron-binary.ts';
import { withNativeModulesForElectron } from './native-for-electron.ts';
import { npm, npx, runCommand } from './run-command.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export type StartPlan =
  | { kind: 'electron'; binary: string }
  | { kind: 'dev-bridge'; script: string }
  | { kind: 'nothing'; reason: string };

/** What `npm start` runs: the desktop app when Electron is installed, else the UI in a browser. */
export function startPlan(electronBinary: string | null, devBridge: string, devBridgeExists: boolean): StartPlan {
  if (electronBinary !== null) return { kind: 'electron', binary: electronBinary };
  if (devBridgeExists) return { kind: 'dev-bridge', script: devBridge };
  return { kind: 'nothing', reason: `Electron is not installed and ${path.basename(devBridge)} is missing: nothing to start.` };
}

export async function start(argv: readonly string[]): Promise<number> {
  const devBridge = path.join(root, 'bin', 'dev-bridge.js');
  const plan = startPlan(findElectronBinary(), devBridge, existsSync(devBridge));
  switch (plan.kind) {
    case 'electron': {
      const built = await runCommand(npm, ['run', 'build']);
      if (built !== 0) return built;
      return withNativeModulesForElectron(() => runCommand(plan.binary, [root, ...argv]));
    }
    case 'dev-bridge': {
      console.log('Electron is not installed here (ELECTRON_SKIP_BINARY_DOWNLOAD?): starting the dev bridge instead; open the address it prints in your browser.');
      // The bridge serves the built UI, as `npm run dev:web` does.
      const built = await runCommand(npx, ['vite', 'build']);
      if (built !== 0) return built;
      return runCommand(process.execPath, [plan.script, ...argv]);
    }
    case 'nothing':
      console.error(plan.reason);
      return 1;
  }
}
