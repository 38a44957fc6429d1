import type sanitizeHtml from 'sanitize-html';

/** Harmless formatting: what an archived page may contain, and all it may contain. */
export const FORMATTING_TAGS: readonly string[] = [
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'br', 'hr', 'ul', 'ol', 'li', 'dl', 'dt', 'dd',
  'table', 'caption', 'colgroup', 'col', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th',
  'b', 'i', 'em', 'strong', 'u', 's', 'sub', 'sup', 'small', 'blockquote', 'pre', 'code',
  'a', 'img', 'figure', 'figcaption', 'span', 'div',
];

/**
 * Dropped together with everything inside: what a browser never shows as text (scripts,
 * styles, templates, form values), and foreign content (SVG, MathML), whose parsing rules
 * are where mutation XSS lives.
 */
export const DROPPED_WITH_CONTENT: readonly string[] = [
  'script', 'style', 'textarea', 'option', 'title', 'noscript', 'noembed', 'noframes', 'xmp',
  'plaintext', 'template', 'svg', 'math', 'frameset',
];

/** The options both sanitizing passes share: the allowlist proper. */
export const ALLOWLIST = {
  allowedAttributes: {
    '*': ['lang', 'title', 'dir'],
    a: ['href', 'rel'],
    img: ['src', 'alt', 'width', 'height'],
    td: ['colspan', 'rowspan'],
    th: ['colspan', 'rowspan'],
    ol: ['start'],
    span: ['data-ta-note'],
  },
  allowedClasses: { a: ['ta-embed', 'ta-remote-image'], span: ['ta-embed', 'ta-elsewhere', 'ta-remote-image'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['data'] },
  allowedSchemesAppliedToAttributes: ['href', 'src', 'cite'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  parseStyleAttributes: false,
  enforceHtmlBoundary: false,
} satisfies sanitizeHtml.IOptions;
