import { randomBytes } from 'node:crypto';

/**
 * Signed-in sessions. With `expireAfter` N, a session serves N authenticated requests; the
 * next one finds it gone, as when a real session times out mid-run.
 */
export class SessionStore {
  readonly #sessions = new Map<string, { accountId: string; uses: number }>();
  readonly #expireAfter: number | null;

  constructor(expireAfter: number | null) {
    this.#expireAfter = expireAfter;
  }

  create(accountId: string): string {
    const token = randomBytes(32).toString('hex');
    this.#sessions.set(token, { accountId, uses: 0 });
    return token;
  }

  /** The session's account without counting a use (the home page). */
  peek(token: string | null): string | null {
    return token === null ? null : (this.#sessions.get(token)?.accountId ?? null);
  }

  /** Counts one authenticated request; the account, or null when there is no live session. */
  use(token: string | null): string | null {
    if (token === null) return null;
    const session = this.#sessions.get(token);
    if (session === undefined) return null;
    session.uses += 1;
    if (this.#expireAfter !== null && session.uses > this.#expireAfter) {
      this.#sessions.delete(token);
      return null;
    }
    return session.accountId;
  }

  end(token: string | null): void {
    if (token !== null) this.#sessions.delete(token);
  }
}

const SESSION_TOKEN = /^[0-9a-f]{64}$/;

/** The `session` cookie of a request, when it has a well-formed one. */
export function sessionToken(cookieHeader: string | undefined): string | null {
  if (cookieHeader === undefined) return null;
  for (const pair of cookieHeader.split(';')) {
    const separator = pair.indexOf('=');
    if (separator < 0 || pair.slice(0, separator).trim() !== 'session') continue;
    const value = pair.slice(separator + 1).trim();
    if (SESSION_TOKEN.test(value)) return value;
  }
  return null;
}

export function sessionCookie(token: string): string {
  return `session=${token}; HttpOnly; Path=/; SameSite=Lax`;
}

export const CLEARED_SESSION_COOKIE = 'session=; HttpOnly; Path=/; SameSite=Lax; Max-Age=0';
