/**
 * One path component: from a hostile name to parts that are safe to show, then to a component
 * that fits the limits of every disk the archive may be extracted to.
 */
import { REMOVED, hasUnsafeCharacter, replaceUnsafeCharacters } from './name-characters.ts';
import { codePointCuts, codePointLength, countFitting, graphemeCuts, isAscii, isWellFormedNfc, utf8ByteLength } from './name-measure.ts';
import { needsProtectivePrefix } from './platform-reserved-names.ts';

/** ext4, NTFS and APFS all stop at 255 (bytes or UTF-16 units); 80 keeps names readable. */
export const MAX_COMPONENT_BYTES = 255;
export const MAX_COMPONENT_CODE_POINTS = 80;
/** HFS+ stores names decomposed and allows 255 UTF-16 units of that. */
const MAX_COMPONENT_NFD_UNITS = 255;
const MAX_EXTENSION_CODE_POINTS = 10;
/** Longer input is never shown whole, and a cap keeps hostile megabyte names cheap. */
const MAX_INPUT_UNITS = 4096;

export interface ComponentLimits {
  readonly maxCodePoints: number;
  /** UTF-16 units, what Windows counts towards MAX_PATH. */
  readonly maxUnits: number;
}

export const COMPONENT_LIMITS: ComponentLimits = {
  maxCodePoints: MAX_COMPONENT_CODE_POINTS,
  maxUnits: Number.POSITIVE_INFINITY,
};

export interface NameParts {
  /** Safe text before the extension; never empty. */
  readonly stem: string;
  /** `''` or a dot and 1 to 10 letters or digits, e.g. `.jpg`. */
  readonly extension: string;
  /** Used when nothing of the stem fits. */
  readonly fallbackStem: string;
}

const EXTENSION = new RegExp(`^[\\p{L}\\p{M}\\p{N}]{1,${MAX_EXTENSION_CODE_POINTS}}$`, 'u');
const LEADING_SPACE = /^\p{White_Space}+/u;
// Windows drops trailing dots and spaces, so `a.` and `a` would be one file.
const SPACE_OR_DOT = /^[\p{White_Space}.]$/u;

/**
 * `text` without its trailing white space and dots. Looked at from the end: a regular expression
 * anchored at the end tries every position from the start, the slowest step of naming an item.
 * Every White_Space character is one UTF-16 unit.
 */
function withoutTrailingSpaceOrDot(text: string): string {
  let end = text.length;
  while (end > 0 && SPACE_OR_DOT.test(text.charAt(end - 1))) end -= 1;
  return end === text.length ? text : text.slice(0, end);
}

const TRAILING_JOINERS = /[\u200C\u200D]+$/u;
const HAS_CONTENT = /[^\uFDD0.\p{White_Space}]/u;

function boundedInput(raw: string): string {
  if (raw.length <= MAX_INPUT_UNITS) return raw;
  // Keep the head (what is shown) and the tail (the extension); the gap reads as one `_`.
  return `${raw.slice(0, MAX_INPUT_UNITS / 2)}${REMOVED}${raw.slice(-32)}`;
}

/** NFC, unsafe runs marked with REMOVED, outer spaces and trailing dots gone. */
function cleanText(raw: string): string {
  const bounded = boundedInput(raw);
  // ASCII is NFC already, and stays so with REMOVED (U+FDD0, a noncharacter that composes with nothing) in it.
  const marked = isAscii(bounded) ? replaceUnsafeCharacters(bounded, REMOVED) : replaceUnsafeCharacters(bounded.normalize('NFC'), REMOVED).normalize('NFC');
  return withoutTrailingSpaceOrDot(marked.replace(LEADING_SPACE, ''));
}

function splitExtension(text: string): { stem: string; extension: string } {
  const dot = text.lastIndexOf('.');
  const stem = text.slice(0, Math.max(dot, 0));
  const extension = text.slice(dot + 1);
  if (dot <= 0 || !EXTENSION.test(extension) || !/[^.]/u.test(stem)) return { stem: text, extension: '' };
  return { stem, extension: `.${extension}` };
}

function shown(text: string): string {
  return text.includes(REMOVED) ? text.replaceAll(REMOVED, '_') : text;
}

/** At most `maxCodePoints` of `text`, cut between grapheme clusters and tidied. */
export function shortened(text: string, maxCodePoints: number): string {
  if (codePointLength(text) <= maxCodePoints) return text;
  const cuts = graphemeCuts(text, maxCodePoints);
  const cut = cuts[cuts.length - 1] ?? 0;
  return cut === text.length ? text : tidyCut(text.slice(0, cut));
}

/** The stem of `raw` if anything readable is left of it, else undefined. */
export function cleanStem(raw: string): string | undefined {
  const text = cleanText(raw);
  return HAS_CONTENT.test(text) ? shown(text) : undefined;
}

export function nameParts(raw: string, fallback: string, options: { splitExtension: boolean }): NameParts {
  const text = cleanText(raw);
  const { stem, extension } = options.splitExtension ? splitExtension(text) : { stem: text, extension: '' };
  const fallbackStem = cleanStem(fallback) ?? '_';
  return {
    stem: HAS_CONTENT.test(stem) ? shown(stem) : fallbackStem,
    extension,
    fallbackStem,
  };
}

function fitsLimits(text: string, limits: ComponentLimits): boolean {
  if (isAscii(text)) return text.length <= limits.maxUnits && text.length <= limits.maxCodePoints && text.length <= MAX_COMPONENT_BYTES;
  return (
    text.length <= limits.maxUnits &&
    codePointLength(text) <= limits.maxCodePoints &&
    utf8ByteLength(text) <= MAX_COMPONENT_BYTES &&
    text.normalize('NFD').length <= MAX_COMPONENT_NFD_UNITS
  );
}

/** Every rule for one component except collisions. */
export function isSafeComponent(component: string, limits: ComponentLimits): boolean {
  return (
    component !== '' &&
    /[^.]/u.test(component) &&
    isWellFormedNfc(component) &&
    !hasUnsafeCharacter(component) &&
    !LEADING_SPACE.test(component) &&
    !SPACE_OR_DOT.test(component.charAt(component.length - 1)) &&
    !needsProtectivePrefix(component) &&
    fitsLimits(component, limits)
  );
}

function finish(candidate: string, limits: ComponentLimits): string | undefined {
  const normalized = candidate.normalize('NFC');
  const component = needsProtectivePrefix(normalized) ? `_${normalized}` : normalized;
  return isSafeComponent(component, limits) ? component : undefined;
}

/** A cut can strand a joiner or half a flag's tags at the end; tidy what the cut left. */
function tidyCut(prefix: string): string {
  return withoutTrailingSpaceOrDot(replaceUnsafeCharacters(prefix.replace(TRAILING_JOINERS, ''), '_'));
}

function withStem(stem: string, tail: string, extension: string, limits: ComponentLimits): string | undefined {
  const fixed = tail + extension;
  if (fitsLimits(stem + fixed, limits)) {
    const whole = finish(stem + fixed, limits);
    if (whole !== undefined) return whole;
  }
  const room = limits.maxCodePoints - codePointLength(fixed);
  if (room < 1) return undefined;
  for (const cuts of [graphemeCuts(stem, room), codePointCuts(stem, room)]) {
    const fitting = countFitting(stem, cuts, (prefix) => fitsLimits(prefix + fixed, limits));
    for (let index = fitting - 1; index >= 0; index -= 1) {
      const cut = cuts[index] ?? 0;
      const prefix = cut === stem.length ? stem : tidyCut(stem.slice(0, cut));
      const component = finish(prefix + fixed, limits);
      if (component !== undefined) return component;
    }
  }
  return undefined;
}

/**
 * `stem + tail + extension`, the stem shortened first so the extension and the tail (a
 * tie-breaker such as ` (i-a5)`) survive; undefined when even the fallbacks do not fit.
 */
export function composeComponent(parts: NameParts, tail: string, limits: ComponentLimits): string | undefined {
  for (const stem of [parts.stem, parts.fallbackStem, '_']) {
    const component = withStem(stem, tail, parts.extension, limits);
    if (component !== undefined) return component;
  }
  const bareTail = tail.trimStart();
  if (bareTail === '') return undefined;
  return finish(bareTail + parts.extension, limits) ?? finish(bareTail, limits);
}
