/** Where the login window starts: the platform's own sign-in page. */
export function loginPageUrl(origin: URL): string {
  return new URL('/login', origin).href;
}

/**
 * True when the login window has landed where the platform sends a signed-in person: its home
 * page, on its own origin. (A failed sign-in stays on /login.)
 */
export function isSignedInLanding(url: string, origin: URL): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.origin === origin.origin && parsed.pathname === '/';
}
