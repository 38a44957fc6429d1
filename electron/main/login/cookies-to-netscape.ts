/** The parts of an Electron Cookie a cookies.txt line needs. */
export interface BrowserCookie {
  name: string;
  value: string;
  domain?: string;
  hostOnly?: boolean;
  path?: string;
  secure?: boolean;
  httpOnly?: boolean;
  session?: boolean;
  expirationDate?: number;
}

const HEADER = '# Netscape HTTP Cookie File';
// A field holding a tab or a line break would shift or split the line.
const UNWRITABLE = /[\t\r\n\0]/;

/**
 * Writes the login window's cookies as a Netscape cookies.txt file, the format the core already
 * reads for a cookies file from a browser. A host-only cookie keeps its bare host and FALSE; a
 * domain cookie gets the leading dot and TRUE. Session cookies get expiry 0; HttpOnly cookies
 * the `#HttpOnly_` prefix curl uses. Cookies without a domain, or that cannot be written on one
 * line, are left out, as are cookies without a name (the core's reader needs one).
 */
export function cookiesToNetscape(cookies: readonly BrowserCookie[]): string {
  const lines = [HEADER, ''];
  for (const cookie of cookies) {
    const host = (cookie.domain ?? '').replace(/^\./, '').toLowerCase();
    if (host === '' || cookie.name === '') continue;
    const fields = [cookie.name, cookie.value, host, cookie.path ?? '/'];
    if (fields.some((field) => UNWRITABLE.test(field))) continue;
    const hostOnly = cookie.hostOnly ?? !(cookie.domain ?? '').startsWith('.');
    const expires = cookie.session === true || cookie.expirationDate === undefined ? 0 : Math.floor(cookie.expirationDate);
    lines.push([
      `${cookie.httpOnly === true ? '#HttpOnly_' : ''}${hostOnly ? host : `.${host}`}`,
      hostOnly ? 'FALSE' : 'TRUE',
      cookie.path && cookie.path.startsWith('/') ? cookie.path : '/',
      cookie.secure === true ? 'TRUE' : 'FALSE',
      String(Math.max(0, expires)),
      cookie.name,
      cookie.value,
    ].join('\t'));
  }
  return `${lines.join('\n')}\n`;
}
