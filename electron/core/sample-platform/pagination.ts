import { z } from 'zod';

/** Pages of at most 100 entries; the cursor is base64url of `{"offset":N}`, opaque to clients. */

export const PAGE_SIZE = 100;

const CursorSchema = z.object({ offset: z.number().int().nonnegative() });
const BASE64URL = /^[A-Za-z0-9_-]{1,200}$/;

export function encodeCursor(offset: number): string {
  return Buffer.from(JSON.stringify({ offset }), 'utf8').toString('base64url');
}

/** The offset a cursor stands for; 0 for no cursor, null for one this server did not give. */
export function decodeCursor(cursor: string | null): number | null {
  if (cursor === null || cursor === '') return 0;
  if (!BASE64URL.test(cursor)) return null;
  try {
    const parsed = CursorSchema.safeParse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data.offset : null;
  } catch {
    return null;
  }
}

export interface Page<T> {
  entries: T[];
  next: string | null;
}

/** The page a cursor points at, or null when the cursor is not valid for this list. */
export function pageAt<T>(list: readonly T[], cursor: string | null): Page<T> | null {
  const offset = decodeCursor(cursor);
  if (offset === null || offset > list.length) return null;
  const end = Math.min(offset + PAGE_SIZE, list.length);
  return { entries: list.slice(offset, end), next: end < list.length ? encodeCursor(end) : null };
}
