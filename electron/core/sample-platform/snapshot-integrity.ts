import type { Snapshot } from './snapshot-schema.ts';

/**
 * The checks a schema cannot express: unique ids, references between accounts, spaces and
 * items, and file fields that must survive being put in a URL or an HTTP header.
 */

const HEADER_VALUE = /^[\t\x20-\x7e]{1,255}$/;
const BASE64 = /^[A-Za-z0-9+/\s]*={0,2}\s*$/;

function firstDuplicate(values: readonly string[]): string | null {
  const seen = new Set<string>();
  for (const value of values) {
    if (seen.has(value)) return value;
    seen.add(value);
  }
  return null;
}

function encodable(text: string): boolean {
  try {
    encodeURIComponent(text);
    return true;
  } catch {
    return false;
  }
}

/** The first referential problem of the snapshot, as a phrase, or null when there is none. */
export function findSnapshotProblem(snapshot: Snapshot): string | null {
  const accountId = firstDuplicate(snapshot.accounts.map((account) => account.id));
  if (accountId !== null) return `two accounts have the id "${accountId}"`;
  const login = firstDuplicate(snapshot.accounts.map((account) => account.login));
  if (login !== null) return `two accounts have the login "${login}"`;
  const spaceId = firstDuplicate(snapshot.spaces.map((space) => space.id));
  if (spaceId !== null) return `two spaces have the id "${spaceId}"`;
  const itemId = firstDuplicate(snapshot.items.map((item) => item.id));
  if (itemId !== null) return `two items have the id "${itemId}"`;

  const accounts = new Set(snapshot.accounts.map((account) => account.id));
  for (const [index, space] of snapshot.spaces.entries()) {
    const stranger = space.members.find((member) => !accounts.has(member));
    if (stranger !== undefined) {
      return `spaces[${index}] ("${space.id}") has member "${stranger}", which is not an account`;
    }
  }

  const spaces = new Set(snapshot.spaces.map((space) => space.id));
  for (const [index, item] of snapshot.items.entries()) {
    const where = `items[${index}] ("${item.id}")`;
    if (!encodable(item.id)) return `${where} has an id that is not valid Unicode`;
    if (item.space !== null && !spaces.has(item.space)) {
      return `${where} is in space "${item.space}", which is not a space of the snapshot`;
    }
    const file = item.file;
    if (file === undefined) continue;
    if (file.name === '' || !encodable(file.name)) {
      return `${where} has a file name that is empty or not valid Unicode`;
    }
    if (!HEADER_VALUE.test(file.mediaType)) {
      return `${where} has a media type that cannot be sent in an HTTP header`;
    }
    if (file.content.kind === 'base64' && !BASE64.test(file.content.data)) {
      return `${where} has file data that is not base64`;
    }
    if (file.content.kind === 'generated' && !Number.isSafeInteger(file.content.size)) {
      return `${where} has a generated file size that is too large`;
    }
  }
  return null;
}
