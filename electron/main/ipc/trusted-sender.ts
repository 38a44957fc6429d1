import { isAppUrl } from '../app-origin.ts';

/** What the IPC handler knows about who sent a message. */
export interface IpcSender {
  /** URL of the frame that sent the message; null when the frame is gone. */
  frameUrl: string | null;
  /** True when the sending frame is the top frame of its page (not an iframe). */
  isMainFrame: boolean;
  webContentsId: number;
}

/** Who may call: the top frame of the main window, showing the app's own page. */
export interface TrustedSender {
  /** null while there is no main window: then nobody is trusted. */
  webContentsId: number | null;
}

/**
 * Every IPC message is checked before its arguments are even read: a page that got into the
 * window by a navigation bug, an archived page in a frame, or another window must not reach the
 * core (Electron security checklist, "validate the sender of all IPC messages").
 */
export function isTrustedSender(sender: IpcSender, trusted: TrustedSender): boolean {
  return (
    trusted.webContentsId !== null &&
    sender.webContentsId === trusted.webContentsId &&
    sender.isMainFrame &&
    sender.frameUrl !== null &&
    isAppUrl(sender.frameUrl)
  );
}
