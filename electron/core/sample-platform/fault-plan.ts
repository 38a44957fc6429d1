import { createHash } from 'node:crypto';

/**
 * The seeded fault plan (SPEC.md, "Faults").
 *
 * Every request is keyed by its method and its path as sent (without the query) and numbered
 * by how often that key has been asked of this server: attempt 1, 2, 3, ... The decision for a
 * request is drawn from SHA-256 of (seed, method, path, attempt) alone, so it does not depend
 * on the order or concurrency of other requests, and two servers given the same seed fault
 * alike for the same requests.
 *
 * - Attempt 1 faults with probability 15%, attempt 2 with 8%, later attempts never: a client
 *   that retries always gets through.
 * - The kind comes from the same digest, uniformly among the kinds that fit the call:
 *   /content and /files: all seven kinds; /api: `500`, `503`, `429` and session expiry, which
 *   need no body. Sign-in, sign-out, the home page and unknown paths never fault.
 * - `429` carries `Retry-After: 1`. Session expiry ends the request's session and answers 401.
 * - `reset` and `cut-short` send the headers and a drawn share (10% to 90%) of the body, then
 *   reset the connection, or close it short of its Content-Length. `trickle` sends the first
 *   4 KiB in up to 16 pieces with pauses that add up to about 2 s, then the rest at full speed. Body faults
 *   apply only to 200 and 206 answers with a body of 2 bytes or more; otherwise the request is
 *   answered normally.
 * - Every applied fault is named in an `X-Sample-Fault` response header, for people and tests.
 */

export const STATUS_FAULTS = ['status-500', 'status-503', 'status-429', 'session-expiry'] as const;
export const BODY_FAULTS = ['reset', 'cut-short', 'trickle'] as const;
export type StatusFaultKind = (typeof STATUS_FAULTS)[number];
export type BodyFaultKind = (typeof BODY_FAULTS)[number];
export type FaultKind = StatusFaultKind | BodyFaultKind;

export interface Fault {
  readonly kind: FaultKind;
  /** The share of the body sent before a reset or a cut, in [0.1, 0.9). */
  readonly share: number;
}

export const FAULT_HEADER = 'X-Sample-Fault';
const FAULT_PROBABILITY_BY_ATTEMPT: readonly number[] = [0.15, 0.08];
const ALL_FAULTS: readonly FaultKind[] = [...STATUS_FAULTS, ...BODY_FAULTS];
const UINT32_RANGE = 2 ** 32;

export function isBodyFault(kind: FaultKind): kind is BodyFaultKind {
  return (BODY_FAULTS as readonly string[]).includes(kind);
}

function kindsFor(path: string): readonly FaultKind[] {
  if (path.startsWith('/content/') || path.startsWith('/files/')) return ALL_FAULTS;
  if (path.startsWith('/api/')) return STATUS_FAULTS;
  return [];
}

/** The fault for one request, a pure function of its four inputs; null when it goes through. */
export function planFault(seed: string, method: string, path: string, attempt: number): Fault | null {
  const kinds = kindsFor(path);
  const probability = FAULT_PROBABILITY_BY_ATTEMPT[attempt - 1] ?? 0;
  if (kinds.length === 0 || probability === 0) return null;
  const draw = createHash('sha256').update(JSON.stringify([seed, method, path, attempt])).digest();
  if (draw.readUInt32BE(0) / UINT32_RANGE >= probability) return null;
  const kind = kinds[draw.readUInt32BE(4) % kinds.length];
  if (kind === undefined) return null;
  return { kind, share: 0.1 + (0.8 * draw.readUInt32BE(8)) / UINT32_RANGE };
}

/** The plan of one server: counts attempts per key and asks `planFault`. */
export class FaultPlan {
  readonly #seed: string;
  readonly #attempts = new Map<string, number>();

  constructor(seed: string) {
    this.#seed = seed;
  }

  /** Counts this request as the next attempt of its key and returns its fault, if any. */
  next(method: string, path: string): Fault | null {
    const key = `${method} ${path}`;
    const attempt = (this.#attempts.get(key) ?? 0) + 1;
    this.#attempts.set(key, attempt);
    return planFault(this.#seed, method, path, attempt);
  }
}
