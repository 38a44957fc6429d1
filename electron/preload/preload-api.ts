import { CallFailedError, createApi, type AppEvent, type TwinArchiveApi } from '../../shared/contract.ts';
import { callChannel, CallEnvelopeSchema, EVENT_CHANNEL } from '../../shared/ipc-envelope.ts';

type IpcListener = (event: unknown, payload: unknown) => void;

/** The part of Electron's ipcRenderer the preload uses (a fake in the unit test). */
export interface PreloadIpc {
  invoke(channel: string, args: unknown): Promise<unknown>;
  on(channel: string, listener: IpcListener): unknown;
  removeListener(channel: string, listener: IpcListener): unknown;
}

const NO_ANSWER = 'TwinArchive could not reach its core: restart the app and try again.';
const UNREADABLE = 'TwinArchive got an answer it could not read: restart the app and try again.';

/** Turns the main process's envelope back into the value, or a CallFailedError with its sentence. */
export function unwrapEnvelope(answer: unknown): unknown {
  const envelope = CallEnvelopeSchema.safeParse(answer);
  if (!envelope.success) throw new CallFailedError(UNREADABLE, 'INVALID_ANSWER');
  if (!envelope.data.ok) throw new CallFailedError(envelope.data.error, envelope.data.code);
  return envelope.data.value;
}

/**
 * The object the preload exposes as `window.twinarchive`: the contract's own client
 * (`createApi`, which validates arguments before they leave and results when they come back)
 * over one IPC channel per call. There is no way to name a channel from the page.
 */
export function createPreloadApi(ipc: PreloadIpc): TwinArchiveApi {
  const invoke = async (name: Parameters<typeof callChannel>[0], args: unknown): Promise<unknown> => {
    let answer: unknown;
    try {
      answer = await ipc.invoke(callChannel(name), args);
    } catch {
      // Only Electron itself throws here (no handler yet, window closing): its text is not for people.
      throw new CallFailedError(NO_ANSWER, 'NO_ANSWER');
    }
    return unwrapEnvelope(answer);
  };
  const subscribe = (listener: (event: AppEvent) => void): (() => void) => {
    // createApi validates the payload before it reaches the listener.
    const onMessage: IpcListener = (_event, payload) => listener(payload as AppEvent);
    ipc.on(EVENT_CHANNEL, onMessage);
    return () => {
      ipc.removeListener(EVENT_CHANNEL, onMessage);
    };
  };
  return createApi(invoke, subscribe);
}
