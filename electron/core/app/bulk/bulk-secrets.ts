import { z } from 'zod';
import type { Credentials } from '../../platform-client/platform-client.ts';
import { CredentialsSchema } from '../remembered-session.ts';
import type { SecretStore } from '../shell-adapters.ts';

const SECRET_KEY = 'twinarchive.bulk-run';

const StoredSchema = z.object({ jobId: z.string(), credentials: z.record(z.string(), CredentialsSchema) });

/**
 * The colleagues' credentials of the bulk run, kept only while the run needs them and only in
 * the shell's secret store (safeStorage in the app, memory in the dev bridge), so a run cut off
 * by a quit can go on after the next start. Gone once the run ends.
 */
export interface BulkSecrets {
  /** Credentials per colleague id, for `jobId`; empty when none are kept (or they are another run's). */
  load(jobId: string): Promise<Map<string, Credentials>>;
  /** Keeps exactly these; none removes the entry. */
  save(jobId: string, credentials: ReadonlyMap<string, Credentials>): Promise<void>;
  forget(): Promise<void>;
}

export function createBulkSecrets(secrets: SecretStore): BulkSecrets {
  // One write at a time, so the store always ends with the last state.
  let writing: Promise<unknown> = Promise.resolve();
  const serially = (work: () => Promise<void>): Promise<void> => {
    const next = writing.then(work);
    writing = next.catch(() => undefined);
    return next;
  };
  const forget = () => serially(() => secrets.remove(SECRET_KEY));

  return {
    async load(jobId) {
      await writing;
      const text = await secrets.load(SECRET_KEY).catch(() => null);
      if (text === null) return new Map();
      let json: unknown = null;
      try {
        json = JSON.parse(text);
      } catch {
        // Unreadable: handled below.
      }
      const parsed = StoredSchema.safeParse(json);
      if (!parsed.success || parsed.data.jobId !== jobId) {
        // A damaged entry or one of a run that is gone: it can never be used.
        await forget().catch(() => undefined);
        return new Map();
      }
      return new Map(Object.entries(parsed.data.credentials));
    },
    save(jobId, credentials) {
      if (credentials.size === 0) return forget();
      const text = JSON.stringify({ jobId, credentials: Object.fromEntries(credentials) });
      return serially(() => secrets.save(SECRET_KEY, text));
    },
    forget,
  };
}
