import path from 'node:path';

/**
 * Electron's fuses: bits in the Electron binary, flipped at packaging time, that switch off
 * features an attacker could use to run code as TwinArchive (see electronjs.org/docs/latest/
 * tutorial/fuses). electron-builder 25 has no `electronFuses` option (it came in 26) and
 * @electron/fuses is not installed, so the wire is written here, after the same format:
 * the sentinel, one byte of wire version, one byte of length, then one byte per fuse.
 */
export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
export const FUSE_WIRE_VERSION = 1;

/** Each fuse's position in version 1 of the wire. */
export const FUSE_INDEX = {
  runAsNode: 0,
  enableCookieEncryption: 1,
  enableNodeOptionsEnvironmentVariable: 2,
  enableNodeCliInspectArguments: 3,
  enableEmbeddedAsarIntegrityValidation: 4,
  onlyLoadAppFromAsar: 5,
  loadBrowserProcessSpecificV8Snapshot: 6,
  grantFileProtocolExtraPrivileges: 7,
} as const;
export type FuseName = keyof typeof FUSE_INDEX;
export type FuseSettings = Partial<Record<FuseName, boolean>>;

const DISABLED = 0x30; // '0'
const ENABLED = 0x31; // '1'
const REMOVED = 0x72; // 'r'

/**
 * TwinArchive's fuses. No ELECTRON_RUN_AS_NODE, NODE_OPTIONS or --inspect: the shipped binary
 * cannot be used as a plain Node. The app loads only from its app.asar, whose header hash is
 * checked at start (macOS and Windows), and cookies on disk are encrypted with the OS's key.
 */
export const TWINARCHIVE_FUSES: Readonly<FuseSettings> = {
  runAsNode: false,
  enableCookieEncryption: true,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
};

export class FuseWireError extends Error {
  override readonly name = 'FuseWireError';
}

/**
 * Sets `fuses` in every fuse wire of `binary` (a universal macOS binary has two) and returns
 * how many wires were written. Throws, leaving `binary` untouched, when there is no wire, more
 * than two, an unknown wire version, or a wanted fuse the wire does not have or has removed.
 */
export function setFuses(binary: Uint8Array, fuses: FuseSettings): number {
  const buffer = Buffer.from(binary.buffer, binary.byteOffset, binary.byteLength);
  const sentinel = Buffer.from(FUSE_SENTINEL, 'ascii');
  const wires: number[] = [];
  for (let at = buffer.indexOf(sentinel); at !== -1; at = buffer.indexOf(sentinel, at + 1)) wires.push(at + sentinel.length);
  if (wires.length === 0) throw new FuseWireError('No fuse wire in this binary: is it Electron 12 or newer?');
  if (wires.length > 2) throw new FuseWireError(`${wires.length} fuse wires in this binary, at most 2 expected.`);

  const writes: Array<[number, number]> = [];
  for (const wire of wires) {
    const version = buffer[wire];
    const length = buffer[wire + 1] ?? 0;
    if (version !== FUSE_WIRE_VERSION) throw new FuseWireError(`Fuse wire version ${String(version)} is not the version ${FUSE_WIRE_VERSION} this script writes.`);
    for (const [name, on] of Object.entries(fuses) as Array<[FuseName, boolean | undefined]>) {
      if (on === undefined) continue;
      const index = FUSE_INDEX[name];
      if (index >= length) throw new FuseWireError(`This Electron has no ${name} fuse (its wire has ${length}).`);
      const position = wire + 2 + index;
      if (buffer[position] === REMOVED) throw new FuseWireError(`This Electron has removed the ${name} fuse.`);
      writes.push([position, on ? ENABLED : DISABLED]);
    }
  }
  for (const [position, value] of writes) buffer[position] = value;
  return wires.length;
}

/** The fuse states of the first wire, by name (for checks and logs). */
export function readFuses(binary: Uint8Array): Partial<Record<FuseName, boolean | 'removed'>> {
  const buffer = Buffer.from(binary.buffer, binary.byteOffset, binary.byteLength);
  const at = buffer.indexOf(Buffer.from(FUSE_SENTINEL, 'ascii'));
  if (at === -1) throw new FuseWireError('No fuse wire in this binary.');
  const wire = at + FUSE_SENTINEL.length;
  const length = buffer[wire + 1] ?? 0;
  const states: Partial<Record<FuseName, boolean | 'removed'>> = {};
  for (const [name, index] of Object.entries(FUSE_INDEX) as Array<[FuseName, number]>) {
    if (index >= length) continue;
    const value = buffer[wire + 2 + index];
    states[name] = value === REMOVED ? 'removed' : value === ENABLED;
  }
  return states;
}

export interface PackedApp {
  /** electron-builder's `electronPlatformName`. */
  platform: string;
  appOutDir: string;
  productFilename: string;
  /** The Linux executable's name. */
  executableName: string;
}

/** The file that holds the fuse wire in a packed app: on macOS the framework, not the launcher. */
export function fuseBinaryPath(app: PackedApp): string {
  switch (app.platform) {
    case 'darwin':
    case 'mas':
      return path.join(app.appOutDir, `${app.productFilename}.app`, 'Contents', 'Frameworks', 'Electron Framework.framework', 'Electron Framework');
    case 'win32':
      return path.join(app.appOutDir, `${app.productFilename}.exe`);
    case 'linux':
      return path.join(app.appOutDir, app.executableName);
    default:
      throw new FuseWireError(`Fuses for platform ${app.platform} are not known to this script.`);
  }
}
