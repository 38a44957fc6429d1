/**
 * The address to hand to the system browser for a link the UI (or a page) tried to open, or
 * null. Only http(s) addresses that parse go out: a `file:`, `smb:` or custom-scheme link would
 * let a page start local programs through the operating system.
 */
export function externalUrlToOpen(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  if (parsed.username !== '' || parsed.password !== '') return null;
  return parsed.href;
}

export type NavigationDecision = 'allow' | 'open-externally' | 'deny';

/**
 * What to do when a window's page tries to navigate to `url`. `allowedOrigin` is the one origin
 * the window may move within (the platform, for the login window), or null for a window that
 * never navigates (the main window: its UI routes itself without loading pages).
 */
export function decideNavigation(url: string, allowedOrigin: string | null): NavigationDecision {
  if (allowedOrigin !== null) {
    try {
      if (new URL(url).origin === allowedOrigin) return 'allow';
    } catch {
      return 'deny';
    }
  }
  return externalUrlToOpen(url) === null ? 'deny' : 'open-externally';
}
