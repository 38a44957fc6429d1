/**
 * Names from the platform (titles and file names in any script, or none, and sometimes hostile)
 * turned into ZIP entry paths that extract the same on Windows, macOS and Linux, years later.
 */
import { COMPONENT_LIMITS, composeComponent, nameParts } from './component-name.ts';
import { replaceUnsafeCharacters } from './name-characters.ts';

export { createEntryNamer, type EntryNamer, type EntryNamerOptions } from './entry-namer.ts';
export { DEFAULT_MAX_PATH_LENGTH, isSafeEntryPath } from './entry-path-rules.ts';

/** Leaves room for the folder a person extracts into, and for a ` (2)` their browser may add. */
const MAX_ARCHIVE_FILE_NAME_LENGTH = 120;

/** One safe path component for `name`, or for `fallback` when nothing of `name` is left. No collision handling. */
export function safeComponent(name: string, fallback: string): string {
  const component = composeComponent(nameParts(name, fallback, { splitExtension: true }), '', COMPONENT_LIMITS);
  if (component === undefined) throw new Error(`Internal error: no safe name for ${JSON.stringify(name)}; please report it.`);
  return component;
}

/**
 * The file name of an archive on the person's disk: `title` made safe and shortened so that
 * `title + suffix` is at most 120 characters, e.g. `Our Rivers part 1 of 3.zip`.
 */
export function safeArchiveFileName(title: string, suffix: string, fallback: string): string {
  const tail = replaceUnsafeCharacters(suffix.normalize('NFC'), '_').replace(/[\p{White_Space}.]+$/u, '');
  const limits = { maxCodePoints: MAX_ARCHIVE_FILE_NAME_LENGTH, maxUnits: MAX_ARCHIVE_FILE_NAME_LENGTH };
  const name = composeComponent(nameParts(title, fallback, { splitExtension: false }), tail, limits);
  if (name === undefined) {
    throw new RangeError(`The archive name suffix ${JSON.stringify(suffix)} is too long; keep it under 100 characters.`);
  }
  return name;
}
