import type { ScanResult, ScannedItem, ScannedSpace } from '../../../../shared/inventory.ts';
import { createEntryNamer, safeArchiveFileName, type EntryNamer } from '../entry-names.ts';
import { collisionKey } from '../name-measure.ts';
import { INDEX_ENTRY, MANIFEST_ENTRY, ORIGINALS_FOLDER, TYPE_FOLDERS, TYPE_ORDER } from './entry-layout.ts';

export const PERSONAL_KEY = 'personal';
/** Room kept in every part for index.html, manifest.json and the ZIP's own records. */
const PART_OVERHEAD_BYTES = 64 * 1024;
/** A page, its row in the index and the manifest, and the headers of its entries. */
const PER_ITEM_OVERHEAD_BYTES = 24 * 1024;

export interface PlannedItem {
  item: ScannedItem;
  /** Every item has a browsable page. */
  pageEntry: string;
  fileEntry: string | null;
  /** The original HTML body, byte for byte, as text that never renders. */
  originalEntry: string | null;
  /** The entry the manifest names: the file of file-only items, else the page. */
  mainEntry: string;
}

export interface PlannedPart {
  archiveKey: string;
  part: number;
  parts: number;
  fileName: string;
  items: PlannedItem[];
}

export interface PlannedArchive {
  key: string;
  space: ScannedSpace | null;
  title: string;
  /** What its file names start with: the title, or `title (key)` when an earlier archive has that name. */
  fileTitle: string;
  /** Its items in archive order, across all parts. */
  items: readonly ScannedItem[];
  parts: PlannedPart[];
}

export interface PlanOptions {
  scan: ScanResult;
  items: readonly ScannedItem[];
  splitSize: number;
  /** Bytes of each staged body, by item id; a body not fetched yet counts as empty. */
  bodyBytes: ReadonlyMap<string, number>;
}

/** Items by type, then date, then id; each key computed once, not once per comparison. */
function inArchiveOrder(items: readonly ScannedItem[]): ScannedItem[] {
  const keyed = items.map((item) => ({ item, type: TYPE_ORDER.indexOf(item.type), at: Date.parse(item.createdAt) }));
  keyed.sort((a, b) => a.type - b.type || a.at - b.at || (a.item.id < b.item.id ? -1 : a.item.id > b.item.id ? 1 : 0));
  return keyed.map((entry) => entry.item);
}

function estimatedBytes(item: ScannedItem, bodyBytes: number): number {
  return item.size + 2 * bodyBytes + PER_ITEM_OVERHEAD_BYTES;
}

function placeEntries(namer: EntryNamer, item: ScannedItem, hasOriginal: boolean): PlannedItem {
  const folder = TYPE_FOLDERS[item.type];
  const fileEntry = item.file ? namer.claim([folder], item.file.name, item.id) : null;
  const pageTitle = item.file && !item.hasBody && item.title === item.file.name ? item.file.name : item.title;
  const pageEntry = namer.claim([folder], `${pageTitle}.html`, item.id);
  const originalEntry = hasOriginal ? namer.claim([ORIGINALS_FOLDER], `${item.title}.html.txt`, item.id) : null;
  return { item, pageEntry, fileEntry, originalEntry, mainEntry: fileEntry !== null && !item.hasBody ? fileEntry : pageEntry };
}

/** Splits one archive's items into parts that each stay under the split size. */
function splitIntoParts(items: readonly ScannedItem[], splitSize: number, bodyBytes: ReadonlyMap<string, number>): ScannedItem[][] {
  const budget = Math.max(1, splitSize - PART_OVERHEAD_BYTES);
  const parts: ScannedItem[][] = [];
  let current: ScannedItem[] = [];
  let used = 0;
  for (const item of items) {
    const cost = estimatedBytes(item, bodyBytes.get(item.id) ?? 0);
    if (current.length > 0 && used + cost > budget) {
      parts.push(current);
      current = [];
      used = 0;
    }
    current.push(item);
    used += cost;
  }
  if (current.length > 0) parts.push(current);
  return parts;
}

/**
 * Decides which ZIP and which entry every item goes to: one archive per space plus one for
 * personal items, split into standalone parts. The plan is a pure function of the scan and the
 * body sizes, so a resumed run that knows the same sizes plans the same. File names do not
 * depend on the splits: an archive whose split changes once its bodies are known (see
 * planParts) keeps its name, and every other archive keeps its plan.
 */
export function planArchives(options: PlanOptions): PlannedArchive[] {
  const { scan, splitSize, bodyBytes } = options;
  const bySpace = new Map<string, ScannedItem[]>();
  for (const item of options.items) {
    const key = item.space ?? PERSONAL_KEY;
    const list = bySpace.get(key) ?? [];
    list.push(item);
    bySpace.set(key, list);
  }
  const spaces = new Map(scan.spaces.map((space) => [space.id, space]));
  const keys = [...bySpace.keys()].sort((a, b) => (a === PERSONAL_KEY ? 1 : b === PERSONAL_KEY ? -1 : a < b ? -1 : a > b ? 1 : 0));
  const usedFileNames = new Set<string>();

  return keys.map((key) => {
    const space = key === PERSONAL_KEY ? null : (spaces.get(key) ?? null);
    const title = space?.title ?? `Personal items of ${scan.account.name}`;
    let fileTitle = title;
    if (usedFileNames.has(collisionKey(safeArchiveFileName(title, '.zip', key)))) fileTitle = `${title} (${key})`;
    usedFileNames.add(collisionKey(safeArchiveFileName(fileTitle, '.zip', key)));
    const items = inArchiveOrder(bySpace.get(key) ?? []);
    const archive = { key, space, title, fileTitle, items, parts: [] };
    return { ...archive, parts: planParts(archive, splitSize, bodyBytes) };
  });
}

/** An archive's parts for the body sizes known now; the same sizes give the same parts. */
export function planParts(archive: Omit<PlannedArchive, 'parts'>, splitSize: number, bodyBytes: ReadonlyMap<string, number>): PlannedPart[] {
  const split = splitIntoParts(archive.items, splitSize, bodyBytes);
  return split.map((partItems, index): PlannedPart => {
    const namer = createEntryNamer({ reserved: [INDEX_ENTRY, MANIFEST_ENTRY] });
    const suffix = split.length > 1 ? ` part ${index + 1} of ${split.length}.zip` : '.zip';
    return {
      archiveKey: archive.key,
      part: index + 1,
      parts: split.length,
      fileName: safeArchiveFileName(archive.fileTitle, suffix, archive.key),
      items: partItems.map((item) => placeEntries(namer, item, item.hasBody)),
    };
  });
}

/** Equal for two plans of one archive exactly when they put the same items in the same parts. */
export function splitSignature(parts: readonly PlannedPart[]): string {
  return parts.map((part) => part.items.length).join(',');
}

/** What the plan estimates an archive's items take, bodies counted with the sizes known now. */
export function estimatedArchiveBytes(items: readonly ScannedItem[], bodyBytes: ReadonlyMap<string, number>): number {
  let total = PART_OVERHEAD_BYTES;
  for (const item of items) total += estimatedBytes(item, bodyBytes.get(item.id) ?? 0);
  return total;
}
