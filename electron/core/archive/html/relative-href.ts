/**
 * Relative links between entries of one ZIP, for pages opened straight from disk (file://),
 * where there is no server to fix a bad path.
 *
 * Entry paths are ZIP entry names: '/'-separated, relative to the ZIP root, unencoded. Every
 * segment of the href is percent-encoded from the exact code points of the entry name (no
 * Unicode normalisation: the href must name the same bytes the ZIP stores).
 */
export function relativeHref(fromEntryPath: string, toEntryPath: string): string {
  const fromDirectory = entrySegments(fromEntryPath).slice(0, -1);
  const to = entrySegments(toEntryPath);
  let shared = 0;
  while (shared < fromDirectory.length && shared < to.length - 1 && fromDirectory[shared] === to[shared]) shared += 1;
  const up = new Array<string>(fromDirectory.length - shared).fill('..');
  return [...up, ...to.slice(shared).map(encodePathSegment)].join('/');
}

/**
 * One path segment as a URL path segment. encodeURIComponent leaves only A-Z a-z 0-9 and
 * -_.!~*'() alone, so '/', '\', '?', '#', '%', ':' and spaces can never change what the URL
 * means; lone surrogates (which it would throw on) become U+FFFD first.
 */
export function encodePathSegment(segment: string): string {
  return encodeURIComponent(
    segment.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'),
  );
}

function entrySegments(entryPath: string): string[] {
  const segments = entryPath.split('/');
  // "." and ".." cannot be written as a URL segment at all (browsers read %2E%2E as ".." too).
  if (segments.some((segment) => segment === '' || segment === '.' || segment === '..')) {
    throw new RangeError(`"${entryPath}" is not a ZIP entry path: use '/'-separated names without empty, "." or ".." parts.`);
  }
  return segments;
}
