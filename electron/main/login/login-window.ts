import { randomUUID } from 'node:crypto';
import { BrowserWindow, session as sessions } from 'electron';
import { platformOrigin } from '../../core/platform-client/platform-address.ts';
import { denyAllPermissions } from '../deny-permissions.ts';
import { allowNavigationWithin } from '../web-contents-guard.ts';
import { loginWindowOptions } from '../window-options.ts';
import { cookiesToNetscape } from './cookies-to-netscape.ts';
import { isSignedInLanding, loginPageUrl } from './login-progress.ts';

/**
 * Shows the platform's own /login page and waits for the person to sign in there. When the
 * platform lands the window on its home page with a cookie set, the cookies for the platform
 * are returned as cookies.txt text (what `adapters.browserSignIn` answers); closing the window
 * first answers null. The window has no preload, lives in a throwaway in-memory session, may
 * not leave the platform's origin, and its session is wiped when it closes.
 */
export function openLoginWindow(baseUrl: string, parent: BrowserWindow | null): Promise<string | null> {
  const origin = platformOrigin(baseUrl);
  const partition = `login-${randomUUID()}`;
  const session = sessions.fromPartition(partition);
  denyAllPermissions(session);
  const window = new BrowserWindow({ ...loginWindowOptions(partition), ...(parent === null ? {} : { parent }) });
  allowNavigationWithin(window.webContents, origin.origin);

  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      if (!window.isDestroyed()) window.destroy();
      void Promise.allSettled([session.clearStorageData(), session.clearCache()]).then(outcome);
    };

    window.webContents.on('did-navigate', (_event, url) => {
      if (!isSignedInLanding(url, origin)) return;
      session.cookies.get({ url: origin.href }).then(
        (cookies) => {
          if (cookies.length > 0) settle(() => resolve(cookiesToNetscape(cookies)));
        },
        (error: unknown) => settle(() => reject(error)),
      );
    });
    window.on('closed', () => settle(() => resolve(null)));
    window.loadURL(loginPageUrl(origin)).catch((error: unknown) => {
      // Aborted: the person moved on (submitted the form) before the first page had finished.
      if ((error as { code?: unknown } | null)?.code === 'ERR_ABORTED') return;
      settle(() => reject(new Error(`The sign-in page of ${origin.host} could not be opened: check the address and your connection, then try again.`)));
    });
  });
}
