import { CookieJar } from 'tough-cookie';
import { describe, expect, it } from 'vitest';
import {
  cookieAppliesTo, isExpired, loadCookiesTxt, parseCookiesTxt,
} from '../../electron/core/platform-client/cookies-txt.ts';
import { CookiesFileError } from '../../electron/core/platform-client/errors.ts';

// The jar drops cookies that are expired by the real clock, whatever `now` it is given.
const NOW = Date.now();
const FUTURE = Math.floor(NOW / 1000) + 3600;
const PAST = Math.floor(NOW / 1000) - 3600;

function line(...fields: (string | number)[]): string {
  return fields.join('\t');
}

describe('parseCookiesTxt', () => {
  it('reads the seven tab-separated fields of a cookie line', () => {
    const [cookie, ...rest] = parseCookiesTxt(line('live.etwinning.net', 'FALSE', '/', 'TRUE', FUTURE, 'session', 'abc123'));
    expect(rest).toEqual([]);
    expect(cookie).toEqual({
      domain: 'live.etwinning.net', includeSubdomains: false, path: '/', secure: true,
      expiresAt: FUTURE, name: 'session', value: 'abc123', httpOnly: false,
    });
  });

  it('reads the #HttpOnly_ prefix as an HttpOnly cookie, not as a comment', () => {
    const [cookie] = parseCookiesTxt(line('#HttpOnly_127.0.0.1', 'FALSE', '/', 'FALSE', 0, 'session', 'x'));
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.domain).toBe('127.0.0.1');
  });

  it('skips comments, blank lines, and the header curl writes', () => {
    const text = [
      '# Netscape HTTP Cookie File',
      '# https://curl.se/docs/http-cookies.html',
      '',
      '   ',
      line('example.org', 'FALSE', '/', 'FALSE', 0, 'a', '1'),
    ].join('\n');
    expect(parseCookiesTxt(text).map((cookie) => cookie.name)).toEqual(['a']);
  });

  it('ignores malformed lines and keeps the good ones', () => {
    const text = [
      'not a cookie line',
      line('example.org', 'FALSE', '/', 'FALSE', 0, 'too-few'),
      line('example.org', 'MAYBE', '/', 'FALSE', 0, 'bad-flag', 'v'),
      line('example.org', 'FALSE', 'no-slash', 'FALSE', 0, 'bad-path', 'v'),
      line('example.org', 'FALSE', '/', 'FALSE', 'soon', 'bad-expiry', 'v'),
      line('example.org', 'FALSE', '/', 'FALSE', 0, 'bad name', 'v'),
      line('example.org', 'FALSE', '/', 'FALSE', 0, 'bad-value', 'a;b'),
      line('example.org', 'FALSE', '/', 'FALSE', 0, 'good', 'v'),
    ].join('\n');
    expect(parseCookiesTxt(text).map((cookie) => cookie.name)).toEqual(['good']);
  });

  it('accepts Windows line ends, a byte order mark, lower-case flags and fractional expiry', () => {
    const text = `\uFEFF${line('.example.org', 'true', '/', 'false', `${FUTURE}.25`, 'a', '1')}\r\n`;
    const [cookie] = parseCookiesTxt(text);
    expect(cookie).toMatchObject({ domain: 'example.org', includeSubdomains: true, secure: false, expiresAt: FUTURE });
  });

  it('reads a leading dot as a cookie for subdomains too', () => {
    const [cookie] = parseCookiesTxt(line('.example.org', 'FALSE', '/', 'FALSE', 0, 'a', '1'));
    expect(cookie?.includeSubdomains).toBe(true);
  });

  it('keeps an empty value', () => {
    const [cookie] = parseCookiesTxt(line('example.org', 'FALSE', '/', 'FALSE', 0, 'a', ''));
    expect(cookie?.value).toBe('');
  });
});

describe('cookieAppliesTo and isExpired', () => {
  const [hostOnly] = parseCookiesTxt(line('example.org', 'FALSE', '/', 'FALSE', 0, 'a', '1'));
  const [withSubdomains] = parseCookiesTxt(line('example.org', 'TRUE', '/', 'FALSE', 0, 'a', '1'));
  const [secure] = parseCookiesTxt(line('example.org', 'FALSE', '/', 'TRUE', 0, 'a', '1'));

  it('matches a host-only cookie to its host alone', () => {
    if (hostOnly === undefined) throw new Error('unparsed');
    expect(cookieAppliesTo(hostOnly, new URL('http://example.org'))).toBe(true);
    expect(cookieAppliesTo(hostOnly, new URL('http://live.example.org'))).toBe(false);
    expect(cookieAppliesTo(hostOnly, new URL('http://badexample.org'))).toBe(false);
  });

  it('matches a domain cookie to its subdomains but not to look-alikes', () => {
    if (withSubdomains === undefined) throw new Error('unparsed');
    expect(cookieAppliesTo(withSubdomains, new URL('http://live.example.org'))).toBe(true);
    expect(cookieAppliesTo(withSubdomains, new URL('http://badexample.org'))).toBe(false);
  });

  it('keeps a Secure cookie to https', () => {
    if (secure === undefined) throw new Error('unparsed');
    expect(cookieAppliesTo(secure, new URL('http://example.org'))).toBe(false);
    expect(cookieAppliesTo(secure, new URL('https://example.org'))).toBe(true);
  });

  it('never expires a session cookie (expiry 0)', () => {
    if (hostOnly === undefined) throw new Error('unparsed');
    expect(isExpired(hostOnly, NOW)).toBe(false);
    expect(isExpired({ ...hostOnly, expiresAt: PAST }, NOW)).toBe(true);
    expect(isExpired({ ...hostOnly, expiresAt: FUTURE }, NOW)).toBe(false);
  });
});

describe('loadCookiesTxt', () => {
  const origin = new URL('http://127.0.0.1:8123');

  it('loads only the cookies of the platform host into the jar', async () => {
    const jar = new CookieJar();
    const text = [
      line('#HttpOnly_127.0.0.1', 'FALSE', '/', 'FALSE', 0, 'session', 'platform'),
      line('localhost', 'FALSE', '/', 'FALSE', 0, 'session', 'other-host'),
      line('.tracker.example', 'TRUE', '/', 'FALSE', FUTURE, 'id', 'tracker'),
    ].join('\n');
    expect(await loadCookiesTxt(jar, text, origin, NOW)).toBe(1);
    expect(await jar.getCookieString(`${origin.origin}/api/me`)).toBe('session=platform');
    expect(await jar.getCookieString('http://localhost:8123/api/me')).toBe('');
  });

  it('keeps an HttpOnly cookie HttpOnly and sends it on HTTP requests', async () => {
    const jar = new CookieJar();
    await loadCookiesTxt(jar, line('#HttpOnly_127.0.0.1', 'FALSE', '/', 'FALSE', FUTURE, 's', 'v'), origin, NOW);
    const [cookie] = await jar.getCookies(origin.toString());
    expect(cookie?.httpOnly).toBe(true);
  });

  it('fails clearly when the file holds no cookie at all', async () => {
    await expect(loadCookiesTxt(new CookieJar(), '# Netscape HTTP Cookie File\n', origin, NOW)).rejects.toMatchObject({
      code: 'COOKIES_FILE_UNUSABLE', problem: 'no-cookies',
    });
  });

  it('fails clearly when no cookie is for the platform host', async () => {
    const text = line('localhost', 'FALSE', '/', 'FALSE', 0, 'session', 'x');
    const error = await loadCookiesTxt(new CookieJar(), text, origin, NOW).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CookiesFileError);
    expect(error).toMatchObject({ problem: 'no-cookies-for-host' });
    expect((error as Error).message).toContain('127.0.0.1:8123');
  });

  it('fails clearly when every cookie for the host has expired', async () => {
    const text = line('127.0.0.1', 'FALSE', '/', 'FALSE', PAST, 'session', 'x');
    await expect(loadCookiesTxt(new CookieJar(), text, origin, NOW)).rejects.toMatchObject({ problem: 'all-expired' });
  });

  it('never repeats a cookie value in its messages', async () => {
    const text = line('127.0.0.1', 'FALSE', '/', 'FALSE', PAST, 'session', 'very-secret-value');
    const error = await loadCookiesTxt(new CookieJar(), text, origin, NOW).catch((caught: unknown) => caught);
    expect(String((error as Error).message)).not.toContain('very-secret-value');
  });
});
