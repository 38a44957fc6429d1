import type { ScanResult, ScannedItem } from '../../../../shared/inventory.ts';
import { renderArchiveIndex } from '../html/archive-index.ts';
import { escapeHtml } from '../html/escape-html.ts';
import { renderItemPage, type RelatedItemLink } from '../html/item-page.ts';
import type { LinkTarget } from '../html/link-target.ts';
import { sanitizeBody, type SanitizedBody } from '../html/sanitize-body.ts';
import { MANIFEST_FORMAT, type Manifest, type ManifestItem } from '../manifest.ts';
import { INDEX_ENTRY, MANIFEST_ENTRY, shouldCompress } from '../plan/entry-layout.ts';
import type { PlannedArchive, PlannedItem, PlannedPart } from '../plan/plan-archives.ts';
import type { ReadBackSoFar } from '../zip/sealed-read-back.ts';
import { createZipWriter, type WrittenEntry } from '../zip/zip-writer.ts';
import type { StagedBytes } from '../../jobs/staging-area.ts';
import type { ArchiveLocator } from './archive-locator.ts';
import { READ_AHEAD, readAhead } from './read-ahead.ts';
import { WRITE_WINDOW, hasRoomFor } from './write-window.ts';

export interface StagedItem {
  body: StagedBytes | null;
  /** A small file staged whole; a larger one is at `filePath`. */
  smallFile: StagedBytes | null;
  filePath: string | null;
  /** Why the platform did not give the item; it is archived as a notice with its metadata. */
  problem: string | null;
}

export interface PackPartInput {
  scan: ScanResult;
  archive: PlannedArchive;
  part: PlannedPart;
  locator: ArchiveLocator;
  itemsById: ReadonlyMap<string, ScannedItem>;
  /** Children of each item (replies, comments, attachments), by parent id. */
  childrenOf: ReadonlyMap<string, readonly ScannedItem[]>;
  /** Resolves once the item's body and file are on disk. */
  staged: (item: ScannedItem) => Promise<StagedItem>;
  /** Where the ZIP is written: closed, but not flushed to disk yet (see verifyAndSync). */
  file: string;
  archivedAt: Date;
  ruleSetVersion: string;
  signal?: AbortSignal;
  onItemPacked?: (item: ScannedItem) => void;
}

export interface PackedPart {
  size: number;
  entries: Map<string, WrittenEntry>;
  manifest: Manifest;
  /** Plain text of each archived body, for the full-text index. */
  bodyTexts: Map<string, string>;
  /** What was read back of the large files while they were written, if any (see SealedReadBack). */
  readBack: Promise<ReadBackSoFar> | null;
}

function relatedLink(locator: ArchiveLocator, part: PlannedPart, item: ScannedItem): RelatedItemLink {
  const resolve = locator.resolverFor(part);
  return { title: item.title, type: item.type, target: resolve({ kind: 'content', itemId: item.id }), createdAt: item.createdAt, size: item.file?.size ?? null };
}

/**
 * Writes one standalone ZIP: index.html first, then every item's page, original body and
 * file as they arrive from staging, and manifest.json last. On any failure the partial ZIP
 * is deleted before the error is rethrown.
 */
export async function packPart(input: PackPartInput): Promise<PackedPart> {
  const { scan, archive, part, locator } = input;
  const modified = input.archivedAt;
  const archivedAt = input.archivedAt.toISOString();
  const zip = await createZipWriter(input.file);
  const entries = new Map<string, WrittenEntry>();
  const bodyTexts = new Map<string, string>();
  const problems = new Map<string, string>();
  const pending: Promise<unknown>[] = [];
  const track = (write: Promise<WrittenEntry>) => {
    const tracked = write.then((entry) => entries.set(entry.name, entry));
    tracked.catch(() => undefined);
    pending.push(tracked);
    return tracked;
  };
  const drain = async () => {
    while (!hasRoomFor(zip, pending.length, WRITE_WINDOW)) await pending.shift();
  };
  const text = (value: string) => Buffer.from(value, 'utf8');

  try {
    const resolve = locator.resolverFor(part);
    track(zip.addBuffer(INDEX_ENTRY, text(renderArchiveIndex({
      space: archive.space,
      account: scan.account,
      part: { number: part.part, of: part.parts },
      archivedAt,
      sourceUrl: scan.source,
      entries: part.items.map((planned) => ({ item: planned.item, target: { kind: 'entry', path: planned.mainEntry } as LinkTarget })),
    })), { modified, compress: true }));

    const arrivals = readAhead(part.items, READ_AHEAD, (planned) => input.staged(planned.item), async (planned, staged) => ({
      planned, staged, original: staged.body ? await staged.body.read() : null,
      smallFile: staged.smallFile ? await staged.smallFile.read() : null,
    }));
    for await (const { planned, staged, original, smallFile } of arrivals) {
      input.signal?.throwIfAborted();
      const { item } = planned;
      const body: SanitizedBody | null = original
        ? sanitizeBody(original.toString('utf8'), resolve, planned.pageEntry)
        : staged.problem !== null ? problemNotice(staged.problem) : null;
      if (original && body) bodyTexts.set(item.id, body.text);
      if (staged.problem !== null) problems.set(item.id, staged.problem);
      const parent = item.parent ? input.itemsById.get(item.parent) : undefined;
      const children = input.childrenOf.get(item.id) ?? [];
      const page = renderItemPage({
        entryPath: planned.pageEntry,
        item,
        space: archive.space,
        body,
        originalEntryPath: planned.originalEntry,
        file: planned.fileEntry && (staged.filePath !== null || smallFile !== null) ? { kind: 'entry', path: planned.fileEntry } : null,
        parent: parent ? relatedLink(locator, part, parent) : null,
        attachments: children.filter((child) => child.file !== null).map((child) => relatedLink(locator, part, child)),
        replies: children.filter((child) => child.file === null).map((child) => relatedLink(locator, part, child)),
        archivedAt,
        sourceUrl: scan.source,
      });
      track(zip.addBuffer(planned.pageEntry, text(page), { modified, compress: true }));
      if (planned.originalEntry && original) track(zip.addBuffer(planned.originalEntry, original, { modified, compress: true }));
      const fileSource = smallFile ?? staged.filePath;
      if (planned.fileEntry && item.file && fileSource !== null) {
        const entry = {
          modified: item.updatedAt ? new Date(item.updatedAt) : new Date(item.createdAt),
          compress: shouldCompress(item.file.mediaType, item.file.name),
        };
        track(typeof fileSource === 'string'
          // The check reads the entry back against the platform's SHA-256 (verifyPackedPart).
          ? zip.addFile(planned.fileEntry, fileSource, { ...entry, size: item.file.size, sha256: item.file.sha256 })
          : zip.addBuffer(planned.fileEntry, fileSource, entry));
      }
      await drain();
      input.onItemPacked?.(item);
    }
    await Promise.all(pending);

    const manifest: Manifest = {
      format: MANIFEST_FORMAT,
      space: archive.space
        ? { id: archive.space.id, kind: archive.space.kind, title: archive.space.title, verdict: archive.space.verdict, rule: archive.space.rule }
        : { id: null, kind: 'personal', title: archive.title, verdict: null, rule: null },
      account: { id: scan.account.id, name: scan.account.name, email: scan.account.email },
      source: scan.source,
      archivedAt,
      ruleSet: input.ruleSetVersion,
      part: part.part,
      parts: part.parts,
      items: part.items.map((planned) => manifestItem(planned, entries, scan.source, problems.get(planned.item.id) ?? null)),
    };
    await track(zip.addBuffer(MANIFEST_ENTRY, text(`${JSON.stringify(manifest, null, 1)}\n`), { modified, compress: true }));
    // Flushed to disk while it is read back, not before (see verifyAndSync).
    const { size, readBack } = await zip.finish({ sync: false });
    return { size, entries, manifest, bodyTexts, readBack };
  } catch (error) {
    await Promise.allSettled(pending);
    await zip.abort();
    throw error;
  }
}

function problemNotice(problem: string): SanitizedBody {
  return {
    html: `<p class="problem"><strong>Not retrieved.</strong> ${escapeHtml(problem)} Only what the scan saw is kept here.</p>`,
    embeds: [], externalLinks: [], internalLinks: [], text: '',
  };
}

function manifestItem(planned: PlannedItem, entries: ReadonlyMap<string, WrittenEntry>, source: string, problem: string | null): ManifestItem {
  const { item } = planned;
  const path = entries.has(planned.mainEntry) ? planned.mainEntry : planned.pageEntry;
  const main = entries.get(path);
  if (!main) throw new Error(`Internal error: "${path}" was planned but not written.`);
  return {
    id: item.id,
    type: item.type,
    title: item.title,
    verdict: item.verdict,
    rule: item.rule,
    path,
    size: main.size,
    sha256: main.sha256,
    createdAt: item.createdAt,
    sourceUrl: item.url ? new URL(item.url, source).href : null,
    entries: {
      page: planned.pageEntry,
      file: planned.fileEntry !== null && entries.has(planned.fileEntry) ? planned.fileEntry : null,
      original: planned.originalEntry !== null && entries.has(planned.originalEntry) ? planned.originalEntry : null,
    },
    reason: item.reason,
    quote: item.quote,
    problem,
  };
}
