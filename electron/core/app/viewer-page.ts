import path from 'node:path';

/** The frame that shows an archived page loads nothing: images come inline, the rest nowhere. */
const VIEWER_CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";
const INLINE_TYPES: Readonly<Record<string, string>> = {
  '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif', '.webp': 'image/webp',
};
const MAX_IMAGE_BYTES = 4 * 1024 * 1024;
const MAX_INLINE_BYTES = 16 * 1024 * 1024;

/** The ZIP entry a relative link of a page points at, or null when it leaves the ZIP. */
export function resolveEntry(pageEntryPath: string, href: string): string | null {
  if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('/') || href.startsWith('#')) return null;
  const segments = path.posix.dirname(pageEntryPath).split('/').filter((segment) => segment !== '.' && segment !== '');
  for (const raw of href.split(/[?#]/)[0]?.split('/') ?? []) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return null;
    }
    if (segment === '..') {
      if (segments.pop() === undefined) return null;
    } else if (segment !== '.' && segment !== '') segments.push(segment);
  }
  return segments.join('/');
}

/**
 * Readies an archived page (our own inert markup) for the app's sandboxed frame: a stricter
 * CSP goes first, so that even the archive's own images may only come inline, and the
 * page's images inside the same ZIP are inlined as data: URLs.
 */
export async function prepareForViewer(
  html: string,
  pageEntryPath: string,
  readEntry: (name: string, maxBytes: number) => Promise<Buffer | null>,
): Promise<string> {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${VIEWER_CSP.replace(/'/g, '&#39;')}">`;
  const headAt = html.search(/<head[^>]*>/i);
  const withCsp = headAt < 0
    ? `${meta}${html}`
    : html.replace(/<head[^>]*>/i, (head) => `${head}\n${meta}`);
  let budget = MAX_INLINE_BYTES;
  const replacements = new Map<string, string>();
  for (const match of withCsp.matchAll(/<img\b[^>]*?\ssrc="([^"]*)"/gi)) {
    const src = match[1] ?? '';
    if (replacements.has(src)) continue;
    const entry = resolveEntry(pageEntryPath, src.replace(/&amp;/g, '&'));
    const type = entry === null ? undefined : INLINE_TYPES[path.posix.extname(entry).toLowerCase()];
    if (entry === null || type === undefined) continue;
    const bytes = await readEntry(entry, MAX_IMAGE_BYTES).catch(() => null);
    if (bytes === null || bytes.length > budget) continue;
    budget -= bytes.length;
    replacements.set(src, `data:${type};base64,${bytes.toString('base64')}`);
  }
  return withCsp.replace(/(<img\b[^>]*?\ssrc=")([^"]*)(")/gi, (whole, before: string, src: string, after: string) => {
    const inline = replacements.get(src);
    return inline === undefined ? whole : `${before}${inline}${after}`;
  });
}
