import { useCallback, useEffect, useState } from 'react';
import type { BulkState, TwinArchiveApi } from '../../shared/contract.ts';

export interface BulkController {
  /** The bulk run as the core has it, live from `bulk` events; null until the first answer. */
  state: BulkState | null;
  /** Loading failed: the screen says so and can try again. */
  error: unknown;
  /** Applies a call's answer (never one older than an end already seen). */
  apply(state: BulkState): void;
  reload(): void;
}

export function isBulkEnded(state: BulkState): boolean {
  return state.status === 'finished' || state.status === 'cancelled';
}

export function useBulk(api: TwinArchiveApi): BulkController {
  const [state, setState] = useState<BulkState | null>(null);
  const [error, setError] = useState<unknown>(null);

  const reload = useCallback(() => {
    setError(null);
    api['bulk.status']({}).then((loaded) => setState((current) => current ?? loaded), setError);
  }, [api]);

  useEffect(() => {
    let live = true;
    const unsubscribe = api.onEvent((event) => {
      if (live && event.type === 'bulk') setState(event.state);
    });
    api['bulk.status']({}).then(
      (loaded) => {
        if (live) setState((current) => current ?? loaded);
      },
      (failure: unknown) => {
        if (live) setError(failure);
      },
    );
    return () => {
      live = false;
      unsubscribe();
    };
  }, [api]);

  // An answer can arrive after the events of a run that already ended: keep the end.
  const apply = useCallback((next: BulkState) => {
    setState((current) => (current && current.runId === next.runId && isBulkEnded(current) && next.status === 'running' ? current : next));
  }, []);

  return { state, error, apply, reload };
}
