import type { PlatformPath } from './link-target.ts';

/** What a URL found in a platform body points at. */
export type ClassifiedUrl =
  /** `/files/ID/NAME` or `/content/ID`, relative or on any host. */
  | { kind: 'platform'; path: PlatformPath }
  /** Another relative address on the old platform: nothing we archive. */
  | { kind: 'old-platform'; path: string }
  | { kind: 'external'; url: string }
  | { kind: 'mailto'; url: string }
  | { kind: 'data'; url: string }
  /** Empty, same-page (`#x`, `?x`), unparsable, or a scheme that is never safe. */
  | { kind: 'none' };

// Bodies are served at /content/ID, so relative links resolve against that. A reserved host
// (RFC 2606) marks "relative": no real URL in a body can be told apart from it by accident.
const RELATIVE_ORIGIN = 'http://relative.invalid';
const BASE = `${RELATIVE_ORIGIN}/content/this-item`;

export function classifyUrl(raw: string): ClassifiedUrl {
  const trimmed = raw.trim();
  if (trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith('?')) return { kind: 'none' };
  let url: URL;
  try {
    url = new URL(trimmed, BASE);
  } catch {
    return { kind: 'none' };
  }
  switch (url.protocol) {
    case 'http:':
    case 'https:': {
      const path = platformPathOf(url.pathname);
      if (path) return { kind: 'platform', path };
      if (url.origin === RELATIVE_ORIGIN) return { kind: 'old-platform', path: url.pathname + url.search };
      return { kind: 'external', url: url.href };
    }
    case 'mailto:':
      return { kind: 'mailto', url: url.href };
    case 'data:':
      return { kind: 'data', url: trimmed };
    default:
      return { kind: 'none' };
  }
}

function platformPathOf(pathname: string): PlatformPath | null {
  const [empty, area, id, ...rest] = pathname.split('/');
  if (empty !== '' || id === undefined || id === '') return null;
  const itemId = decodeSegment(id);
  if (area === 'content' && (rest.length === 0 || (rest.length === 1 && rest[0] === ''))) {
    return { kind: 'content', itemId };
  }
  if (area === 'files' && rest.length > 0 && rest.every((segment) => segment !== '')) {
    return { kind: 'file', itemId, fileName: rest.map(decodeSegment).join('/') };
  }
  return null;
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export type VideoProvider = 'youtube' | 'vimeo';

const VIDEO_HOSTS: readonly (readonly [string, VideoProvider])[] = [
  ['youtube.com', 'youtube'], ['youtube-nocookie.com', 'youtube'], ['youtu.be', 'youtube'],
  ['vimeo.com', 'vimeo'],
];

/** The video site an external URL belongs to, if any (the host or one of its subdomains). */
export function videoProviderOf(externalUrl: string): VideoProvider | null {
  let host: string;
  try {
    host = new URL(externalUrl).hostname;
  } catch {
    return null;
  }
  for (const [domain, provider] of VIDEO_HOSTS) {
    if (host === domain || host.endsWith(`.${domain}`)) return provider;
  }
  return null;
}
