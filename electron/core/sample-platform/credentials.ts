import { createHash, timingSafeEqual } from 'node:crypto';
import type { SnapshotAccount } from './snapshot-schema.ts';

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

// Comparing digests keeps the comparison constant-time whatever the lengths.
function sameSecret(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

/** The account these credentials sign in, or null; as slow for an unknown login as a known one. */
export function checkCredentials(
  accountsByLogin: ReadonlyMap<string, SnapshotAccount>,
  login: string,
  password: string,
): SnapshotAccount | null {
  const account = accountsByLogin.get(login);
  const matches = sameSecret(password, account?.password ?? '\u0000no account\u0000');
  return account !== undefined && matches ? account : null;
}
