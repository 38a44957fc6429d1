import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppEvent, Overview, TwinArchiveApi } from '../../shared/contract.ts';

export type ScanProgress = Extract<AppEvent, { type: 'scan' }>['progress'];

export interface ScanState {
  status: 'idle' | 'running' | 'ready' | 'failed';
  overview: Overview | null;
  progress: ScanProgress | null;
  error: unknown;
  /** Settings that change verdicts were saved after this scan. */
  stale: boolean;
}

export interface ScanController {
  state: ScanState;
  /** Scans the signed-in account now. */
  run(): void;
  /** Shows the last scan if there is one, else scans. */
  load(): void;
  /** Stops the running scan; the last finished one stays. */
  cancel(): void;
  markStale(): void;
  clear(): void;
}

const IDLE: ScanState = { status: 'idle', overview: null, progress: null, error: null, stale: false };

export function useScan(api: TwinArchiveApi): ScanController {
  const [state, setState] = useState<ScanState>(IDLE);
  const running = useRef(false);

  useEffect(() => api.onEvent((event) => {
    if (event.type === 'scan' && running.current) setState((current) => ({ ...current, progress: event.progress }));
  }), [api]);

  const run = useCallback(() => {
    if (running.current) return;
    running.current = true;
    setState((current) => ({ ...current, status: 'running', progress: null, error: null }));
    api['scan.run']({}).then(
      (overview) => setState({ status: 'ready', overview, progress: null, error: null, stale: false }),
      (error: unknown) => setState((current) => ({ ...current, status: 'failed', progress: null, error })),
    ).finally(() => {
      running.current = false;
    });
  }, [api]);

  const load = useCallback(() => {
    if (running.current) return;
    api['scan.overview']({}).then(
      (overview) => {
        if (overview === null) run();
        else setState({ status: 'ready', overview, progress: null, error: null, stale: false });
      },
      () => run(),
    );
  }, [api, run]);

  const cancel = useCallback(() => {
    // The running scan.run call then fails with the sentence that says so.
    api['scan.cancel']({}).catch(() => undefined);
  }, [api]);

  const markStale = useCallback(() => setState((current) => (current.overview ? { ...current, stale: true } : current)), []);
  const clear = useCallback(() => setState(IDLE), []);

  return { state, run, load, cancel, markStale, clear };
}
