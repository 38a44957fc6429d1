import { createHash } from 'node:crypto';

/** The file a secret is kept in: a hash, so the key (an address, a login) is not in the name. */
export function secretFileName(key: string): string {
  return `${createHash('sha256').update(key, 'utf8').digest('hex')}.bin`;
}
