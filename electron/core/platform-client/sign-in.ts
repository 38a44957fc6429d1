import { MeSchema, type Me } from '../../../shared/platform-api.ts';
import { loadCookiesTxt } from './cookies-txt.ts';
import { fromRequestError } from './error-mapping.ts';
import { NotAPlatformError, PlatformServerError, SignInFailedError } from './errors.ts';
import { getJson } from './get-json.ts';
import { RETRY_NON_GET } from './http-client.ts';
import { resolvePlatformPath } from './platform-address.ts';
import type { RequestContext } from './request-context.ts';

export type Credentials =
  | { kind: 'password'; login: string; password: string }
  | { kind: 'cookies'; /** The text of a Netscape cookies.txt file. */ cookiesTxt: string };

const LOGIN_CALL = 'POST /login';
export const ME_PATH = '/api/me';

/**
 * Starts a fresh session with `credentials` and returns the account it belongs to. The jar is
 * emptied first, so a failed sign-in leaves no session behind.
 */
export async function signInWith(context: RequestContext, credentials: Credentials): Promise<Me> {
  const { http } = context;
  http.cookieJar.removeAllCookiesSync();
  if (credentials.kind === 'password') {
    await postLogin(context, credentials.login, credentials.password);
  } else {
    await loadCookiesTxt(http.cookieJar, credentials.cookiesTxt, http.origin);
  }
  const me = await fetchMe(context);
  if (me === null) {
    http.cookieJar.removeAllCookiesSync();
    throw new SignInFailedError(http.origin.origin, credentials.kind === 'password' ? 'session-not-kept' : 'cookies-expired');
  }
  return me;
}

/** The signed-in account, or null when the platform wants a new session. */
export async function fetchMe(context: RequestContext): Promise<Me | null> {
  const answer = await getJson(context, resolvePlatformPath(context.http.origin, ME_PATH), `GET ${ME_PATH}`, MeSchema);
  return answer.kind === 'done' ? answer.value : null;
}

/**
 * The login form, posted without following its redirect: a redirect that sets a cookie is a
 * session, 401 is a wrong login or password, anything else is not the platform. Repeating a
 * login is harmless, so it is retried like a GET when the platform is busy or the line drops.
 */
async function postLogin(context: RequestContext, login: string, password: string): Promise<void> {
  const { http, limiter, signal } = context;
  const url = resolvePlatformPath(http.origin, '/login');
  const response = await limiter
    .run(
      async () =>
        await http.got.post(url, {
          form: { login, password },
          followRedirect: false,
          throwHttpErrors: false,
          responseType: 'text',
          context: { [RETRY_NON_GET]: true },
          signal,
        }),
      signal,
    )
    .catch((error: unknown) => {
      throw fromRequestError(error, http.origin, LOGIN_CALL, signal);
    });
  const { statusCode, headers } = response;
  if (statusCode === 401) throw new SignInFailedError(http.origin.origin, 'wrong-login');
  if (statusCode === 429 || statusCode >= 500) throw new PlatformServerError(http.origin.origin, statusCode);
  const isRedirect = statusCode >= 300 && statusCode < 400 && headers.location !== undefined;
  if (!isRedirect) throw new NotAPlatformError(http.origin.origin, LOGIN_CALL, 'unexpected-status', `HTTP ${statusCode}`);
  const setsCookie = (headers['set-cookie']?.length ?? 0) > 0;
  if (!setsCookie || http.cookieHeaderFor(url) === '') {
    throw new SignInFailedError(http.origin.origin, 'session-not-kept');
  }
}
