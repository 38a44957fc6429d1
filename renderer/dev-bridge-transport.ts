import { CallErrorSchema, CallFailedError, type AppEvent, type CallName } from '../shared/contract.ts';

/** Codes of failures the transport itself detects; the UI words them in the user's language. */
export const TRANSPORT_CODES = { unreachable: 'transport-unreachable', badAnswer: 'transport-bad-answer', noToken: 'transport-no-token' } as const;

/**
 * Takes the bridge's token from `#token=...` once, keeps it in memory only, and removes it
 * from the address bar so it does not end up in history, bookmarks or screenshots.
 */
export function takeTokenFromLocation(): string | null {
  const params = new URLSearchParams(location.hash.replace(/^#/, ''));
  const token = params.get('token');
  if (token === null || token === '') return null;
  params.delete('token');
  const rest = params.toString();
  history.replaceState(history.state, '', `${location.pathname}${location.search}${rest === '' ? '' : `#${rest}`}`);
  return token;
}

export interface Transport {
  invoke(name: CallName, args: unknown): Promise<unknown>;
  subscribe(listener: (event: AppEvent) => void): () => void;
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    throw new CallFailedError(`HTTP ${response.status}`, TRANSPORT_CODES.badAnswer);
  }
}

/** The contract over loopback HTTP (calls) and server-sent events (pushes), as the dev bridge serves it. */
export function createDevBridgeTransport(token: string): Transport {
  const listeners = new Set<(event: AppEvent) => void>();
  let source: EventSource | null = null;

  const invoke = async (name: CallName, args: unknown): Promise<unknown> => {
    let response: Response;
    try {
      response = await fetch(`/api/call/${name}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-TwinArchive-Token': token },
        body: JSON.stringify(args ?? {}),
      });
    } catch (error) {
      throw new CallFailedError(error instanceof Error ? error.message : String(error), TRANSPORT_CODES.unreachable);
    }
    const body = await readJson(response);
    if (response.ok) return body;
    const failure = CallErrorSchema.safeParse(body);
    if (failure.success) throw new CallFailedError(failure.data.error, failure.data.code);
    throw new CallFailedError(`HTTP ${response.status}`, TRANSPORT_CODES.badAnswer);
  };

  // One event stream for every listener; EventSource reconnects by itself after a drop.
  const subscribe = (listener: (event: AppEvent) => void): (() => void) => {
    listeners.add(listener);
    if (source === null) {
      source = new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
      source.onmessage = (message: MessageEvent<string>) => {
        let event: unknown;
        try {
          event = JSON.parse(message.data);
        } catch {
          return;
        }
        // createApi validates each event against the contract before a listener sees it.
        for (const each of [...listeners]) each(event as AppEvent);
      };
    }
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0 && source !== null) {
        source.close();
        source = null;
      }
    };
  };

  return { invoke, subscribe };
}
