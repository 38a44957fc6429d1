import type { ConnectArgs, SessionStatus } from '../../../shared/contract.ts';
import type { Me } from '../../../shared/platform-api.ts';
import { CookiesFileError, SignInFailedError } from '../platform-client/errors.ts';
import { platformOrigin } from '../platform-client/platform-address.ts';
import { createPlatformClient, type Credentials, type PlatformClient } from '../platform-client/platform-client.ts';
import { DEMO_ACCOUNT } from '../sample-platform/demo-account.ts';
import { defaultSnapshotPath, loadSnapshot } from '../sample-platform/load-snapshot.ts';
import { startSamplePlatform, type RunningSamplePlatform } from '../sample-platform/server.ts';
import { AppCallError } from './call-error.ts';
import type { RememberedSessions } from './remembered-session.ts';
import type { ShellAdapters } from './shell-adapters.ts';

export interface ConnectedSession {
  /** The platform's origin, e.g. https://live.etwinning.net. */
  baseUrl: string;
  credentials: Credentials;
  account: Me;
  sample: boolean;
}

export interface SessionManagerOptions {
  adapters: ShellAdapters;
  remembered: RememberedSessions;
  /** Called after every change of session, with the status to push to the UI. */
  onChange: (status: SessionStatus, previous: ConnectedSession | null, next: ConnectedSession | null) => void;
  /** The snapshot the sample platform serves (default: the demo). */
  sampleSnapshotPath?: string;
}

export interface SessionManager {
  status(): Promise<SessionStatus>;
  connect(args: ConnectArgs): Promise<SessionStatus>;
  signOut(): Promise<SessionStatus>;
  /** The signed-in session; signs in again with remembered credentials when there are some. */
  require(): Promise<ConnectedSession>;
  current(): ConnectedSession | null;
  close(): Promise<void>;
}

const NOT_CONNECTED = 'You are not signed in to the platform: sign in first, then try again.';

/**
 * One session at a time: who is signed in where, the sample platform when that is the source,
 * and the credentials kept for the next run when the person asked for it.
 */
export function createSessionManager(options: SessionManagerOptions): SessionManager {
  const { adapters, remembered } = options;
  let session: ConnectedSession | null = null;
  let client: PlatformClient | null = null;
  let sample: RunningSamplePlatform | null = null;
  let rememberedSource: string | null | undefined;
  let queue: Promise<unknown> = Promise.resolve();

  /** Connects, signs out and reconnects one at a time: two clicks never start two platforms. */
  function serially<T>(work: () => Promise<T>): Promise<T> {
    const run = queue.then(work);
    queue = run.catch(() => undefined);
    return run;
  }

  async function rememberedSourceNow(): Promise<string | null> {
    if (rememberedSource === undefined) rememberedSource = (await remembered.load())?.baseUrl ?? null;
    return rememberedSource;
  }

  async function status(): Promise<SessionStatus> {
    const kept = await rememberedSourceNow();
    return {
      connected: session !== null,
      source: session?.baseUrl ?? kept,
      sample: session?.sample ?? false,
      account: session ? { ...session.account } : null,
      remembered: kept !== null,
    };
  }

  async function stopSample(): Promise<void> {
    const running = sample;
    sample = null;
    await running?.close();
  }

  async function startSample(): Promise<string> {
    sample ??= await startSamplePlatform({
      snapshot: await loadSnapshot(options.sampleSnapshotPath ?? defaultSnapshotPath()),
      port: 0,
    });
    return sample.url;
  }

  async function use(next: ConnectedSession, nextClient: PlatformClient): Promise<SessionStatus> {
    const previous = session;
    await client?.close();
    client = nextClient;
    session = next;
    if (!next.sample) await stopSample();
    const current = await status();
    options.onChange(current, previous, next);
    return current;
  }

  async function signIn(baseUrl: string, credentials: Credentials): Promise<{ me: Me; client: PlatformClient }> {
    const candidate = createPlatformClient({ baseUrl, credentials });
    try {
      return { me: await candidate.signIn(), client: candidate };
    } catch (error) {
      await candidate.close();
      throw error;
    }
  }

  async function credentialsFor(args: ConnectArgs): Promise<{ baseUrl: string; credentials: Credentials; sample: boolean }> {
    switch (args.kind) {
      case 'sample':
        return { baseUrl: await startSample(), credentials: { kind: 'password', login: DEMO_ACCOUNT.login, password: DEMO_ACCOUNT.password }, sample: true };
      case 'password':
        return { baseUrl: platformOrigin(args.baseUrl).origin, credentials: { kind: 'password', login: args.login, password: args.password }, sample: false };
      case 'browser': {
        const baseUrl = platformOrigin(args.baseUrl).origin;
        if (!adapters.browserSignIn) {
          throw new AppCallError('Signing in on the platform\'s own page needs the desktop app: sign in with your login and password instead.', 'NOT_AVAILABLE');
        }
        const cookiesTxt = await adapters.browserSignIn(baseUrl);
        if (cookiesTxt === null) throw new AppCallError('The sign-in window was closed before you signed in: try again.', 'SIGN_IN_CANCELLED');
        return { baseUrl, credentials: { kind: 'cookies', cookiesTxt }, sample: false };
      }
    }
  }

  async function connect(args: ConnectArgs): Promise<SessionStatus> {
    const target = await credentialsFor(args);
    const { me, client: signedIn } = await signIn(target.baseUrl, target.credentials);
    if (args.kind !== 'sample') {
      // A store that cannot keep secrets (no keyring) leaves the session unremembered, as status shows.
      const kept = args.remember
        ? await remembered.save({ baseUrl: target.baseUrl, credentials: target.credentials }).then(() => true, () => false)
        : await remembered.forget().then(() => false, () => false);
      rememberedSource = kept ? target.baseUrl : null;
    }
    return await use({ baseUrl: target.baseUrl, credentials: target.credentials, account: me, sample: target.sample }, signedIn);
  }

  async function reconnect(): Promise<ConnectedSession> {
    if (session) return session;
    const kept = await remembered.load();
    if (kept === null) throw new AppCallError(NOT_CONNECTED, 'NOT_CONNECTED');
    try {
      const { me, client: signedIn } = await signIn(kept.baseUrl, kept.credentials);
      await use({ baseUrl: kept.baseUrl, credentials: kept.credentials, account: me, sample: false }, signedIn);
    } catch (error) {
      // Refused credentials will never work again; an unreachable platform may later.
      if (error instanceof SignInFailedError || error instanceof CookiesFileError) {
        await remembered.forget();
        rememberedSource = null;
      }
      throw error;
    }
    if (!session) throw new AppCallError(NOT_CONNECTED, 'NOT_CONNECTED');
    return session;
  }

  async function signOut(): Promise<SessionStatus> {
    const previous = session;
    const ending = client;
    session = null;
    client = null;
    // Signing out of a platform that cannot be reached still forgets everything here.
    await ending?.signOut().catch(() => undefined);
    await ending?.close();
    await stopSample();
    await remembered.forget().catch(() => undefined);
    rememberedSource = null;
    const current = await status();
    options.onChange(current, previous, null);
    return current;
  }

  return {
    status,
    connect: (args) => serially(() => connect(args)),
    signOut: () => serially(signOut),
    require: () => (session ? Promise.resolve(session) : serially(reconnect)),
    current: () => session,
    async close() {
      await queue;
      await client?.close();
      client = null;
      session = null;
      await stopSample();
    },
  };
}
