import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { fuseBinaryPath, readFuses, setFuses, TWINARCHIVE_FUSES } from './electron-fuses.ts';

/** The part of electron-builder's AfterPackContext this hook reads. */
export interface AfterPackContextLike {
  appOutDir: string;
  electronPlatformName: string;
  /** electron-builder's Arch: 3 is arm64, 4 universal. */
  arch: number;
  packager: { appInfo: { productFilename: string }; executableName?: string };
}

const ARM64 = 3;
const UNIVERSAL = 4;

/**
 * Flips TwinArchive's fuses in the packed app, before electron-builder signs it and builds the
 * installers. On Apple silicon an unsigned binary with a changed byte will not start, so the
 * app is ad-hoc signed again; a real signature replaces it when a certificate is configured.
 */
export async function flipFusesAfterPack(context: AfterPackContextLike): Promise<void> {
  const binary = fuseBinaryPath({
    platform: context.electronPlatformName,
    appOutDir: context.appOutDir,
    productFilename: context.packager.appInfo.productFilename,
    executableName: context.packager.executableName ?? context.packager.appInfo.productFilename.toLowerCase(),
  });
  const bytes = await readFile(binary);
  const wires = setFuses(bytes, TWINARCHIVE_FUSES);
  await writeFile(binary, bytes);
  console.log(`  • fuses set in ${path.basename(binary)} (${wires} wire${wires === 1 ? '' : 's'}): ${JSON.stringify(readFuses(bytes))}`);

  const isMac = context.electronPlatformName === 'darwin' || context.electronPlatformName === 'mas';
  if (isMac && (context.arch === ARM64 || context.arch === UNIVERSAL)) {
    const app = path.join(context.appOutDir, `${context.packager.appInfo.productFilename}.app`);
    await promisify(execFile)('codesign', ['--sign', '-', '--force', '--preserve-metadata=entitlements,requirements,flags,runtime', '--deep', app]);
  }
}
