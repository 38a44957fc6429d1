/** The calls of the legacy platform interface (SPEC.md, "HTTP interface"). */
export type Route =
  | { name: 'login-form' }
  | { name: 'login' }
  | { name: 'logout' }
  | { name: 'home' }
  | { name: 'me' }
  | { name: 'spaces' }
  | { name: 'space-activity'; spaceId: string }
  | { name: 'space-items'; spaceId: string }
  | { name: 'my-items' }
  | { name: 'content'; itemId: string }
  | { name: 'file'; itemId: string; fileName: string };

function readRoute(segments: readonly string[]): Route | null {
  const [first, second, third, fourth] = segments;
  switch (segments.length) {
    case 1:
      if (first === '') return { name: 'home' };
      if (first === 'login') return { name: 'login-form' };
      return null;
    case 2:
      if (first === 'api' && second === 'me') return { name: 'me' };
      if (first === 'api' && second === 'spaces') return { name: 'spaces' };
      if (first === 'content' && second !== undefined) return { name: 'content', itemId: second };
      return null;
    case 3:
      if (first === 'api' && second === 'me' && third === 'items') return { name: 'my-items' };
      if (first === 'files' && second !== undefined && third !== undefined) {
        return { name: 'file', itemId: second, fileName: third };
      }
      return null;
    case 4:
      if (first !== 'api' || second !== 'spaces' || third === undefined) return null;
      if (fourth === 'activity') return { name: 'space-activity', spaceId: third };
      if (fourth === 'items') return { name: 'space-items', spaceId: third };
      return null;
    default:
      return null;
  }
}

/** The route a request names, or null for anything the platform does not offer (404). */
export function matchRoute(method: string, segments: readonly string[]): Route | null {
  if (method === 'POST') {
    if (segments.length !== 1) return null;
    if (segments[0] === 'login') return { name: 'login' };
    if (segments[0] === 'logout') return { name: 'logout' };
    return null;
  }
  // HEAD is GET without the body, as HTTP wants; Node leaves the body out by itself.
  if (method !== 'GET' && method !== 'HEAD') return null;
  return readRoute(segments);
}
