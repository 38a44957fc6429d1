import type { ActivityEntry } from '../../../shared/platform-api.ts';
import { servedContent, type ServedContent } from './served-content.ts';
import type { Snapshot, SnapshotAccount, SnapshotItem, SnapshotSpace } from './snapshot-schema.ts';

/** The snapshot arranged for the questions the server answers, built once at start. */
export interface SnapshotIndex {
  readonly accountsByLogin: ReadonlyMap<string, SnapshotAccount>;
  readonly accountsById: ReadonlyMap<string, SnapshotAccount>;
  readonly spaces: readonly SnapshotSpace[];
  readonly spacesById: ReadonlyMap<string, SnapshotSpace>;
  readonly members: ReadonlyMap<string, ReadonlySet<string>>;
  readonly itemsById: ReadonlyMap<string, SnapshotItem>;
  readonly itemsBySpace: ReadonlyMap<string, readonly SnapshotItem[]>;
  readonly personalItemsByOwner: ReadonlyMap<string, readonly SnapshotItem[]>;
  readonly contents: ReadonlyMap<string, ServedContent>;
}

function append<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

export function indexSnapshot(snapshot: Snapshot): SnapshotIndex {
  const itemsBySpace = new Map<string, SnapshotItem[]>();
  const personalItemsByOwner = new Map<string, SnapshotItem[]>();
  const contents = new Map<string, ServedContent>();
  for (const item of snapshot.items) {
    if (item.space === null) append(personalItemsByOwner, item.owner, item);
    else append(itemsBySpace, item.space, item);
    if (item.file !== undefined) contents.set(item.id, servedContent(item.file.content));
  }
  return {
    accountsByLogin: new Map(snapshot.accounts.map((account) => [account.login, account])),
    accountsById: new Map(snapshot.accounts.map((account) => [account.id, account])),
    spaces: snapshot.spaces,
    spacesById: new Map(snapshot.spaces.map((space) => [space.id, space])),
    members: new Map(snapshot.spaces.map((space) => [space.id, new Set(space.members)])),
    itemsById: new Map(snapshot.items.map((item) => [item.id, item])),
    itemsBySpace,
    personalItemsByOwner,
    contents,
  };
}

export function isMember(index: SnapshotIndex, spaceId: string, accountId: string): boolean {
  return index.members.get(spaceId)?.has(accountId) ?? false;
}

/** Whether the account may read the item's body and file (a member of its space, or its owner). */
export function mayRead(index: SnapshotIndex, item: SnapshotItem, accountId: string): boolean {
  return item.space === null ? item.owner === accountId : isMember(index, item.space, accountId);
}

export function spaceActivity(space: SnapshotSpace): ActivityEntry[] {
  return space.activity.map((entry) =>
    typeof entry === 'string' ? { at: entry, kind: 'page' } : { at: entry.at, kind: entry.kind },
  );
}
