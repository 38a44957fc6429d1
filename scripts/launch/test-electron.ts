import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findElectronBinary } from './electron-binary.ts';
import { withNativeModulesForElectron } from './native-for-electron.ts';
import { npm, runCommand } from './run-command.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export const SKIP_LINE = 'Skipping the Electron smoke test: the Electron binary is not installed (ELECTRON_SKIP_BINARY_DOWNLOAD=1); install it with `node node_modules/electron/install.js` to run it.';

/** `npm run test:electron`: the Playwright smoke of the real app window, when Electron is here. */
export async function testElectron(): Promise<number> {
  if (findElectronBinary() === null) {
    console.log(SKIP_LINE);
    return 0;
  }
  const built = await runCommand(npm, ['run', 'build']);
  if (built !== 0) return built;
  return withNativeModulesForElectron(() =>
    runCommand(process.execPath, ['--import', 'tsx', '--test', path.join(root, 'tests', 'electron', 'app.electron.ts')]),
  );
}
