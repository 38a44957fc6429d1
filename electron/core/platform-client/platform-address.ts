import { hasControlCharacter } from './control-characters.ts';
import { InvalidPlatformAddressError, OffPlatformLinkError } from './errors.ts';

/**
 * The platform is addressed by its origin. A path in the typed address is dropped: people paste
 * the address of the login page or of a space, and the interface lives at the root.
 */
export function platformOrigin(baseUrl: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(baseUrl.trim());
  } catch {
    throw new InvalidPlatformAddressError();
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new InvalidPlatformAddressError();
  // Credentials in the address would be sent on every request and could end up in messages.
  if (parsed.username !== '' || parsed.password !== '') throw new InvalidPlatformAddressError();
  return new URL(parsed.origin);
}

/**
 * Turns a path of the platform (ours, or one taken from an answer such as `item.url`) into a URL
 * on the platform's origin. Anything that could lead elsewhere is refused, so the session cookie
 * only ever travels to the platform: absolute URLs, protocol-relative `//host` paths, and
 * backslashes (which browsers and some parsers read as slashes).
 */
export function resolvePlatformPath(origin: URL, path: string): URL {
  const leavesPlatform =
    !path.startsWith('/') ||
    path.startsWith('//') ||
    path.includes('\\') ||
    hasControlCharacter(path);
  if (leavesPlatform) throw new OffPlatformLinkError(origin.origin, path);
  const url = new URL(path, origin);
  if (url.origin !== origin.origin) throw new OffPlatformLinkError(origin.origin, path);
  return url;
}

/** True when `target` is on the same origin (scheme, host and port) as `origin`. */
export function isSameOrigin(origin: URL, target: URL): boolean {
  return origin.origin === target.origin;
}
