import type { App, Shell, WebContents } from 'electron';
import { decideNavigation, externalUrlToOpen } from './external-links.ts';

/** The one origin each of our windows may navigate within; windows not listed navigate nowhere. */
const allowedOrigins = new WeakMap<WebContents, string>();

/** Lets `contents` move between pages of `origin` (the login window on the platform). */
export function allowNavigationWithin(contents: WebContents, origin: string): void {
  allowedOrigins.set(contents, origin);
}

/**
 * Guards every webContents the app ever creates, ours or not: no <webview>, no new windows
 * (http(s) links go to the system browser instead), and no navigation away from the page a
 * window was opened on unless the window was explicitly allowed an origin. Redirects get the
 * same check, so a server cannot bounce the login window elsewhere. Frames inside a page are left
 * to the page's CSP (`frame-src`): the UI shows archived pages in blob: and data: frames.
 */
export function guardAllWebContents(app: App, shell: Pick<Shell, 'openExternal'>): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      const external = externalUrlToOpen(url);
      if (external !== null) void shell.openExternal(external);
      return { action: 'deny' };
    });
    const guard = (event: { preventDefault(): void }, url: string, clicked: boolean): void => {
      const allowedOrigin = allowedOrigins.get(contents) ?? null;
      const decision = decideNavigation(url, allowedOrigin);
      if (decision === 'allow') return;
      event.preventDefault();
      // A link the person clicked in the UI opens in their browser; a redirect never does, and
      // the login window stays on the platform.
      const external = externalUrlToOpen(url);
      if (decision === 'open-externally' && clicked && allowedOrigin === null && external !== null) void shell.openExternal(external);
    };
    contents.on('will-navigate', (event) => guard(event, event.url, true));
    contents.on('will-redirect', (event) => guard(event, event.url, false));
  });
}
