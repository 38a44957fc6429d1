import sanitizeHtml from 'sanitize-html';

const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'caption', 'dd', 'div', 'dl', 'dt',
  'figcaption', 'figure', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li',
  'main', 'nav', 'ol', 'p', 'pre', 'section', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead',
  'tr', 'ul',
]);

/**
 * The text a reader sees in sanitized HTML, one line per block, for full-text search.
 * sanitize-html hands textFilter its own escaping of the text (only &, < and > escaped), so
 * undoing those three gives the text back.
 */
export function plainTextOf(sanitizedHtml: string): string {
  const pieces: string[] = [];
  // Our embed boxes are inline elements shown as blocks; onCloseTag gets no attributes.
  const openBlocks: boolean[] = [];
  sanitizeHtml(sanitizedHtml, {
    allowedTags: [],
    allowedAttributes: {},
    parseStyleAttributes: false,
    onOpenTag: (name, attribs) => {
      const block = BLOCKS.has(name) || (attribs['class'] ?? '').split(' ').includes('ta-embed');
      openBlocks.push(block);
      if (block) pieces.push('\n');
    },
    onCloseTag: () => {
      if (openBlocks.pop()) pieces.push('\n');
    },
    textFilter: (text) => {
      pieces.push(text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'));
      return '';
    },
  });
  return pieces.join('')
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}
