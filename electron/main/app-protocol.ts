import { protocol, type Session } from 'electron';
import { APP_SCHEME } from './app-origin.ts';
import { createAppRequestHandler } from './app-request-handler.ts';

/**
 * Must run before the app is ready: the scheme's privileges are fixed at startup. Standard and
 * secure give the UI a real origin and a secure context; the UI's `<script type="module"
 * crossorigin>` is fetched in CORS mode, which Chromium allows only for CORS-enabled schemes
 * (no Access-Control-Allow-Origin is ever sent, so other origins still cannot read it).
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true } },
  ]);
}

/** Serves the built UI on app:// in `session` (the main window's); other sessions have no app://. */
export function serveAppProtocol(session: Session, rootDir: string): void {
  session.protocol.handle(APP_SCHEME, createAppRequestHandler(rootDir));
}
