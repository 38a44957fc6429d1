import type { IpcSender } from './trusted-sender.ts';

/** The parts of Electron's IpcMainInvokeEvent the sender check reads. */
export interface InvokeEventLike {
  sender: { id: number };
  senderFrame: { url: string; parent: unknown } | null;
}

/**
 * Reads the sender of an IPC message. A frame that navigated away or was destroyed is null or
 * throws when read (Electron's WebFrameMain): both count as no frame, so the message is refused.
 */
export function senderOf(event: InvokeEventLike): IpcSender {
  let webContentsId = -1;
  try {
    webContentsId = event.sender.id;
    const frame = event.senderFrame;
    if (frame === null) return { frameUrl: null, isMainFrame: false, webContentsId };
    return { frameUrl: frame.url, isMainFrame: frame.parent === null, webContentsId };
  } catch {
    return { frameUrl: null, isMainFrame: false, webContentsId };
  }
}
