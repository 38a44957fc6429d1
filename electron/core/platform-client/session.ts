import type { Me } from '../../../shared/platform-api.ts';
import { CookiesFileError, SessionExpiredError, SignInFailedError } from './errors.ts';
import type { Attempt, Refusal } from './request-context.ts';
import type { Credentials } from './sign-in.ts';

/**
 * Sign-ins in a row after which no call went through: the platform ends sessions as soon as they
 * start, so signing in again would loop. (Not a limit per call: with short sessions and many
 * calls waiting, one call may meet several expiries while the run as a whole moves on.)
 */
const MAX_FRUITLESS_RENEWALS = 3;

export interface SessionOptions {
  origin: URL;
  credentials: Credentials;
  /** Asked for credentials when the session ends after the first sign-in; null gives up. */
  onReauthenticate: (() => Promise<Credentials | null>) | undefined;
  signInWith: (credentials: Credentials) => Promise<Me>;
  cookieHeaderFor: (url: URL) => string;
  /** Holds back requests waiting for a slot until the returned function is called. */
  holdRequests: () => () => void;
}

export interface Session {
  /** Signs in with the current credentials (and clears a previous give-up). */
  signIn(): Promise<Me>;
  /** Runs `attempt`, renewing the session and repeating it when the platform answers 401. */
  call<T>(attempt: () => Promise<Attempt<T>>): Promise<T>;
  /** After sign-out: calls that meet 401 fail until the next `signIn()`. */
  end(): void;
}

/**
 * Keeps one session alive for many concurrent calls. Renewal is single-flight: the first call
 * to meet a 401 signs in again, calls that meet 401 meanwhile wait for that same sign-in, and a
 * late 401 to a request sent with the old cookie is simply repeated (the jar already holds a
 * newer one), so one expiry costs one sign-in whatever the concurrency.
 */
export function createSession(options: SessionOptions): Session {
  const { origin } = options;
  let credentials = options.credentials;
  let signedIn = false;
  let inFlight: Promise<Me> | null = null;
  let givenUp: SessionExpiredError | null = null;
  let fruitlessRenewals = 0;

  function fly(work: () => Promise<Me>): Promise<Me> {
    // Requests that waited for a slot would be sent with no or a dead cookie and meet 401.
    const release = options.holdRequests();
    const flight = work().finally(() => {
      if (inFlight === flight) inFlight = null;
      release();
    });
    inFlight = flight;
    return flight;
  }

  async function signInAs(next: Credentials): Promise<Me> {
    const me = await options.signInWith(next);
    credentials = next;
    signedIn = true;
    return me;
  }

  async function renew(): Promise<Me> {
    // First contact without an explicit signIn(): its failures are sign-in failures, as they are.
    if (!signedIn) return await signInAs(credentials);
    if (fruitlessRenewals >= MAX_FRUITLESS_RENEWALS) {
      givenUp = new SessionExpiredError(origin.origin, 'sessions end as soon as they start');
      throw givenUp;
    }
    fruitlessRenewals += 1;
    const next =
      options.onReauthenticate !== undefined
        ? await options.onReauthenticate()
        : credentials.kind === 'password'
          ? credentials
          : null;
    if (next === null) {
      givenUp = new SessionExpiredError(origin.origin, 'no credentials to sign in again');
      throw givenUp;
    }
    try {
      return await signInAs(next);
    } catch (error) {
      if (error instanceof SignInFailedError || error instanceof CookiesFileError) {
        givenUp = new SessionExpiredError(origin.origin, error.code);
        throw givenUp;
      }
      throw error;
    }
  }

  /** Synchronous up to its return, so two refusals in a row cannot both start a sign-in. */
  function renewAfter(refusal: Refusal): Promise<unknown> {
    if (givenUp !== null) return Promise.reject(givenUp);
    if (inFlight !== null) return inFlight;
    if (options.cookieHeaderFor(refusal.url) !== refusal.sentCookie) return Promise.resolve();
    return fly(renew);
  }

  async function ready(): Promise<void> {
    if (inFlight !== null) await inFlight.catch(() => undefined);
    if (givenUp !== null) throw givenUp;
  }

  return {
    async signIn() {
      givenUp = null;
      fruitlessRenewals = 0;
      if (inFlight !== null) await inFlight.catch(() => undefined);
      return await fly(() => signInAs(credentials));
    },
    async call<T>(attempt: () => Promise<Attempt<T>>): Promise<T> {
      for (;;) {
        await ready();
        const outcome = await attempt();
        if (outcome.kind === 'done') {
          fruitlessRenewals = 0;
          return outcome.value;
        }
        await renewAfter(outcome);
      }
    },
    end() {
      givenUp = new SessionExpiredError(origin.origin, 'signed out');
    },
  };
}
