import type { SnapshotItem } from '../../electron/core/sample-platform/snapshot-schema.ts';
import { ACCOUNTS, type AccountKey } from './accounts.ts';

export type ItemFields = Omit<SnapshotItem, 'id' | 'owner'> & { owner: AccountKey };

/** Hands out item ids in order and keeps every item's keys in one order, for a readable file. */
export class ItemSink {
  readonly items: SnapshotItem[] = [];
  private counter = 10000;

  /** The id the next item will get: file seeds are named after their item. */
  nextId(): string {
    return `i-${this.counter + 1}`;
  }

  add(fields: ItemFields): SnapshotItem {
    const ordered: SnapshotItem = {
      id: this.nextId(),
      owner: ACCOUNTS[fields.owner].id,
      space: fields.space,
      type: fields.type,
      title: fields.title,
      createdAt: fields.createdAt,
      updatedAt: fields.updatedAt,
      parent: fields.parent,
      organizer: fields.organizer,
      origin: fields.origin,
      body: fields.body,
      file: fields.file,
    };
    for (const key of Object.keys(ordered) as (keyof SnapshotItem)[]) {
      if (ordered[key] === undefined) delete ordered[key];
    }
    this.counter += 1;
    this.items.push(ordered);
    return ordered;
  }
}
