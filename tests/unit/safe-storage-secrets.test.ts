import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { canEncrypt, createSafeStorageSecrets, type SafeStorageLike } from '../../electron/main/secrets/safe-storage-secrets.ts';
import { secretFileName } from '../../electron/main/secrets/secret-file-name.ts';
import { useTempDirs } from '../helpers/temp-dir.ts';

/**
 * Stands in for Electron's safeStorage (the OS keychain is not here): a reversible scrambling
 * with a marker, so the test can tell encrypted bytes from plain text.
 */
function fakeSafeStorage(options: { available?: boolean; backend?: string } = {}): SafeStorageLike & { encrypted: number } {
  const fake = {
    encrypted: 0,
    isEncryptionAvailable: () => options.available ?? true,
    getSelectedStorageBackend: () => options.backend ?? 'gnome_libsecret',
    encryptString(plain: string): Buffer {
      fake.encrypted++;
      return Buffer.concat([Buffer.from('v10'), Buffer.from(plain, 'utf8').map((byte) => byte ^ 0x5a)]);
    },
    decryptString(encrypted: Buffer): string {
      if (encrypted.subarray(0, 3).toString() !== 'v10') throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return Buffer.from(encrypted.subarray(3).map((byte) => byte ^ 0x5a)).toString('utf8');
    },
  };
  return fake;
}

const KEY = 'session:https://live.etwinning.net:teacher@example.org';
const SECRET = 'JSESSIONID=4f1c9e; remember=yes';

describe('secrets in safeStorage', () => {
  const tempDir = useTempDirs();

  it('stores a secret encrypted, in a file named by the key\'s hash, and reads it back', async () => {
    const dir = path.join(await tempDir(), 'secrets');
    const storage = fakeSafeStorage();
    const secrets = createSafeStorageSecrets({ dir, safeStorage: storage, platform: 'linux' });
    await secrets.save(KEY, SECRET);
    expect(await readdir(dir)).toEqual([secretFileName(KEY)]);
    expect(secretFileName(KEY)).toMatch(/^[0-9a-f]{64}\.bin$/);
    const bytes = await readFile(path.join(dir, secretFileName(KEY)));
    expect(bytes.toString('utf8')).not.toContain('JSESSIONID');
    expect(storage.encrypted).toBe(1);
    expect(await createSafeStorageSecrets({ dir, safeStorage: storage, platform: 'linux' }).load(KEY)).toBe(SECRET);
  });

  it.skipIf(process.platform === 'win32')('keeps the file readable by the user only', async () => {
    const dir = path.join(await tempDir(), 'secrets');
    const secrets = createSafeStorageSecrets({ dir, safeStorage: fakeSafeStorage(), platform: 'linux' });
    await secrets.save(KEY, SECRET);
    expect((await stat(path.join(dir, secretFileName(KEY)))).mode & 0o777).toBe(0o600);
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
  });

  it('replaces a secret and removes it', async () => {
    const dir = path.join(await tempDir(), 'secrets');
    const secrets = createSafeStorageSecrets({ dir, safeStorage: fakeSafeStorage(), platform: 'darwin' });
    await secrets.save(KEY, 'old');
    await secrets.save(KEY, 'new');
    expect(await secrets.load(KEY)).toBe('new');
    expect(await readdir(dir)).toHaveLength(1);
    await secrets.remove(KEY);
    expect(await secrets.load(KEY)).toBeNull();
    expect(await readdir(dir)).toEqual([]);
    await secrets.remove(KEY);
  });

  it('answers null for a key never stored', async () => {
    const secrets = createSafeStorageSecrets({ dir: path.join(await tempDir(), 'secrets'), safeStorage: fakeSafeStorage(), platform: 'win32' });
    expect(await secrets.load('nothing')).toBeNull();
  });

  it('writes nothing without encryption: the secret lasts until the app quits, and says so', async () => {
    const dir = path.join(await tempDir(), 'secrets');
    const logged: string[] = [];
    const storage = fakeSafeStorage({ available: false });
    const secrets = createSafeStorageSecrets({ dir, safeStorage: storage, platform: 'win32', log: (message) => logged.push(message) });
    await secrets.save(KEY, SECRET);
    expect(await secrets.load(KEY)).toBe(SECRET);
    await expect(readdir(dir)).rejects.toMatchObject({ code: 'ENOENT' });
    expect(storage.encrypted).toBe(0);
    expect(logged).toHaveLength(1);
    await secrets.remove(KEY);
    expect(await secrets.load(KEY)).toBeNull();
  });

  it('treats Linux\'s basic_text backend (a key built into Chromium) as no encryption', async () => {
    expect(canEncrypt(fakeSafeStorage({ backend: 'basic_text' }), 'linux')).toBe(false);
    expect(canEncrypt(fakeSafeStorage({ backend: 'gnome_libsecret' }), 'linux')).toBe(true);
    expect(canEncrypt(fakeSafeStorage({ backend: 'basic_text' }), 'darwin')).toBe(true);
    expect(canEncrypt(fakeSafeStorage({ available: false }), 'darwin')).toBe(false);
    const dir = path.join(await tempDir(), 'secrets');
    const secrets = createSafeStorageSecrets({ dir, safeStorage: fakeSafeStorage({ backend: 'basic_text' }), platform: 'linux' });
    await secrets.save(KEY, SECRET);
    await expect(readdir(dir)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('forgets a secret that can no longer be decrypted', async () => {
    const dir = path.join(await tempDir(), 'secrets');
    const secrets = createSafeStorageSecrets({ dir, safeStorage: fakeSafeStorage(), platform: 'linux' });
    await secrets.save(KEY, SECRET);
    await writeFile(path.join(dir, secretFileName(KEY)), 'from another keychain');
    expect(await secrets.load(KEY)).toBeNull();
    expect(await readdir(dir)).toEqual([]);
  });
});
