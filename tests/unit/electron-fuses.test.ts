import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  FUSE_INDEX, FUSE_SENTINEL, FuseWireError, fuseBinaryPath, readFuses, setFuses, TWINARCHIVE_FUSES,
} from '../../scripts/build/electron-fuses.ts';

/** A binary as Electron ships it: bytes, the sentinel, version 1, the wire length, the wire. */
function binaryWithWires(wire: string, copies = 1, version = 1): Buffer {
  const parts: Buffer[] = [Buffer.from('\x7fELF…code…')];
  for (let copy = 0; copy < copies; copy++) {
    parts.push(Buffer.from(FUSE_SENTINEL, 'ascii'), Buffer.from([version, wire.length]), Buffer.from(wire, 'ascii'), Buffer.from('…more code…'));
  }
  return Buffer.concat(parts);
}

// Electron's defaults: run as Node, NODE_OPTIONS, --inspect, file:// privileges and WASM trap handlers on.
const STOCK_WIRE = '101100011';

describe('setFuses', () => {
  it('sets TwinArchive\'s fuses and leaves the others as shipped', () => {
    const binary = binaryWithWires(STOCK_WIRE);
    expect(setFuses(binary, TWINARCHIVE_FUSES)).toBe(1);
    expect(readFuses(binary)).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: true,
    });
  });

  it('writes both wires of a universal macOS binary', () => {
    const binary = binaryWithWires(STOCK_WIRE, 2);
    expect(setFuses(binary, { runAsNode: false })).toBe(2);
    const second = binary.lastIndexOf(Buffer.from(FUSE_SENTINEL)) + FUSE_SENTINEL.length + 2 + FUSE_INDEX.runAsNode;
    expect(String.fromCharCode(binary[second] ?? 0)).toBe('0');
  });

  it('refuses binaries it cannot read, without changing a byte', () => {
    const cases: Array<[Buffer, RegExp]> = [
      [Buffer.from('no electron here'), /No fuse wire/],
      [binaryWithWires(STOCK_WIRE, 3), /3 fuse wires/],
      [binaryWithWires(STOCK_WIRE, 1, 2), /version 2/],
      [binaryWithWires('101'), /no enableNodeCliInspectArguments fuse/],
      [binaryWithWires('1r1100011'), /removed the enableCookieEncryption fuse/],
    ];
    for (const [binary, message] of cases) {
      const before = Buffer.from(binary);
      expect(() => setFuses(binary, TWINARCHIVE_FUSES)).toThrow(FuseWireError);
      expect(() => setFuses(binary, TWINARCHIVE_FUSES)).toThrow(message);
      expect(binary.equals(before)).toBe(true);
    }
  });

  it('names the six fuses the app depends on', () => {
    expect(TWINARCHIVE_FUSES).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });
});

describe('fuseBinaryPath', () => {
  const app = { appOutDir: path.join('release', 'out'), productFilename: 'TwinArchive', executableName: 'twinarchive' };

  it('finds the wire in the framework on macOS and in the executable elsewhere', () => {
    expect(fuseBinaryPath({ ...app, platform: 'darwin' })).toBe(path.join('release', 'out', 'TwinArchive.app', 'Contents', 'Frameworks', 'Electron Framework.framework', 'Electron Framework'));
    expect(fuseBinaryPath({ ...app, platform: 'win32' })).toBe(path.join('release', 'out', 'TwinArchive.exe'));
    expect(fuseBinaryPath({ ...app, platform: 'linux' })).toBe(path.join('release', 'out', 'twinarchive'));
    expect(() => fuseBinaryPath({ ...app, platform: 'aix' })).toThrow(FuseWireError);
  });
});
