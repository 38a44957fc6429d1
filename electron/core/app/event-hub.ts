import type { AppEvent } from '../../../shared/contract.ts';

export type EventListener = (event: AppEvent) => void;

export interface EventHub {
  emit(event: AppEvent): void;
  subscribe(listener: EventListener): () => void;
}

/** Fans events out to every listener; one failing listener (a closed window) never stops the others. */
export function createEventHub(): EventHub {
  const listeners = new Set<EventListener>();
  return {
    emit(event) {
      for (const listener of [...listeners]) {
        try {
          listener(event);
        } catch {
          // A transport that cannot deliver drops the event; the next one carries the state.
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
