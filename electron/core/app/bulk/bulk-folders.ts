import path from 'node:path';
import { safeComponent } from '../../archive/entry-names.ts';
import { collisionKey } from '../../archive/name-measure.ts';
import { BULK_REPORT_FILE_NAMES } from '../../jobs/bulk/bulk-report-files.ts';

const FALLBACK = 'colleague';
const RESERVED = new Set(BULK_REPORT_FILE_NAMES.map(collisionKey));

export interface NamedFolder {
  folder: string;
  /** Who it belongs to, for the message about a clash. */
  name: string;
}

/**
 * A readable folder for a colleague, named after them (their login when the platform gives no
 * name), safe on Windows, macOS and Linux, and not one another colleague already has.
 */
export function defaultFolder(name: string, login: string, taken: readonly string[]): string {
  const base = safeComponent(name.trim() === '' ? login : name, FALLBACK);
  const keys = new Set(taken.map(collisionKey));
  let candidate = base;
  for (let number = 2; keys.has(collisionKey(candidate)) || RESERVED.has(collisionKey(candidate)); number += 1) {
    candidate = safeComponent(`${base} ${number}`, FALLBACK);
  }
  return candidate;
}

/**
 * A folder a person typed, under the run's destination: written with `/` or `\`, each part made
 * a safe name (what cannot be one everywhere becomes `_`). It may not leave the destination.
 */
export function checkFolder(typed: string): { folder: string } | { problem: string } {
  const value = typed.trim();
  const shown = value.replace(/[\p{Cc}\p{Cf}]/gu, '\uFFFD');
  if (path.posix.isAbsolute(value) || path.win32.isAbsolute(value) || /^[A-Za-z]:/.test(value)) {
    return { problem: `“${shown}” is a full path: give just a folder name, which goes under the destination folder.` };
  }
  const parts = value.split(/[\\/]+/).map((part) => part.trim()).filter((part) => part !== '' && part !== '.');
  if (parts.some((part) => /^\.{2,}$/.test(part))) {
    return { problem: `“${shown}” contains “..”: give a folder name inside the destination folder, not a way out of it.` };
  }
  if (parts.length === 0) return { problem: 'The folder name is empty: give each colleague a folder name.' };
  const folder = parts.map((part) => safeComponent(part, FALLBACK)).join('/');
  if (RESERVED.has(collisionKey(folder))) {
    return { problem: `“${folder}” is the name of the run report: choose another folder name.` };
  }
  return { folder };
}

/** Two colleagues in one folder, or one inside another's, would mix their archives: the sentence saying so. */
export function folderClash(folder: string, others: readonly NamedFolder[]): string | null {
  const key = collisionKey(folder);
  for (const other of others) {
    const otherKey = collisionKey(other.folder);
    if (otherKey === key) {
      return `The folder “${folder}” is already ${other.name}’s (names are compared without regard to case): give each colleague a folder of their own.`;
    }
    if (key.startsWith(`${otherKey}/`) || otherKey.startsWith(`${key}/`)) {
      return `The folder “${folder}” and ${other.name}’s folder “${other.folder}” lie one inside the other: give each colleague a folder of their own.`;
    }
  }
  return null;
}
