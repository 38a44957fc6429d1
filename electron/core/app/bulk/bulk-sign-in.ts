import type { BulkSignIn, BulkSpace } from '../../../../shared/contract.ts';
import type { Me } from '../../../../shared/platform-api.ts';
import { collect } from '../../inventory/inventory-source.ts';
import { createPlatformClient, type Credentials, type PlatformClient } from '../../platform-client/platform-client.ts';
import { AppCallError } from '../call-error.ts';
import type { ShellAdapters } from '../shell-adapters.ts';

export interface SignedInColleague {
  account: Me;
  /** What the queue and the report call the colleague: the login typed, or the e-mail for a login window. */
  login: string;
  credentials: Credentials;
  signIn: BulkSignIn['kind'];
}

/**
 * Signs in with `credentials`, does `work` and lets the session go: a password session is ended
 * on the platform; a session from the login window is only forgotten here, since ending it
 * would leave the run nothing to sign in with.
 */
async function withSession<T>(baseUrl: string, credentials: Credentials, work: (client: PlatformClient, account: Me) => Promise<T>): Promise<T> {
  const client = createPlatformClient({ baseUrl, credentials });
  try {
    const account = await client.signIn();
    const result = await work(client, account);
    if (credentials.kind === 'password') await client.signOut().catch(() => undefined);
    return result;
  } finally {
    await client.close();
  }
}

/**
 * A colleague's credentials, tried on the platform at once: a wrong password is said now, while
 * the colleague is still at the coordinator's desk, not hours later in the run report.
 */
export async function signInColleague(adapters: ShellAdapters, baseUrl: string, signIn: BulkSignIn): Promise<SignedInColleague> {
  let credentials: Credentials;
  if (signIn.kind === 'password') {
    credentials = { kind: 'password', login: signIn.login.trim(), password: signIn.password };
  } else {
    if (!adapters.browserSignIn) {
      throw new AppCallError('Signing in on the platform\'s own page needs the desktop app: sign the colleague in with their login and password instead.', 'NOT_AVAILABLE');
    }
    const cookiesTxt = await adapters.browserSignIn(baseUrl);
    if (cookiesTxt === null) throw new AppCallError('The sign-in window was closed before the colleague signed in: try again.', 'SIGN_IN_CANCELLED');
    credentials = { kind: 'cookies', cookiesTxt };
  }
  const account = await withSession(baseUrl, credentials, async (_client, me) => me);
  const login = credentials.kind === 'password' ? credentials.login : account.email || account.name || account.id;
  return { account, login, credentials, signIn: signIn.kind };
}

/** The colleague's groups and TwinSpaces, as the platform lists them (no scan: it is quick). */
export async function listColleagueSpaces(baseUrl: string, credentials: Credentials): Promise<BulkSpace[]> {
  const spaces = await withSession(baseUrl, credentials, (client) => collect(client.listSpaces()));
  return spaces.map((space) => ({ id: space.id, kind: space.kind, title: space.title, itemCount: space.itemCount }));
}
