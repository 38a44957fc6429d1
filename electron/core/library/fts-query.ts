const MAX_TERMS = 32;
const MAX_TERM_LENGTH = 128;
const HAS_WORD_CHARACTER = /[\p{L}\p{N}]/u;

/**
 * Turns what a person typed into an FTS5 query that cannot be a syntax error: every word becomes
 * a quoted phrase (so `AND`, `NEAR(`, `-`, `:` and `*` are just text), the last one a prefix so
 * results follow the typing. Words without a letter or digit are dropped: the tokenizer would
 * make empty phrases of them. Returns null when nothing searchable is left.
 */
export function toFtsQuery(input: string): string | null {
  const words = input
    .normalize('NFC')
    // FTS5 reads a NUL as the end of the query, leaving a quote open; no control character means anything here.
    .replace(/\p{Cc}/gu, ' ')
    .split(/\s+/u)
    .filter((word) => HAS_WORD_CHARACTER.test(word))
    .slice(0, MAX_TERMS)
    // By code point, so an emoji is never cut into a lone surrogate.
    .map((word) => Array.from(word).slice(0, MAX_TERM_LENGTH).join(''));
  if (words.length === 0) return null;
  return words.map((word, index) => `"${word.replaceAll('"', '""')}"${index === words.length - 1 ? '*' : ''}`).join(' ');
}
