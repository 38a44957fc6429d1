import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const TOKEN_HEADER = 'x-twinarchive-token';

export interface Guards {
  /** Host must be this bridge's own (127.0.0.1:PORT or localhost:PORT): a rebound DNS name is refused. */
  hostAllowed(req: IncomingMessage): boolean;
  /** A request from a page of another origin carries its Origin: refused. Same-origin GETs may send none. */
  originAllowed(req: IncomingMessage): boolean;
  tokenMatches(candidate: string | null | undefined): boolean;
}

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

export function createGuards(port: number, token: string): Guards {
  const hosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const origins = new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);
  const expected = digest(token);
  return {
    hostAllowed: (req) => hosts.has((req.headers.host ?? '').toLowerCase()),
    originAllowed: (req) => {
      const origin = req.headers.origin;
      return origin === undefined || origins.has(origin.toLowerCase());
    },
    // Hashing first gives equal lengths, so the comparison takes the same time whatever was sent.
    tokenMatches: (candidate) => typeof candidate === 'string' && candidate.length > 0 && timingSafeEqual(digest(candidate), expected),
  };
}
