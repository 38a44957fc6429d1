/**
 * Which code points may stand in an archive entry name. Most are decided alone; joiners and tag
 * characters are decided by their neighbours, so emoji sequences and Persian or Indic words keep
 * their meaning while stray invisible characters cannot make a name lie.
 */

/** Stands for a removed run while a name is cleaned; a noncharacter, so none survives from the input. */
export const REMOVED = '\uFDD0';

const ZWNJ = '\u200C';
const ZWJ = '\u200D';
const CANCEL_TAG = '\u{E007F}';

// Windows refuses <>:"|?*\ and controls; / is our separator. Format characters, bidi controls,
// line separators and other default-ignorables render as nothing (or reorder text), and
// noncharacters and lone surrogates are not text at all. Joiners, tags and variation selectors
// are in here too and get a second look: a string with no match is safe as it is.
const SUSPECT =
  /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}\p{Noncharacter_Code_Point}<>:"|?*\\/]/u;
// Variation selectors are default-ignorable but pick emoji or ideograph presentation.
const VARIATION_SELECTOR = /\p{Variation_Selector}/u;
const TAG = /[\u{E0020}-\u{E007F}]/u;
const TAG_SPEC = /[\u{E0020}-\u{E007E}]/u;
const PICTOGRAPH = /\p{Extended_Pictographic}/u;
const BEFORE_EMOJI_JOINER = /[\p{Extended_Pictographic}\p{Emoji_Modifier}\uFE0F\u{E007F}]/u;
const LETTER_OR_MARK = /[\p{L}\p{M}]/u;
// Scripts whose spelling uses ZWNJ/ZWJ between letters (Persian, Urdu, Hindi, Bengali, ...).
const JOINING_SCRIPT =
  /[\p{scx=Arabic}\p{scx=Syriac}\p{scx=Nko}\p{scx=Mongolian}\p{scx=Devanagari}\p{scx=Bengali}\p{scx=Gurmukhi}\p{scx=Gujarati}\p{scx=Oriya}\p{scx=Tamil}\p{scx=Telugu}\p{scx=Kannada}\p{scx=Malayalam}\p{scx=Sinhala}]/u;

function isContextual(c: string): boolean {
  return c === ZWJ || c === ZWNJ || TAG.test(c);
}

function isSafeAlone(c: string): boolean {
  return !SUSPECT.test(c) || VARIATION_SELECTOR.test(c);
}

function isJoiningLetter(c: string | undefined): boolean {
  return c !== undefined && !isContextual(c) && isSafeAlone(c) && LETTER_OR_MARK.test(c) && JOINING_SCRIPT.test(c);
}

/** For each code point of `codePoints`, whether it must go. */
export function unsafeMask(codePoints: readonly string[]): boolean[] {
  const unsafe: boolean[] = [];
  for (let i = 0; i < codePoints.length; i += 1) {
    const c = codePoints[i] ?? '';
    if (!SUSPECT.test(c)) {
      unsafe.push(false);
      continue;
    }
    const previous = codePoints[i - 1];
    const previousSafe = i > 0 && unsafe[i - 1] === false;
    const next = codePoints[i + 1];
    if (c === ZWJ) {
      const emojiJoin =
        previousSafe &&
        previous !== undefined &&
        BEFORE_EMOJI_JOINER.test(previous) &&
        next !== undefined &&
        PICTOGRAPH.test(next);
      unsafe.push(!(emojiJoin || (previousSafe && isJoiningLetter(previous) && isJoiningLetter(next))));
    } else if (c === ZWNJ) {
      unsafe.push(!(previousSafe && isJoiningLetter(previous) && isJoiningLetter(next)));
    } else if (TAG.test(c)) {
      // A tag run is kept only as an emoji tag sequence (the flags of Scotland, Wales, ...).
      let end = i;
      while (end < codePoints.length && TAG.test(codePoints[end] ?? '')) end += 1;
      const run = codePoints.slice(i, end);
      const isFlag =
        previousSafe &&
        previous !== undefined &&
        PICTOGRAPH.test(previous) &&
        run.length >= 2 &&
        run[run.length - 1] === CANCEL_TAG &&
        run.slice(0, -1).every((tag) => TAG_SPEC.test(tag));
      for (let j = i; j < end; j += 1) unsafe.push(!isFlag);
      i = end - 1;
    } else {
      unsafe.push(!isSafeAlone(c));
    }
  }
  return unsafe;
}

export function hasUnsafeCharacter(text: string): boolean {
  return SUSPECT.test(text) && unsafeMask(Array.from(text)).includes(true);
}

/** Replaces each run of unsafe code points with one `replacement`. */
export function replaceUnsafeCharacters(text: string, replacement: string): string {
  if (!SUSPECT.test(text)) return text;
  const codePoints = Array.from(text);
  const unsafe = unsafeMask(codePoints);
  let result = '';
  for (let i = 0; i < codePoints.length; i += 1) {
    if (!unsafe[i]) result += codePoints[i] ?? '';
    else if (i === 0 || !unsafe[i - 1]) result += replacement;
  }
  return result;
}
