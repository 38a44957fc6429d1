import type { ScannedItem, ScannedSpace } from '../../../shared/inventory.ts';
import type { Judgement } from '../../../shared/model.ts';
import type { HolderKind } from '../../../shared/scan-summary.ts';
import type { Library } from './library.ts';

/** Rows per transaction: big enough that commits cost nothing, small enough to never stall the event loop for long. */
const BATCH_ROWS = 2000;

export interface StagedItem {
  item: ScannedItem;
  holderKind: HolderKind;
  /** Calendar year of creation in the rule set's zone; null when the date is unreadable. */
  createdYear: number | null;
}

/**
 * Buffers a running scan's rows and writes them to the stage tables in batches. Judgements are
 * stored once each and referred to by number. Synchronous: better-sqlite3 is.
 */
export class ScanStage {
  /** By verdict and rule, the judgements stored so far: a rule has a text or two, not one per item. */
  private readonly judgementKeys = new Map<string, { en: string; nl: string; quote: string; key: number }[]>();
  private judgementCount = 0;
  private spaces: ScannedSpace[] = [];
  private items: StagedItem[] = [];
  private readonly insertJudgement;
  private readonly insertSpace;
  private readonly insertItem;

  constructor(private readonly library: Library, readonly runId: number) {
    const { db } = library;
    this.insertJudgement = db.prepare(
      `INSERT INTO scan_stage_judgements (run_id, key, verdict, rule, reason_en, reason_nl, quote)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    // A platform that lists an item twice: the last listing wins, as a merge by id would have it.
    this.insertSpace = db.prepare(
      `INSERT OR REPLACE INTO scan_stage_spaces
       (run_id, id, kind, title, created_at, migration_request, project_id, item_count, activity_json, last_activity_at, judgement)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.insertItem = db.prepare(
      `INSERT OR REPLACE INTO scan_stage_items
       (run_id, id, space_id, holder_kind, type, title, created_at, created_year, updated_at, parent, owner, origin,
        organizer, has_body, file_json, url, size, judgement)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
  }

  addSpace(space: ScannedSpace): void {
    this.spaces.push(space);
    if (this.spaces.length >= BATCH_ROWS) this.flush();
  }

  addItem(item: StagedItem): void {
    this.items.push(item);
    if (this.items.length >= BATCH_ROWS) this.flush();
  }

  flush(): void {
    if (this.spaces.length === 0 && this.items.length === 0) return;
    const spaces = this.spaces;
    const items = this.items;
    this.spaces = [];
    this.items = [];
    this.library.db.transaction(() => {
      for (const space of spaces) {
        this.insertSpace.run(
          this.runId, space.id, space.kind, space.title, space.createdAt, space.migrationRequest, space.projectId,
          space.itemCount, JSON.stringify(space.activity), space.lastActivityAt, this.judgementKey(space),
        );
      }
      for (const { item, holderKind, createdYear } of items) {
        this.insertItem.run(
          this.runId, item.id, item.space, holderKind, item.type, item.title, item.createdAt, createdYear, item.updatedAt,
          item.parent, item.owner, item.origin, item.organizer, item.hasBody ? 1 : 0,
          item.file === null ? null : JSON.stringify(item.file), item.url, item.size, this.judgementKey(item),
        );
      }
    })();
  }

  // Compared field by field rather than joined into one key: joining the texts (about 500
  // characters) for every item of a 1,000,000-item scan made half a gigabyte of garbage.
  private judgementKey(judgement: Judgement): number {
    const group = `${judgement.verdict}\u0000${judgement.rule}`;
    let stored = this.judgementKeys.get(group);
    if (stored === undefined) {
      stored = [];
      this.judgementKeys.set(group, stored);
    }
    const { reason, quote } = judgement;
    const same = stored.find((texts) => texts.en === reason.en && texts.nl === reason.nl && texts.quote === quote);
    if (same !== undefined) return same.key;
    this.judgementCount += 1;
    const key = this.judgementCount;
    stored.push({ en: reason.en, nl: reason.nl, quote, key });
    this.insertJudgement.run(this.runId, key, judgement.verdict, judgement.rule, judgement.reason.en, judgement.reason.nl, judgement.quote);
    return key;
  }
}
