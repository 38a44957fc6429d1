import { describe, expect, it } from 'vitest';
import { findElectronBinary } from '../../scripts/launch/electron-binary.ts';
import { startPlan } from '../../scripts/launch/start.ts';

describe('findElectronBinary', () => {
  it('answers the path the electron package gives when that file exists', () => {
    expect(findElectronBinary(() => '/x/node_modules/electron/dist/electron', () => true)).toBe('/x/node_modules/electron/dist/electron');
  });

  it('answers null when the download was skipped (the package throws) or the file is gone', () => {
    const skipped = (): never => {
      throw new Error('Electron failed to install correctly, please delete node_modules/electron and try installing again');
    };
    expect(findElectronBinary(skipped, () => true)).toBeNull();
    expect(findElectronBinary(() => '/x/node_modules/electron/dist/electron', () => false)).toBeNull();
    expect(findElectronBinary(() => undefined, () => true)).toBeNull();
  });

  it('agrees with this machine, where the binary is not downloaded', () => {
    const binary = findElectronBinary();
    expect(binary === null || typeof binary === 'string').toBe(true);
  });
});

describe('startPlan', () => {
  it('starts Electron when it is installed', () => {
    expect(startPlan('/e/electron', '/repo/bin/dev-bridge.js', true)).toEqual({ kind: 'electron', binary: '/e/electron' });
  });

  it('falls back to the dev bridge without Electron', () => {
    expect(startPlan(null, '/repo/bin/dev-bridge.js', true)).toEqual({ kind: 'dev-bridge', script: '/repo/bin/dev-bridge.js' });
  });

  it('says so when there is neither', () => {
    const plan = startPlan(null, '/repo/bin/dev-bridge.js', false);
    expect(plan.kind).toBe('nothing');
  });
});
