import { EventSchema, type AppEvent } from '../../../shared/contract.ts';
import { EVENT_CHANNEL } from '../../../shared/ipc-envelope.ts';

/** The part of a WebContents events go to. */
export interface EventTargetLike {
  send(channel: string, event: AppEvent): void;
  isDestroyed(): boolean;
}

export interface EventSource {
  onEvent(listener: (event: AppEvent) => void): () => void;
}

/**
 * Sends every core event to the main window only (never broadcast to all windows: the login
 * and PDF windows show pages we do not control). Events are checked against the contract
 * first, so a bug in the core shows up here and not as a puzzling UI. Returns the unsubscribe.
 */
export function forwardEvents(source: EventSource, target: () => EventTargetLike | null, log: (message: string) => void = () => undefined): () => void {
  return source.onEvent((event) => {
    const parsed = EventSchema.safeParse(event);
    if (!parsed.success) {
      log(`dropped an event that does not match the contract: ${parsed.error.message}`);
      return;
    }
    const window = target();
    if (window === null || window.isDestroyed()) return;
    window.send(EVENT_CHANNEL, parsed.data);
  });
}
