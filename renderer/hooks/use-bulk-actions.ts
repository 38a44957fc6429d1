import { useState } from 'react';
import type { BulkSignIn, BulkState } from '../../shared/contract.ts';
import { useApi } from '../app/api-context.tsx';

export interface BulkActions {
  /** The last call that failed, until the next one starts. */
  error: unknown;
  /** Applies the answer of a run control (resume, pause, cancel, clear), or keeps its failure. */
  act(call: Promise<BulkState>): void;
  /** Signs a colleague in again and applies the answer; fails with the sentence to show. */
  signIn(colleagueId: string, signIn: BulkSignIn): Promise<BulkState>;
}

/** The calls a running or ended bulk run offers, each applied to the screen's state. */
export function useBulkActions(apply: (state: BulkState) => void): BulkActions {
  const api = useApi();
  const [error, setError] = useState<unknown>(null);
  return {
    error,
    act(call) {
      setError(null);
      call.then(apply, setError);
    },
    async signIn(colleagueId, how) {
      const next = await api['bulk.signInAgain']({ colleagueId, signIn: how });
      apply(next);
      return next;
    },
  };
}
