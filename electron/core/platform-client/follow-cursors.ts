import { NotAPlatformError } from './errors.ts';

export interface Page<T> {
  entries: readonly T[];
  next: string | null;
}

/**
 * Yields every entry of a paged listing, fetching the next page only when the previous one is
 * used up, until the platform's `next` is null. A cursor that comes back again would loop
 * forever, so it is taken as a broken answer.
 */
export async function* followCursors<T>(
  fetchPage: (cursor: string | null) => Promise<Page<T>>,
  origin: URL,
  call: string,
): AsyncGenerator<T, void, undefined> {
  const seen = new Set<string>();
  let cursor: string | null = null;
  do {
    const page: Page<T> = await fetchPage(cursor);
    yield* page.entries;
    if (page.next !== null) {
      if (seen.has(page.next)) throw new NotAPlatformError(origin.origin, call, 'repeating-pages');
      seen.add(page.next);
    }
    cursor = page.next;
  } while (cursor !== null);
}
