import { z } from 'zod';
import type { Credentials } from '../platform-client/platform-client.ts';
import type { SecretStore } from './shell-adapters.ts';

const SECRET_KEY = 'twinarchive.session';

/** Credentials as kept in the secret store, checked when read back. */
export const CredentialsSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('password'), login: z.string().min(1), password: z.string().min(1) }),
  z.object({ kind: z.literal('cookies'), cookiesTxt: z.string().min(1) }),
]);

const RememberedSchema = z.object({
  baseUrl: z.string().url(),
  credentials: CredentialsSchema,
});
export type RememberedSession = z.infer<typeof RememberedSchema> & { credentials: Credentials };

/** Credentials kept between runs, only ever through the shell's secret store. */
export interface RememberedSessions {
  load(): Promise<RememberedSession | null>;
  save(session: RememberedSession): Promise<void>;
  forget(): Promise<void>;
}

export function createRememberedSessions(secrets: SecretStore): RememberedSessions {
  return {
    async load() {
      const text = await secrets.load(SECRET_KEY).catch(() => null);
      if (text === null) return null;
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        json = null;
      }
      const parsed = RememberedSchema.safeParse(json);
      if (parsed.success) return parsed.data;
      // Unreadable: a later version or a damaged store. It can never sign in, so let it go.
      await secrets.remove(SECRET_KEY).catch(() => undefined);
      return null;
    },
    save: (session) => secrets.save(SECRET_KEY, JSON.stringify(session)),
    forget: () => secrets.remove(SECRET_KEY),
  };
}
