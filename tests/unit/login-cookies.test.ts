import { describe, expect, it } from 'vitest';
import { parseCookiesTxt } from '../../electron/core/platform-client/cookies-txt.ts';
import { cookiesToNetscape, type BrowserCookie } from '../../electron/main/login/cookies-to-netscape.ts';
import { isSignedInLanding, loginPageUrl } from '../../electron/main/login/login-progress.ts';

const base = { sameSite: 'lax' as const };
const lines = (text: string): string[] => text.split('\n').filter((line) => line !== '' && !line.startsWith('# '));

describe('cookiesToNetscape', () => {
  it('starts with the Netscape header and ends with a line break', () => {
    const text = cookiesToNetscape([]);
    expect(text.startsWith('# Netscape HTTP Cookie File\n')).toBe(true);
    expect(text.endsWith('\n')).toBe(true);
  });

  it('writes a host-only cookie with its bare host and FALSE', () => {
    const text = cookiesToNetscape([{ ...base, name: 'sid', value: 'abc', domain: '127.0.0.1', hostOnly: true, path: '/', secure: false, httpOnly: false, session: false, expirationDate: 1900000000.75 }]);
    expect(lines(text)).toEqual(['127.0.0.1\tFALSE\t/\tFALSE\t1900000000\tsid\tabc']);
  });

  it('writes a domain cookie with a leading dot and TRUE', () => {
    const text = cookiesToNetscape([{ ...base, name: 'lang', value: 'nl', domain: '.etwinning.net', hostOnly: false, path: '/', secure: true, httpOnly: false, session: false, expirationDate: 1900000000 }]);
    expect(lines(text)).toEqual(['.etwinning.net\tTRUE\t/\tTRUE\t1900000000\tlang\tnl']);
  });

  it('gives session cookies expiry 0 and marks HttpOnly with the curl prefix', () => {
    const text = cookiesToNetscape([{ ...base, name: 'session', value: 'x', domain: 'live.etwinning.net', hostOnly: true, path: '/', secure: true, httpOnly: true, session: true }]);
    expect(lines(text)).toEqual(['#HttpOnly_live.etwinning.net\tFALSE\t/\tTRUE\t0\tsession\tx']);
  });

  it('leaves out cookies it cannot write on one line, or without a name or domain', () => {
    const text = cookiesToNetscape([
      { ...base, name: 'tab', value: 'a\tb', domain: 'example.org' },
      { ...base, name: 'newline', value: 'a\nb', domain: 'example.org' },
      { ...base, name: '', value: 'nameless', domain: 'example.org' },
      { ...base, name: 'nowhere', value: 'v' },
    ]);
    expect(lines(text)).toEqual([]);
  });

  it('round-trips through the core\'s cookies.txt reader', () => {
    const future = Math.floor(Date.now() / 1000) + 3600;
    const cookies: BrowserCookie[] = [
      { ...base, name: 'session', value: 'token-1', domain: '127.0.0.1', hostOnly: true, path: '/', secure: false, httpOnly: true, session: true },
      { ...base, name: 'pref', value: 'a=b', domain: '.example.org', hostOnly: false, path: '/app', secure: true, httpOnly: false, session: false, expirationDate: future },
    ];
    expect(parseCookiesTxt(cookiesToNetscape(cookies))).toEqual([
      { domain: '127.0.0.1', includeSubdomains: false, path: '/', secure: false, expiresAt: 0, name: 'session', value: 'token-1', httpOnly: true },
      { domain: 'example.org', includeSubdomains: true, path: '/app', secure: true, expiresAt: future, name: 'pref', value: 'a=b', httpOnly: false },
    ]);
  });
});

describe('the login window\'s progress', () => {
  const origin = new URL('http://127.0.0.1:4310');

  it('opens the platform\'s /login', () => {
    expect(loginPageUrl(origin)).toBe('http://127.0.0.1:4310/login');
  });

  it('sees the sign-in done when the platform lands on its home page', () => {
    expect(isSignedInLanding('http://127.0.0.1:4310/', origin)).toBe(true);
    expect(isSignedInLanding('http://127.0.0.1:4310/?welcome=1', origin)).toBe(true);
    expect(isSignedInLanding('http://127.0.0.1:4310/login', origin)).toBe(false);
    expect(isSignedInLanding('http://127.0.0.1:9999/', origin)).toBe(false);
    expect(isSignedInLanding('https://127.0.0.1:4310/', origin)).toBe(false);
    expect(isSignedInLanding('garbage', origin)).toBe(false);
  });
});
