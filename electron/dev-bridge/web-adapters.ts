import type { SecretStore, ShellAdapters } from '../core/app/shell-adapters.ts';

/** Secrets kept for this process only: a browser tab has no safe place on disk to put them. */
export function createMemorySecretStore(): SecretStore {
  const secrets = new Map<string, string>();
  return {
    save: async (key, value) => {
      secrets.set(key, value);
    },
    load: async (key) => secrets.get(key) ?? null,
    remove: async (key) => {
      secrets.delete(key);
    },
  };
}

/**
 * What a browser tab can do for the app: no folder picker (the UI asks for a path instead), no
 * file manager, no login window and no PDF printing.
 */
export function createWebAdapters(secrets: SecretStore = createMemorySecretStore()): ShellAdapters {
  return {
    chooseFolder: async () => null,
    showInFolder: async () => undefined,
    openPath: async () => undefined,
    secrets,
  };
}
