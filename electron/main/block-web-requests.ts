import type { Session } from 'electron';

/**
 * Everything the main window's session may not fetch. The UI talks to the core over IPC and
 * loads only app:// (and blob:/data: frames); the core's own HTTP goes through Node, not this
 * session. So any http(s) request from the UI session is a bug or an injected page, and is
 * cancelled. The one pattern is the plainest there is, because Electron throws on a pattern it
 * cannot parse; file: and ws: are already shut out by the CSP.
 */
export const BLOCKED_UI_REQUESTS = ['*://*/*'];

export function blockWebRequests(session: Session): void {
  session.webRequest.onBeforeRequest({ urls: BLOCKED_UI_REQUESTS }, (_details, callback) => callback({ cancel: true }));
}
