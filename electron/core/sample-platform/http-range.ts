/** Single-range requests (RFC 9110 §14): `bytes=a-b`, `bytes=a-`, `bytes=-n`, and If-Range. */

export type RangeRequest =
  | { kind: 'whole' }
  | { kind: 'part'; start: number; end: number }
  | { kind: 'unsatisfiable' }
  | { kind: 'malformed' };

const SINGLE_RANGE = /^(\d*)[ \t]*-[ \t]*(\d*)$/;

/** Reads a Range header against a representation of `size` bytes; `end` is exclusive. */
export function parseRange(header: string | undefined, size: number): RangeRequest {
  if (header === undefined) return { kind: 'whole' };
  const match = /^[ \t]*([A-Za-z]+)[ \t]*=(.*)$/.exec(header);
  if (match === null) return { kind: 'malformed' };
  // Other units, and several ranges at once, may be ignored: the whole representation is sent.
  if (match[1]?.toLowerCase() !== 'bytes') return { kind: 'whole' };
  const set = (match[2] ?? '').trim();
  if (set.includes(',')) return { kind: 'whole' };
  const bounds = SINGLE_RANGE.exec(set);
  if (bounds === null) return { kind: 'malformed' };
  const first = bounds[1] ?? '';
  const last = bounds[2] ?? '';
  if (first === '' && last === '') return { kind: 'malformed' };
  if (first === '') {
    const suffix = Number(last);
    if (suffix === 0 || size === 0) return { kind: 'unsatisfiable' };
    return { kind: 'part', start: Math.max(0, size - suffix), end: size };
  }
  const start = Number(first);
  if (last !== '' && Number(last) < start) return { kind: 'malformed' };
  if (start >= size) return { kind: 'unsatisfiable' };
  const end = last === '' ? size : Math.min(Number(last) + 1, size);
  return { kind: 'part', start, end };
}

/** Whether an If-Range validator still matches: the strong ETag, or the exact Last-Modified. */
export function ifRangeMatches(header: string | undefined, etag: string, lastModified: Date): boolean {
  if (header === undefined) return true;
  const value = header.trim();
  if (value.startsWith('"') || value.startsWith('W/')) return value === etag;
  const date = Date.parse(value);
  return !Number.isNaN(date) && date === Math.floor(lastModified.getTime() / 1000) * 1000;
}
