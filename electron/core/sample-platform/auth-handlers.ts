import type { IncomingMessage } from 'node:http';
import { checkCredentials } from './credentials.ts';
import { loginPage, signedInPage } from './pages.ts';
import type { RequestContext } from './request-context.ts';
import { redirect, sendHtml } from './responses.ts';
import { CLEARED_SESSION_COOKIE, sessionCookie, sessionToken } from './sessions.ts';

const MAX_FORM_BYTES = 16 * 1024;

/** The form body, or null when it is too large or not a URL-encoded form. */
async function readForm(req: IncomingMessage): Promise<URLSearchParams | null> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded') return null;
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of req) {
    const bytes = chunk as Buffer;
    total += bytes.length;
    if (total > MAX_FORM_BYTES) return null;
    chunks.push(bytes);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

export function showLoginForm(context: RequestContext): void {
  sendHtml(context.res, 200, loginPage());
}

export async function signIn(context: RequestContext): Promise<void> {
  const form = await readForm(context.req);
  if (form === null) {
    // The rest of an unread body would garble the next request on this connection.
    sendHtml(context.res, 400, loginPage({ error: 'The sign-in form could not be read. Try again.' }), {
      Connection: 'close',
    });
    return;
  }
  const login = form.get('login') ?? '';
  const account = checkCredentials(context.index.accountsByLogin, login, form.get('password') ?? '');
  if (account === null) {
    sendHtml(
      context.res,
      401,
      loginPage({ error: 'The login or password is not right. Check them and try again.', login }),
    );
    return;
  }
  const token = context.sessions.create(account.id);
  redirect(context.res, '/', { 'Set-Cookie': sessionCookie(token) });
}

export function signOut(context: RequestContext): void {
  context.sessions.end(sessionToken(context.req.headers.cookie));
  redirect(context.res, '/login', { 'Set-Cookie': CLEARED_SESSION_COOKIE });
}

export function showHome(context: RequestContext): void {
  const accountId = context.sessions.peek(sessionToken(context.req.headers.cookie));
  const account = accountId === null ? undefined : context.index.accountsById.get(accountId);
  if (account === undefined) {
    redirect(context.res, '/login');
    return;
  }
  sendHtml(context.res, 200, signedInPage(account.name));
}
