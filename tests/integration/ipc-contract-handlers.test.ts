import { afterEach, describe, expect, it } from 'vitest';
import { CALL_NAMES, type AppEvent } from '../../shared/contract.ts';
import { callChannel, EVENT_CHANNEL, type CallEnvelope } from '../../shared/ipc-envelope.ts';
import { createAppService, type AppService, type ShellAdapters } from '../../electron/core/app/index.ts';
import { registerContractHandlers, type IpcMainLike } from '../../electron/main/ipc/contract-handlers.ts';
import { forwardEvents } from '../../electron/main/ipc/event-forwarder.ts';
import type { InvokeEventLike } from '../../electron/main/ipc/sender-of.ts';
import { useTempDirs } from '../helpers/temp-dir.ts';

type Handler = (event: InvokeEventLike, ...args: unknown[]) => Promise<CallEnvelope>;

/** Stands in for Electron's ipcMain: keeps the handlers so the test can invoke them. */
function fakeIpcMain() {
  const handlers = new Map<string, Handler>();
  const ipc: IpcMainLike = {
    handle(channel, listener) {
      if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      handlers.set(channel, listener);
    },
    removeHandler(channel) {
      handlers.delete(channel);
    },
  };
  const invoke = (channel: string, event: InvokeEventLike, ...args: unknown[]): Promise<CallEnvelope> => {
    const handler = handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return handler(event, ...args);
  };
  return { ipc, handlers, invoke };
}

const MAIN_WINDOW = 7;
const fromMainWindow = (url = 'app://twinarchive/index.html'): InvokeEventLike => ({ sender: { id: MAIN_WINDOW }, senderFrame: { url, parent: null } });

/** The shell side the core needs; nothing here is called by these tests except secrets. */
function testAdapters(): ShellAdapters {
  const secrets = new Map<string, string>();
  return {
    chooseFolder: async () => null,
    showInFolder: async () => undefined,
    openPath: async () => undefined,
    secrets: {
      save: async (key, value) => void secrets.set(key, value),
      load: async (key) => secrets.get(key) ?? null,
      remove: async (key) => void secrets.delete(key),
    },
  };
}

describe('registerContractHandlers with the real app service', () => {
  const tempDir = useTempDirs();
  let service: AppService | null = null;
  afterEach(async () => {
    await service?.close();
    service = null;
  });

  async function setUp() {
    const dataDir = await tempDir();
    service = createAppService({ dataDir, shell: 'electron', version: '9.9.9', systemLanguage: 'nl', adapters: testAdapters() });
    const fake = fakeIpcMain();
    const logged: string[] = [];
    const unregister = registerContractHandlers(fake.ipc, service, {
      trusted: () => ({ webContentsId: MAIN_WINDOW }),
      log: (message) => logged.push(message),
    });
    return { ...fake, dataDir, logged, unregister };
  }

  it('registers exactly one channel per contract call and removes them all', async () => {
    const { handlers, unregister } = await setUp();
    expect([...handlers.keys()].sort()).toEqual(CALL_NAMES.map(callChannel).sort());
    unregister();
    expect(handlers.size).toBe(0);
  });

  it('answers a trusted call with an ok envelope holding the core\'s value', async () => {
    const { invoke, dataDir } = await setUp();
    const answer = await invoke(callChannel('app.info'), fromMainWindow(), {});
    expect(answer).toEqual({ ok: true, value: { version: '9.9.9', shell: 'electron', systemLanguage: 'nl', dataDir } });
  });

  it('refuses senders other than the main window\'s top frame on the app origin', async () => {
    const { invoke, logged } = await setUp();
    const refused = [
      { sender: { id: MAIN_WINDOW + 1 }, senderFrame: { url: 'app://twinarchive/index.html', parent: null } },
      { sender: { id: MAIN_WINDOW }, senderFrame: { url: 'app://twinarchive/index.html', parent: {} } },
      { sender: { id: MAIN_WINDOW }, senderFrame: { url: 'https://evil.example/', parent: null } },
      { sender: { id: MAIN_WINDOW }, senderFrame: { url: 'file:///etc/passwd', parent: null } },
      { sender: { id: MAIN_WINDOW }, senderFrame: null },
    ];
    for (const event of refused) {
      const answer = await invoke(callChannel('settings.get'), event, {});
      expect(answer).toMatchObject({ ok: false, code: 'UNTRUSTED_SENDER' });
    }
    expect(logged).toHaveLength(refused.length);
  });

  it('checks arguments against the contract before the core sees them', async () => {
    const { invoke } = await setUp();
    const answer = await invoke(callChannel('settings.set'), fromMainWindow(), { margin: -1 });
    expect(answer).toMatchObject({ ok: false, code: 'INVALID_ARGS' });
    expect((answer as { error: string }).error).toMatch(/margin/);
    expect(await invoke(callChannel('app.info'), fromMainWindow(), {}, {})).toMatchObject({ ok: false, code: 'INVALID_ARGS' });
    expect(await invoke(callChannel('app.info'), fromMainWindow())).toMatchObject({ ok: false, code: 'INVALID_ARGS' });
  });

  it('turns what the core throws into a failure envelope with its sentence and code', async () => {
    const { invoke } = await setUp();
    const answer = await invoke(callChannel('scan.run'), fromMainWindow(), {});
    expect(answer.ok).toBe(false);
    if (answer.ok) return;
    expect(answer.code).toBe('NOT_CONNECTED');
    expect(answer.error).toMatch(/[.!?]$/);
    expect(answer.error).not.toMatch(/Error:|at \w+ \(/);
  });

  it('keeps the core\'s path guard: a path outside its folders is refused', async () => {
    const { invoke } = await setUp();
    const answer = await invoke(callChannel('shell.openPath'), fromMainWindow(), { path: '/etc/passwd' });
    expect(answer).toMatchObject({ ok: false });
  });
});

describe('forwardEvents', () => {
  const tempDir = useTempDirs();

  it('sends the core\'s events to the main window on the event channel, and stops when unsubscribed', async () => {
    const service = createAppService({ dataDir: await tempDir(), shell: 'electron', version: '1', systemLanguage: 'en', adapters: testAdapters() });
    try {
      const sent: Array<{ channel: string; event: AppEvent }> = [];
      const window = { send: (channel: string, event: AppEvent) => void sent.push({ channel, event }), isDestroyed: () => false };
      const stop = forwardEvents(service, () => window);
      await service.handle('session.connect', { kind: 'sample' });
      expect(sent.length).toBeGreaterThan(0);
      expect(sent.every((message) => message.channel === EVENT_CHANNEL)).toBe(true);
      expect(sent.some((message) => message.event.type === 'session' && message.event.status.connected)).toBe(true);
      stop();
      const before = sent.length;
      await service.handle('session.signOut', {});
      expect(sent.length).toBe(before);
    } finally {
      await service.close();
    }
  });

  it('sends nothing to a window that is gone', async () => {
    const service = createAppService({ dataDir: await tempDir(), shell: 'electron', version: '1', systemLanguage: 'en', adapters: testAdapters() });
    try {
      let sent = 0;
      forwardEvents(service, () => ({ send: () => void sent++, isDestroyed: () => true }));
      forwardEvents(service, () => null);
      await service.handle('session.connect', { kind: 'sample' });
      expect(sent).toBe(0);
    } finally {
      await service.close();
    }
  });
});
