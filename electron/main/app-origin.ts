/**
 * The UI is served from this origin, never from file://: a custom standard, secure scheme gives
 * the page a real origin for CSP and for the IPC sender check, and a file:// page could read
 * any file on the disk.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'twinarchive';
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/**
 * True for URLs on the app's own origin. Node's URL gives `origin: 'null'` for schemes it does
 * not know (nor lowercase their host), so the parts are compared instead.
 */
export function isAppUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.hostname.toLowerCase() === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}
