import {
  COMPONENT_LIMITS,
  MAX_COMPONENT_CODE_POINTS,
  cleanStem,
  composeComponent,
  nameParts,
  shortened,
  type NameParts,
} from './component-name.ts';
import { DEFAULT_MAX_PATH_LENGTH, isSafeEntryPath } from './entry-path-rules.ts';
import { collisionKey } from './name-measure.ts';

export interface EntryNamer {
  /**
   * Claims a unique safe path for a file under folder components (raw, they are made safe too),
   * named `name`, tie-broken by `tieBreaker` (an item id). Deterministic: the same sequence of
   * calls gives the same paths. The same raw folder name under the same parent is the same
   * folder; two raw names that come out alike get two folders (`Rivers`, `rivers (2)`).
   */
  claim(folders: readonly string[], name: string, tieBreaker: string): string;
  /** Whether `path` (a file or a folder) is taken, compared as a case-insensitive disk would. */
  has(path: string): boolean;
}

export interface EntryNamerOptions {
  /** Default 160 UTF-16 units; at least 40. */
  readonly maxPathLength?: number;
  /** Paths already taken, e.g. `index.html`, `manifest.json`; they must be safe entry paths. */
  readonly reserved?: readonly string[];
}

interface Folder {
  readonly path: string;
  readonly depth: number;
  /** What is taken in this folder, by collision key; files and folders share the namespace. */
  readonly entries: Map<string, Entry>;
  /** Folders made by `claim`, by their raw name, so the same raw name finds the same folder. */
  readonly byRawName: Map<string, Folder>;
}

type Entry = { readonly kind: 'file' } | { readonly kind: 'folder'; readonly folder: Folder };

const MIN_MAX_PATH_LENGTH = 40;
/**
 * A folder's name is fixed by the first file put in it, so folders leave room for the files and
 * subfolders still to come: 48 units for a file name, and 17 for each level up to the third
 * (space, section, item). Deeper folders, or folders under long ones, may then take all but
 * 24 units of file room.
 */
const FILE_ROOM = 48;
const LAST_RESORT_FILE_ROOM = 24;
const PLANNED_DEPTH = 3;
const LEVEL_ROOM = 17;
/** Folders are shortened to 16 units first, and only then down to 6, room for `_ (99)` or `(9999)`. */
const FOLDER_FLOORS = [16, 6] as const;
const MIN_FOLDER_ROOM = 6;
const MAX_TIE_BREAKER_CODE_POINTS = 24;
const MAX_COUNTER_ATTEMPTS = 100_000;

function newFolder(path: string, depth: number): Folder {
  return { path, depth, entries: new Map(), byRawName: new Map() };
}

function join(folderPath: string, component: string): string {
  return folderPath === '' ? component : `${folderPath}/${component}`;
}

function separatorLength(folderPath: string): number {
  return folderPath === '' ? 0 : 1;
}

/**
 * Lengths for new nested folders under `parent` so that the path of each stays within the limit
 * for its depth: the deepest folder gives way first, then its parents.
 */
function folderBudgets(desired: readonly number[], parent: Folder, limitAt: (depth: number) => number): number[] | undefined {
  // A short name still needs room for a ` (2)` should it collide.
  const budgets = desired.map((length) => Math.max(length, MIN_FOLDER_ROOM));
  const excessAt = (index: number) => {
    let length = parent.path.length;
    for (let i = 0; i <= index; i += 1) length += (i === 0 ? separatorLength(parent.path) : 1) + (budgets[i] ?? 0);
    return length - limitAt(parent.depth + index + 1);
  };
  const worstExcessFrom = (index: number) => Math.max(...budgets.slice(index).map((_, offset) => excessAt(index + offset)));
  for (const floor of FOLDER_FLOORS) {
    for (let index = budgets.length - 1; index >= 0; index -= 1) {
      const budget = budgets[index] ?? 0;
      const cut = Math.min(budget - floor, worstExcessFrom(index));
      if (cut > 0) budgets[index] = budget - cut;
    }
  }
  return worstExcessFrom(0) <= 0 ? budgets : undefined;
}

export function createEntryNamer(options: EntryNamerOptions = {}): EntryNamer {
  const maxPathLength = options.maxPathLength ?? DEFAULT_MAX_PATH_LENGTH;
  if (!Number.isInteger(maxPathLength) || maxPathLength < MIN_MAX_PATH_LENGTH) {
    throw new RangeError(`maxPathLength must be a whole number of at least ${MIN_MAX_PATH_LENGTH}, not ${maxPathLength}.`);
  }
  const maxFolderPath = maxPathLength - 1 - Math.min(FILE_ROOM, Math.floor(maxPathLength / 3));
  const levelRoom = Math.min(LEVEL_ROOM, Math.floor(maxFolderPath / (2 * PLANNED_DEPTH)));
  const plannedLimit = (depth: number) => maxFolderPath - levelRoom * Math.max(0, PLANNED_DEPTH - depth);
  const lastResortLimit = () => maxPathLength - 1 - Math.min(LAST_RESORT_FILE_ROOM, Math.floor(maxPathLength / 4));
  const root = newFolder('', 0);
  const nextCounter = new Map<string, number>();

  for (const path of options.reserved ?? []) reserve(path);

  function reserve(path: string): void {
    if (!isSafeEntryPath(path, { maxPathLength })) {
      throw new TypeError(`The reserved archive path ${JSON.stringify(path)} is not a safe entry path; choose a plain short name.`);
    }
    const components = path.split('/');
    let folder = root;
    components.forEach((component, index) => {
      const key = collisionKey(component);
      const entry = folder.entries.get(key);
      const isLast = index === components.length - 1;
      if (isLast && entry?.kind !== 'folder') {
        folder.entries.set(key, { kind: 'file' });
      } else if (!isLast && entry?.kind === 'folder') {
        folder = entry.folder;
      } else if (!isLast && entry === undefined) {
        const child = newFolder(join(folder.path, component), folder.depth + 1);
        folder.entries.set(key, { kind: 'folder', folder: child });
        folder = child;
      } else {
        throw new TypeError(`The reserved archive path ${JSON.stringify(path)} is both a file and a folder; reserve it once.`);
      }
    });
  }

  /** The first of `name`, `name (label)`, `name (label, 2)`, ... that fits and is free. */
  // The counter's key is built only when the plain names are taken: most names never need it.
  function firstFree(folder: Folder, parts: NameParts, label: string, maxUnits: number, counterKeyOf: () => string): string {
    const limits = { maxCodePoints: MAX_COMPONENT_CODE_POINTS, maxUnits };
    const isFree = (component: string | undefined): component is string =>
      component !== undefined && !folder.entries.has(collisionKey(component));
    const plain = composeComponent(parts, '', limits);
    if (isFree(plain)) return plain;
    if (label !== '') {
      const labelled = composeComponent(parts, ` (${label})`, limits);
      if (isFree(labelled)) return labelled;
    }
    const counterKey = counterKeyOf();
    const start = nextCounter.get(counterKey) ?? 2;
    for (let counter = start; counter < start + MAX_COUNTER_ATTEMPTS; counter += 1) {
      const component =
        (label === '' ? undefined : composeComponent(parts, ` (${label}, ${counter})`, limits)) ??
        composeComponent(parts, ` (${counter})`, limits);
      if (component === undefined) break;
      if (isFree(component)) {
        nextCounter.set(counterKey, counter + 1);
        return component;
      }
    }
    throw new RangeError(
      `No free name for ${JSON.stringify(parts.stem + parts.extension)} fits in ${maxUnits} characters under ${JSON.stringify(folder.path)}; use shorter folder names.`,
    );
  }

  function createFolder(parent: Folder, rawName: string, parts: NameParts, maxUnits: number): Folder {
    const component = firstFree(parent, parts, '', maxUnits, () => `folder\u0000${parent.path}\u0000${collisionKey(parts.stem)}`);
    const folder = newFolder(join(parent.path, component), parent.depth + 1);
    parent.entries.set(collisionKey(component), { kind: 'folder', folder });
    parent.byRawName.set(rawName, folder);
    return folder;
  }

  function createFolders(parent: Folder, rawNames: readonly string[]): Folder {
    const newParts = rawNames.map((raw) => nameParts(raw, '_', { splitExtension: false }));
    const desired = newParts.map((parts) => composeComponent(parts, '', COMPONENT_LIMITS)?.length ?? 1);
    let limitAt: (depth: number) => number = plannedLimit;
    let budgets = folderBudgets(desired, parent, limitAt);
    if (budgets === undefined) {
      limitAt = lastResortLimit;
      budgets = folderBudgets(desired, parent, limitAt);
    }
    if (budgets === undefined) {
      throw new RangeError(
        `${parent.depth + rawNames.length} nested folders do not fit in an archive path of ${maxPathLength} characters; nest fewer folders.`,
      );
    }
    const plan = budgets;
    let folder = parent;
    newParts.forEach((parts, index) => {
      // This folder may use whatever the deeper new folders leave, e.g. for a ` (2)`.
      let maxUnits = Number.POSITIVE_INFINITY;
      let deeper = 0;
      for (let k = index; k < plan.length; k += 1) {
        if (k > index) deeper += 1 + (plan[k] ?? 0);
        const room = limitAt(folder.depth + 1 + k - index) - folder.path.length - separatorLength(folder.path) - deeper;
        maxUnits = Math.min(maxUnits, room);
      }
      folder = createFolder(folder, rawNames[index] ?? '', parts, maxUnits);
    });
    return folder;
  }

  function claim(folders: readonly string[], name: string, tieBreaker: string): string {
    const rawNames = folders.map((raw) => raw.normalize('NFC'));
    let folder = root;
    let depth = 0;
    for (let found = root.byRawName.get(rawNames[0] ?? ''); found !== undefined && depth < rawNames.length; ) {
      folder = found;
      depth += 1;
      found = depth < rawNames.length ? folder.byRawName.get(rawNames[depth] ?? '') : undefined;
    }
    if (depth < rawNames.length) folder = createFolders(folder, rawNames.slice(depth));

    const parts = nameParts(name, tieBreaker, { splitExtension: true });
    const label = shortened(cleanStem(tieBreaker) ?? '', MAX_TIE_BREAKER_CODE_POINTS);
    const maxUnits = maxPathLength - folder.path.length - separatorLength(folder.path);
    const counterKey = () => `file\u0000${folder.path}\u0000${collisionKey(parts.stem + parts.extension)}\u0000${label}`;
    const component = firstFree(folder, parts, label, maxUnits, counterKey);
    folder.entries.set(collisionKey(component), { kind: 'file' });
    const path = join(folder.path, component);
    if (!isSafeEntryPath(path, { maxPathLength })) {
      throw new Error(`Internal error: the archive path ${JSON.stringify(path)} breaks the naming rules; please report it.`);
    }
    return path;
  }

  function has(path: string): boolean {
    const components = path.endsWith('/') ? path.slice(0, -1).split('/') : path.split('/');
    let folder = root;
    for (const [index, component] of components.entries()) {
      const entry = folder.entries.get(collisionKey(component));
      if (entry === undefined) return false;
      if (index === components.length - 1) return true;
      if (entry.kind !== 'folder') return false;
      folder = entry.folder;
    }
    return false;
  }

  return { claim, has };
}
