import { describe, expect, it } from 'vitest';
import { CALL_NAMES, CallFailedError, type AppEvent } from '../../shared/contract.ts';
import { callChannel, EVENT_CHANNEL } from '../../shared/ipc-envelope.ts';
import { createPreloadApi, type PreloadIpc } from '../../electron/preload/preload-api.ts';

type Listener = (event: unknown, payload: unknown) => void;

/** Stands in for Electron's ipcRenderer: records invokes, answers from `answer`, delivers events. */
function fakeIpcRenderer(answer: (channel: string, args: unknown) => unknown) {
  const invoked: Array<{ channel: string; args: unknown }> = [];
  const listeners = new Map<string, Set<Listener>>();
  const ipc: PreloadIpc = {
    async invoke(channel, args) {
      invoked.push({ channel, args });
      return answer(channel, args);
    },
    on(channel, listener) {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel)?.add(listener);
    },
    removeListener(channel, listener) {
      listeners.get(channel)?.delete(listener);
    },
  };
  const emit = (channel: string, payload: unknown): void => {
    for (const listener of listeners.get(channel) ?? []) listener({ sender: 'ipc' }, payload);
  };
  return { ipc, invoked, emit, listenerCount: (channel: string) => listeners.get(channel)?.size ?? 0 };
}

const SETTINGS = { language: null, euLoginEmail: null, margin: 1, concurrency: 4, defaultDestination: null, splitSize: 2 * 1024 ** 3 };
const APP_INFO = { version: '0.1.0', shell: 'electron', systemLanguage: 'en', dataDir: '/data' };

describe('the object the preload exposes', () => {
  it('has one method per contract call plus onEvent, and nothing else', () => {
    const api = createPreloadApi(fakeIpcRenderer(() => undefined).ipc);
    expect(Object.keys(api).sort()).toEqual([...CALL_NAMES, 'onEvent'].sort());
    for (const key of Object.keys(api)) expect(typeof (api as unknown as Record<string, unknown>)[key]).toBe('function');
    expect(Object.isFrozen(api)).toBe(true);
    expect('invoke' in api).toBe(false);
  });

  it('sends each call on its own channel with the validated arguments, and unwraps the value', async () => {
    const { ipc, invoked } = fakeIpcRenderer(() => ({ ok: true, value: APP_INFO }));
    const api = createPreloadApi(ipc);
    await expect(api['app.info']({})).resolves.toEqual(APP_INFO);
    expect(invoked).toEqual([{ channel: callChannel('app.info'), args: {} }]);
  });

  it('fills in defaults from the schema before sending', async () => {
    const { ipc, invoked } = fakeIpcRenderer(() => ({ ok: true, value: [] }));
    await createPreloadApi(ipc)['library.search']({ query: 'poster' });
    expect(invoked[0]?.args).toEqual({ query: 'poster', limit: 50 });
  });

  it('rejects invalid arguments without invoking anything', async () => {
    const { ipc, invoked } = fakeIpcRenderer(() => ({ ok: true, value: SETTINGS }));
    const api = createPreloadApi(ipc);
    await expect(api['settings.set']({ margin: 99 })).rejects.toThrow();
    await expect(api['app.info']({ extra: true } as never)).rejects.toThrow();
    await expect(api['library.openItem']({} as never)).rejects.toThrow();
    expect(invoked).toEqual([]);
  });

  it('rejects a result that does not match the contract', async () => {
    const { ipc } = fakeIpcRenderer(() => ({ ok: true, value: { ...SETTINGS, margin: 'wide' } }));
    await expect(createPreloadApi(ipc)['settings.get']({})).rejects.toThrow();
  });

  it('turns a failure envelope into a CallFailedError carrying the sentence and code', async () => {
    const sentence = 'You are not signed in: connect to the platform first.';
    const { ipc } = fakeIpcRenderer(() => ({ ok: false, error: sentence, code: 'NOT_CONNECTED' }));
    const failure = await createPreloadApi(ipc)['scan.run']({}).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(CallFailedError);
    expect((failure as CallFailedError).message).toBe(sentence);
    expect((failure as CallFailedError).code).toBe('NOT_CONNECTED');
  });

  it('never shows Electron\'s own invoke errors to people', async () => {
    const { ipc } = fakeIpcRenderer(() => {
      throw new Error("Error invoking remote method 'twinarchive:app.info': No handler registered");
    });
    const failure = await createPreloadApi(ipc)['app.info']({}).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(CallFailedError);
    expect((failure as Error).message).not.toMatch(/invoking remote method/);
    expect((failure as CallFailedError).code).toBe('NO_ANSWER');
  });

  it('refuses an answer that is not an envelope', async () => {
    const { ipc } = fakeIpcRenderer(() => APP_INFO);
    const failure = await createPreloadApi(ipc)['app.info']({}).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(CallFailedError);
    expect((failure as CallFailedError).code).toBe('INVALID_ANSWER');
  });
});

describe('events through the preload', () => {
  const sessionEvent: AppEvent = {
    type: 'session',
    status: { connected: false, source: null, sample: false, account: null, remembered: false },
  };

  it('delivers valid events from the one event channel and unsubscribes', () => {
    const { ipc, emit, listenerCount } = fakeIpcRenderer(() => undefined);
    const seen: AppEvent[] = [];
    const unsubscribe = createPreloadApi(ipc).onEvent((event) => seen.push(event));
    emit(EVENT_CHANNEL, sessionEvent);
    emit('twinarchive:something-else', sessionEvent);
    expect(seen).toEqual([sessionEvent]);
    unsubscribe();
    expect(listenerCount(EVENT_CHANNEL)).toBe(0);
    emit(EVENT_CHANNEL, sessionEvent);
    expect(seen).toHaveLength(1);
  });

  it('drops events that do not match the contract', () => {
    const { ipc, emit } = fakeIpcRenderer(() => undefined);
    const seen: AppEvent[] = [];
    createPreloadApi(ipc).onEvent((event) => seen.push(event));
    emit(EVENT_CHANNEL, { type: 'job', state: { jobId: 1 } });
    emit(EVENT_CHANNEL, 'hello');
    expect(seen).toEqual([]);
  });
});
