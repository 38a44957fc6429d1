import { describe, expect, it } from 'vitest';
import { isAppUrl } from '../../electron/main/app-origin.ts';
import { senderOf } from '../../electron/main/ipc/sender-of.ts';
import { isTrustedSender } from '../../electron/main/ipc/trusted-sender.ts';

const trusted = { webContentsId: 3 };
const good = { frameUrl: 'app://twinarchive/index.html', isMainFrame: true, webContentsId: 3 };

describe('isTrustedSender', () => {
  it('trusts the main window\'s top frame on the app origin, whatever the path or hash', () => {
    expect(isTrustedSender(good, trusted)).toBe(true);
    expect(isTrustedSender({ ...good, frameUrl: 'app://twinarchive/' }, trusted)).toBe(true);
    expect(isTrustedSender({ ...good, frameUrl: 'app://twinarchive/library?x=1#item' }, trusted)).toBe(true);
  });

  it('refuses another window, a subframe, or no frame', () => {
    expect(isTrustedSender({ ...good, webContentsId: 4 }, trusted)).toBe(false);
    expect(isTrustedSender({ ...good, isMainFrame: false }, trusted)).toBe(false);
    expect(isTrustedSender({ ...good, frameUrl: null }, trusted)).toBe(false);
  });

  it('trusts nobody while there is no main window', () => {
    expect(isTrustedSender(good, { webContentsId: null })).toBe(false);
  });

  it('refuses every other origin, including look-alikes', () => {
    for (const frameUrl of [
      'file:///work/main/out/renderer/index.html',
      'https://twinarchive/index.html',
      'http://localhost:5173/',
      'app://twinarchive.evil/index.html',
      'app://evil/index.html',
      'app://twinarchive:8080/index.html',
      'app://user:pass@twinarchive/index.html',
      'apps://twinarchive/',
      'about:blank',
      'data:text/html,hi',
      'blob:app://twinarchive/5f0c',
      'not a url',
      '',
    ]) {
      expect(isTrustedSender({ ...good, frameUrl }, trusted), frameUrl).toBe(false);
    }
  });
});

describe('isAppUrl', () => {
  it('is true only for the app scheme and host', () => {
    expect(isAppUrl('app://twinarchive/index.html')).toBe(true);
    expect(isAppUrl('APP://TwinArchive/index.html')).toBe(true);
    expect(isAppUrl('app://other/index.html')).toBe(false);
  });
});

describe('senderOf', () => {
  it('reads the frame URL, whether it is the top frame, and the webContents', () => {
    expect(senderOf({ sender: { id: 3 }, senderFrame: { url: 'app://twinarchive/', parent: null } })).toEqual({ frameUrl: 'app://twinarchive/', isMainFrame: true, webContentsId: 3 });
    expect(senderOf({ sender: { id: 3 }, senderFrame: { url: 'data:,', parent: {} } }).isMainFrame).toBe(false);
  });

  it('treats a gone or disposed frame as no frame', () => {
    expect(senderOf({ sender: { id: 3 }, senderFrame: null })).toEqual({ frameUrl: null, isMainFrame: false, webContentsId: 3 });
    const disposed = {
      sender: { id: 3 },
      senderFrame: {
        get url(): string {
          throw new Error('Render frame was disposed before WebFrameMain could be accessed');
        },
        parent: null,
      },
    };
    expect(senderOf(disposed)).toEqual({ frameUrl: null, isMainFrame: false, webContentsId: 3 });
  });
});
