import type sanitizeHtml from 'sanitize-html';

/**
 * How the rewriting pass hands its decisions to the finishing pass. sanitize-html forgets to
 * clear its record of a renamed tag when that tag is then discarded, and the next tag at the
 * same depth is closed with the stale name; so the first pass only ever renames to tags it
 * keeps (these markers), and the second pass, which renames nothing it discards, resolves them.
 */
export const BOX_TAG = 'ta-box';
/** Removed with its content by the finishing pass. */
export const DROPPED_TAG = 'ta-dropped';
/** Removed, content kept, by the finishing pass. */
export const UNWRAPPED_TAG = 'ta-unwrapped';
export const MARKER_TAGS: readonly string[] = [BOX_TAG, DROPPED_TAG, UNWRAPPED_TAG];
export const BOX_ATTRIBUTES: readonly string[] = ['data-ta-element', 'data-ta-class', 'data-ta-text', 'data-ta-href'];

/** What stands in for an embedded player or a remote image: a link or text, in a box. */
export interface Box {
  element: 'a' | 'span';
  className: 'ta-embed' | 'ta-remote-image';
  text: string;
  /** Only for `a`: already rewritten (relative entry path or http(s) URL). */
  href?: string;
}

/** The first pass's marker; `text: ''` blanks whatever text the replaced element held. */
export function boxMarker(box: Box): sanitizeHtml.Tag {
  const attribs: sanitizeHtml.Attributes = { 'data-ta-element': box.element, 'data-ta-class': box.className, 'data-ta-text': box.text };
  if (box.href !== undefined) attribs['data-ta-href'] = box.href;
  return { tagName: BOX_TAG, attribs, text: '' };
}

/** The second pass turns a marker into the box; the allowlist then checks it like any tag. */
export function boxFromMarker(_name: string, attribs: sanitizeHtml.Attributes): sanitizeHtml.Tag {
  const element = attribs['data-ta-element'] === 'a' ? 'a' : 'span';
  const text = attribs['data-ta-text'] ?? '';
  const className = attribs['data-ta-class'] === 'ta-remote-image' ? 'ta-remote-image' : 'ta-embed';
  const href = attribs['data-ta-href'];
  if (element === 'a' && href !== undefined) {
    return { tagName: 'a', attribs: { href, class: className, ...(/^https?:\/\//i.test(href) ? { rel: 'noreferrer' } : {}) }, text };
  }
  return { tagName: 'span', attribs: { class: className }, text };
}
