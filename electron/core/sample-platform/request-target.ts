/** The parts of a request line's target the server routes on. */
export interface RequestTarget {
  /** The path as sent, without the query: the key for statistics and the fault plan. */
  readonly path: string;
  /** The decoded path segments, or null when one is not valid percent-encoded UTF-8. */
  readonly segments: readonly string[] | null;
  readonly query: URLSearchParams;
}

function decodeSegments(path: string): string[] | null {
  try {
    return path.slice(1).split('/').map((segment) => decodeURIComponent(segment));
  } catch {
    return null;
  }
}

/** Null for anything but an origin-form target (`/path?query`). */
export function parseRequestTarget(url: string | undefined): RequestTarget | null {
  if (url === undefined || !url.startsWith('/')) return null;
  const queryStart = url.indexOf('?');
  const path = queryStart < 0 ? url : url.slice(0, queryStart);
  const query = new URLSearchParams(queryStart < 0 ? '' : url.slice(queryStart + 1));
  return { path, segments: decodeSegments(path), query };
}
