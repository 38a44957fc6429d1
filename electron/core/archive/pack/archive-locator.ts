import type { LinkResolver, LinkTarget, PlatformPath } from '../html/link-target.ts';
import type { PlannedArchive, PlannedItem, PlannedPart } from '../plan/plan-archives.ts';

export interface ItemPlace {
  part: PlannedPart;
  planned: PlannedItem;
}

/** Where every archived item lives, so links between items resolve across ZIPs. */
export class ArchiveLocator {
  readonly #places = new Map<string, ItemPlace>();

  constructor(archives: readonly PlannedArchive[]) {
    for (const archive of archives) {
      for (const part of archive.parts) {
        for (const planned of part.items) this.#places.set(planned.item.id, { part, planned });
      }
    }
  }

  place(itemId: string): ItemPlace | undefined {
    return this.#places.get(itemId);
  }

  /** Resolves platform links from a page of `part`: inside it, to an entry; else to a note. */
  resolverFor(part: PlannedPart): LinkResolver {
    return (target: PlatformPath): LinkTarget => {
      const place = this.#places.get(target.itemId);
      if (!place) return { kind: 'elsewhere', label: 'not archived: it moves to the new platform, or is not yours' };
      const entry = target.kind === 'file' ? (place.planned.fileEntry ?? place.planned.pageEntry) : place.planned.pageEntry;
      if (place.part === part) return { kind: 'entry', path: entry };
      return { kind: 'elsewhere', label: `archived in “${place.part.fileName}”, ${entry}` };
    };
  }
}
