import { mkdir, readFile, rm, writeFile, rename } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { SecretStore } from '../../core/app/shell-adapters.ts';
import { secretFileName } from './secret-file-name.ts';

/** The part of Electron's safeStorage the store uses (a fake in the unit test). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  getSelectedStorageBackend?(): string;
}

export interface SecretStoreOptions {
  /** `<userData>/secrets` */
  dir: string;
  safeStorage: SafeStorageLike;
  platform?: NodeJS.Platform;
  log?: (message: string) => void;
}

/**
 * True when safeStorage really encrypts. On Linux without a keyring Chromium falls back to
 * "basic_text", a fixed key compiled into every build: that is plain text by another name.
 */
export function canEncrypt(safeStorage: SafeStorageLike, platform: NodeJS.Platform): boolean {
  if (!safeStorage.isEncryptionAvailable()) return false;
  if (platform === 'linux' && safeStorage.getSelectedStorageBackend?.() === 'basic_text') return false;
  return true;
}

/**
 * Secrets (a remembered session) encrypted with the operating system's keychain through
 * safeStorage, one file per key, readable by the user only. Without real encryption nothing is
 * written: the secret lives in memory until the app quits, so "remember me" lasts one run.
 */
export function createSafeStorageSecrets(options: SecretStoreOptions): SecretStore {
  const platform = options.platform ?? process.platform;
  const log = options.log ?? (() => undefined);
  const inMemory = new Map<string, string>();
  const fileOf = (key: string): string => path.join(options.dir, secretFileName(key));

  return {
    async save(key, value) {
      if (!canEncrypt(options.safeStorage, platform)) {
        log('The system keychain is not available: the session is remembered until TwinArchive quits.');
        inMemory.set(key, value);
        return;
      }
      inMemory.delete(key);
      await mkdir(options.dir, { recursive: true, mode: 0o700 });
      const file = fileOf(key);
      const temporary = `${file}.${randomBytes(6).toString('hex')}.partial`;
      try {
        await writeFile(temporary, options.safeStorage.encryptString(value), { mode: 0o600, flag: 'wx' });
        await rename(temporary, file);
      } finally {
        await rm(temporary, { force: true });
      }
    },

    async load(key) {
      const remembered = inMemory.get(key);
      if (remembered !== undefined) return remembered;
      if (!canEncrypt(options.safeStorage, platform)) return null;
      let encrypted: Buffer;
      try {
        encrypted = await readFile(fileOf(key));
      } catch {
        return null;
      }
      try {
        return options.safeStorage.decryptString(encrypted);
      } catch {
        // Encrypted under another user or keychain: it can never be read again.
        log('A remembered session could not be decrypted and was forgotten.');
        await rm(fileOf(key), { force: true });
        return null;
      }
    },

    async remove(key) {
      inMemory.delete(key);
      await rm(fileOf(key), { force: true });
    },
  };
}
