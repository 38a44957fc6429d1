import { useState } from 'react';

export interface SignInAttempt {
  password: string;
  setPassword(password: string): void;
  /** True from the start of an attempt until it fails or the form calls `setBusy(false)`. */
  busy: boolean;
  setBusy(busy: boolean): void;
  error: unknown;
  setError(error: unknown): void;
  /** Starts `call`; a failure clears the password and shows why, success goes to `onDone`. */
  attempt<T>(call: () => Promise<T>, onDone: (result: T) => void): void;
}

/** The state of a form where a colleague types a password to sign in. */
export function useSignInAttempt(): SignInAttempt {
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  return {
    password, setPassword, busy, setBusy, error, setError,
    attempt(call, onDone) {
      setBusy(true);
      setError(null);
      call().then(onDone, (failure: unknown) => {
        setBusy(false);
        setPassword('');
        setError(failure);
      });
    },
  };
}
