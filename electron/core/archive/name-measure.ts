/** Lengths, cuts and comparison keys for names, in the units each file system counts. */

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });
// Printable ASCII, Latin-1 and Latin Extended, Greek, Cyrillic without its combining marks, CJK
// ideographs: no character here joins the one before or after it into a grapheme cluster.
const SINGLE_CODE_POINT_CLUSTERS = /^[\u0020-\u007E\u00A0-\u00AC\u00AE-\u024F\u0370-\u03FF\u0400-\u0482\u048A-\u04FF\u4E00-\u9FFF]*$/u;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function hasLoneSurrogate(text: string): boolean {
  return LONE_SURROGATE.test(text);
}

export function codePointLength(text: string): number {
  let count = 0;
  for (const _ of text) count += 1;
  return count;
}

export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (const c of text) {
    const code = c.codePointAt(0) ?? 0;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

/**
 * Offsets where `text` may be cut, each after a grapheme cluster (so an accent, a skin tone or a
 * family emoji is never split), shortest first, up to `maxCodePoints` code points.
 */
export function graphemeCuts(text: string, maxCodePoints: number): number[] {
  // Segmenting costs about a microsecond a cluster; in most names every code point is one.
  if (SINGLE_CODE_POINT_CLUSTERS.test(text.slice(0, maxCodePoints + 1))) {
    return Array.from({ length: Math.min(text.length, maxCodePoints) }, (_, index) => index + 1);
  }
  const cuts: number[] = [];
  let count = 0;
  for (const { segment, index } of graphemes.segment(text)) {
    count += codePointLength(segment);
    if (count > maxCodePoints) break;
    cuts.push(index + segment.length);
  }
  return cuts;
}

/** Offsets between code points, for text buried under so many combining marks that no cluster fits. */
export function codePointCuts(text: string, maxCodePoints: number): number[] {
  const cuts: number[] = [];
  let offset = 0;
  for (const c of text) {
    if (cuts.length >= maxCodePoints) break;
    offset += c.length;
    cuts.push(offset);
  }
  return cuts;
}

/** How many of `cuts` (shortest first) give a prefix that `fits`, for a `fits` that only gets harder. */
export function countFitting(text: string, cuts: readonly number[], fits: (prefix: string) => boolean): number {
  let low = 0;
  let high = cuts.length;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (fits(text.slice(0, cuts[middle - 1]))) low = middle;
    else high = middle - 1;
  }
  return low;
}

/**
 * Two names with the same key may land on the same file on some disk: NTFS and APFS/HFS+ ignore
 * case, HFS+ and APFS ignore normalization, APFS folds ß to ss. Folding more than a disk does (ſ
 * and s, ı and i) only costs a tie-breaker; folding less would overwrite a file.
 */
export function collisionKey(name: string): string {
  return name.normalize('NFC').toLowerCase().toUpperCase().toLowerCase().normalize('NFC');
}
