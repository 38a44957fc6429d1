/** Lengths, cuts and comparison keys for names, in the units each file system counts. */

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });
// Printable ASCII, Latin-1 and Latin Extended, Greek, Cyrillic without its combining marks, CJK
// ideographs: no character here joins the one before or after it into a grapheme cluster.
const SINGLE_CODE_POINT_CLUSTERS = /^[\u0020-\u007E\u00A0-\u00AC\u00AE-\u024F\u0370-\u03FF\u0400-\u0482\u048A-\u04FF\u4E00-\u9FFF]*$/u;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function hasLoneSurrogate(text: string): boolean {
  return LONE_SURROGATE.test(text);
}

/** Whether `text` is valid UTF-16 (no lone surrogate) in NFC: always so for ASCII, which needs no look. */
export function isWellFormedNfc(text: string): boolean {
  return isAscii(text) || (!hasLoneSurrogate(text) && text === text.normalize('NFC'));
}

const isHighSurrogate = (unit: number) => unit >= 0xd800 && unit <= 0xdbff;
const isLowSurrogate = (unit: number) => unit >= 0xdc00 && unit <= 0xdfff;

// By UTF-16 unit rather than `for…of`: naming 70,000 items measures names a million times, and
// the iterator made a string of every code point. A lone surrogate counts as one code point.
export function codePointLength(text: string): number {
  let count = text.length;
  for (let index = 0; index < text.length - 1; index += 1) {
    if (isHighSurrogate(text.charCodeAt(index)) && isLowSurrogate(text.charCodeAt(index + 1))) {
      count -= 1;
      index += 1;
    }
  }
  return count;
}

/** Bytes in UTF-8; a lone surrogate counts 3, as the replacement character it is written as. */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let index = 0; index < text.length; index += 1) {
    const unit = text.charCodeAt(index);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (isHighSurrogate(unit) && index + 1 < text.length && isLowSurrogate(text.charCodeAt(index + 1))) {
      bytes += 4;
      index += 1;
    } else bytes += 3;
  }
  return bytes;
}

/** Whether every character is ASCII: then the text is NFC and NFD, one unit per code point and one byte per unit. */
export function isAscii(text: string): boolean {
  // A loop over the units: a /u regular expression for this costs several times more.
  for (let index = 0; index < text.length; index += 1) if (text.charCodeAt(index) > 0x7f) return false;
  return true;
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
  // In ASCII the folds below come down to lower case.
  if (isAscii(name)) return name.toLowerCase();
  return name.normalize('NFC').toLowerCase().toUpperCase().toLowerCase().normalize('NFC');
}
