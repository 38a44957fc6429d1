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
  parts: PlannedPart[];
}

export interface PlanOptions {
  scan: ScanResult;
  items: readonly ScannedItem[];
  splitSize: number;
  /** Bytes of each staged body, by item id (bodies are fetched before planning). */
  bodyBytes: ReadonlyMap<string, number>;
}

function itemOrder(a: ScannedItem, b: ScannedItem): number {
  return TYPE_ORDER.indexOf(a.type) - TYPE_ORDER.indexOf(b.type)
    || Date.parse(a.createdAt) - Date.parse(b.createdAt)
    || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
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
 * Decides, before anything is written, which ZIP and which entry every item goes to: one
 * archive per space plus one for personal items, split into standalone parts. The plan is
 * a pure function of the scan and the staged bodies, so a resumed run plans the same.
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
    const items = (bySpace.get(key) ?? []).slice().sort(itemOrder);
    const split = splitIntoParts(items, splitSize, bodyBytes);
    const archiveName = (part: number) => {
      const suffix = split.length > 1 ? ` part ${part} of ${split.length}.zip` : '.zip';
      let name = safeArchiveFileName(title, suffix, key);
      if (usedFileNames.has(collisionKey(name))) name = safeArchiveFileName(`${title} (${key})`, suffix, key);
      usedFileNames.add(collisionKey(name));
      return name;
    };
    const parts = split.map((partItems, index): PlannedPart => {
      const namer = createEntryNamer({ reserved: [INDEX_ENTRY, MANIFEST_ENTRY] });
      return {
        archiveKey: key,
        part: index + 1,
        parts: split.length,
        fileName: archiveName(index + 1),
        items: partItems.map((item) => placeEntries(namer, item, item.hasBody)),
      };
    });
    return { key, space, title, parts };
  });
}
