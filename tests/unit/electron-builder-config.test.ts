import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { flipFusesAfterPack } from '../../scripts/build/after-pack-fuses.ts';
import { FUSE_SENTINEL, readFuses } from '../../scripts/build/electron-fuses.ts';
import { useTempDirs } from '../helpers/temp-dir.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);

interface BuilderConfig {
  appId?: string;
  productName?: string;
  asar?: boolean;
  asarUnpack?: string[];
  files?: Array<{ filter: string[] }>;
  npmRebuild?: boolean;
  afterPack?: string;
  mac?: { target?: string[]; icon?: string };
  win?: { target?: string[]; icon?: string };
  linux?: { target?: string[]; icon?: string };
  [key: string]: unknown;
}

// electron-builder's own loader and schema check: the YAML is read exactly as `npm run dist` reads it.
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
  getConfig(projectDir: string, configPath: string, fromOptions: null): Promise<BuilderConfig>;
  validateConfiguration(config: BuilderConfig, logger: unknown): Promise<void>;
};
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };

const loadConfig = (): Promise<BuilderConfig> => getConfig(root, path.join(root, 'electron-builder.yml'), null);

describe('electron-builder.yml', () => {
  it('passes electron-builder\'s own schema check', async () => {
    await expect(validateConfiguration(await loadConfig(), new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('names the app', async () => {
    expect(await loadConfig()).toMatchObject({ appId: 'org.twinarchive.app', productName: 'TwinArchive' });
  });

  it('packs the built app into app.asar, with the native addon and the FAQ unpacked', async () => {
    const config = await loadConfig();
    expect(config.asar).toBe(true);
    expect(config.files?.[0]?.filter).toEqual(expect.arrayContaining(['out/**/*', 'resources/**/*', 'package.json']));
    expect(config.asarUnpack).toEqual(expect.arrayContaining(['**/node_modules/better-sqlite3/**/*.node', 'resources/faq/**']));
    expect(config.npmRebuild).toBe(true);
  });

  it('builds an NSIS installer, a dmg and zip, and an AppImage, each with the icon', async () => {
    const config = await loadConfig();
    expect(config.win?.target).toEqual(['nsis']);
    expect(config.mac?.target).toEqual(['dmg', 'zip']);
    expect(config.linux?.target).toEqual(['AppImage']);
    for (const platform of [config.win, config.mac, config.linux]) expect(platform?.icon).toBe('resources/icons/icon.png');
  });

  it('flips the fuses in an afterPack hook, because electron-builder 25 has no electronFuses option', async () => {
    const config = await loadConfig();
    expect(config.afterPack).toBe('scripts/build/after-pack.mjs');
    const hook = await readFile(path.join(root, config.afterPack ?? ''), 'utf8');
    expect(hook).toMatch(/export async function afterPack\(context\)/);
    expect(hook).toContain("import('./after-pack-fuses.ts')");
    // When electron-builder is upgraded to 26+, this fails: move the fuses into electronFuses then.
    await expect(validateConfiguration({ ...config, electronFuses: { runAsNode: false } }, new DebugLogger(false))).rejects.toThrow(/unknown property 'electronFuses'/);
  });

  it('points package.json at the built main process', async () => {
    const pkg = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as { main?: string; scripts?: Record<string, string> };
    expect(pkg.main).toBe('out/main/main.js');
    expect(pkg.scripts?.['postinstall']).toBeUndefined();
  });
});

describe('the afterPack hook', () => {
  const tempDir = useTempDirs();

  it('flips the fuses in a packed Linux app', async () => {
    const appOutDir = await tempDir();
    const binary = path.join(appOutDir, 'twinarchive');
    await writeFile(binary, Buffer.concat([Buffer.from('ELF'), Buffer.from(FUSE_SENTINEL), Buffer.from([1, 9]), Buffer.from('101100011'), Buffer.from('code')]));
    await flipFusesAfterPack({ appOutDir, electronPlatformName: 'linux', arch: 1, packager: { appInfo: { productFilename: 'TwinArchive' }, executableName: 'twinarchive' } });
    expect(readFuses(await readFile(binary))).toMatchObject({
      runAsNode: false, enableCookieEncryption: true, enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false, enableEmbeddedAsarIntegrityValidation: true, onlyLoadAppFromAsar: true,
    });
  });
});
