import { Cookie, domainMatch, type CookieJar } from 'tough-cookie';
import { z } from 'zod';
import { hasControlCharacter } from './control-characters.ts';
import { CookiesFileError } from './errors.ts';

/** One line of a Netscape cookies.txt file (as written by curl and browser extensions). */
export interface NetscapeCookie {
  /** Lower case, without the leading dot. */
  domain: string;
  /** TRUE in the second column, or a leading dot: the cookie also goes to subdomains. */
  includeSubdomains: boolean;
  path: string;
  secure: boolean;
  /** Seconds since 1970; 0 for a session cookie. */
  expiresAt: number;
  name: string;
  value: string;
  httpOnly: boolean;
}

const HTTP_ONLY_PREFIX = '#HttpOnly_';
const flag = z
  .string()
  .regex(/^(true|false)$/i)
  .transform((text) => text.toLowerCase() === 'true');

const CookieLineSchema = z.tuple([
  z.string().regex(/^\.?[a-z0-9._:[\]-]+$/i, 'not a domain'),
  flag,
  z.string().startsWith('/'),
  flag,
  z
    .string()
    .regex(/^\d+(\.\d+)?$/, 'not a time')
    .transform((text) => Math.floor(Number(text))),
  // A cookie name is an RFC 6265 token.
  z.string().regex(/^[!#$%&'*+.^_`|~0-9a-z-]+$/i, 'not a cookie name'),
  z.string().refine((value) => !value.includes(';') && !hasControlCharacter(value), 'not a cookie value'),
]);

/** Reads every well-formed cookie line; comments, blank and malformed lines are skipped. */
export function parseCookiesTxt(text: string): NetscapeCookie[] {
  const cookies: NetscapeCookie[] = [];
  for (const rawLine of text.split(/\r?\n/)) {
    let line = rawLine.replace(/^\uFEFF/, '');
    let httpOnly = false;
    if (line.startsWith(HTTP_ONLY_PREFIX)) {
      httpOnly = true;
      line = line.slice(HTTP_ONLY_PREFIX.length);
    } else if (line.startsWith('#') || line.trim() === '') {
      continue;
    }
    const parsed = CookieLineSchema.safeParse(line.split('\t'));
    if (!parsed.success) continue;
    const [domainField, includeSubdomains, path, secure, expiresAt, name, value] = parsed.data;
    cookies.push({
      domain: domainField.replace(/^\./, '').toLowerCase(),
      includeSubdomains: includeSubdomains || domainField.startsWith('.'),
      path,
      secure,
      expiresAt,
      name,
      value,
      httpOnly,
    });
  }
  return cookies;
}

/** Whether the browser would send `cookie` to `url`'s host over `url`'s scheme. */
export function cookieAppliesTo(cookie: NetscapeCookie, url: URL): boolean {
  const host = url.hostname.toLowerCase();
  if (cookie.secure && url.protocol !== 'https:') return false;
  if (!cookie.includeSubdomains) return host === cookie.domain;
  return domainMatch(host, cookie.domain, true) === true;
}

export function isExpired(cookie: NetscapeCookie, nowMs: number): boolean {
  return cookie.expiresAt !== 0 && cookie.expiresAt * 1000 <= nowMs;
}

/**
 * Puts the file's cookies for the platform's host into `jar` and returns how many; cookies of
 * other sites are left out so they never travel. Throws CookiesFileError when none is usable.
 */
export async function loadCookiesTxt(jar: CookieJar, text: string, origin: URL, nowMs = Date.now()): Promise<number> {
  const all = parseCookiesTxt(text);
  if (all.length === 0) throw new CookiesFileError(origin.host, 'no-cookies');
  const forHost = all.filter((cookie) => cookieAppliesTo(cookie, origin));
  if (forHost.length === 0) throw new CookiesFileError(origin.host, 'no-cookies-for-host');
  const usable = forHost.filter((cookie) => !isExpired(cookie, nowMs));
  if (usable.length === 0) throw new CookiesFileError(origin.host, 'all-expired');
  for (const cookie of usable) {
    await jar.setCookie(toToughCookie(cookie), origin.toString(), { now: new Date(nowMs) });
  }
  return usable.length;
}

function toToughCookie(cookie: NetscapeCookie): Cookie {
  return new Cookie({
    key: cookie.name,
    value: cookie.value,
    // A host-only cookie gets its domain from the URL it is set for (tough-cookie's rule).
    ...(cookie.includeSubdomains ? { domain: cookie.domain } : {}),
    path: cookie.path,
    secure: cookie.secure,
    httpOnly: cookie.httpOnly,
    expires: cookie.expiresAt === 0 ? 'Infinity' : new Date(cookie.expiresAt * 1000),
  });
}
