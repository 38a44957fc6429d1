import type {
  ActivityEntry, ItemMetadata, Me, SpaceSummary,
} from '../../../shared/platform-api.ts';
import { itemMetadata } from './item-metadata.ts';
import { pageAt, type Page } from './pagination.ts';
import type { RequestContext } from './request-context.ts';
import { sendError, sendJson } from './responses.ts';
import { isMember, spaceActivity, type SnapshotIndex } from './snapshot-index.ts';
import type { SnapshotItem, SnapshotSpace } from './snapshot-schema.ts';

/** The JSON calls under /api, for a signed-in account. */

function page<T>(context: RequestContext, list: readonly T[]): Page<T> | null {
  const result = pageAt(list, context.query.get('cursor'));
  if (result === null) sendError(context.res, 400, 'bad cursor');
  return result;
}

/** The space when the account may see it; otherwise answers 404 or 403 and returns null. */
function visibleSpace(context: RequestContext, spaceId: string, accountId: string): SnapshotSpace | null {
  const space = context.index.spacesById.get(spaceId);
  if (space === undefined) {
    sendError(context.res, 404, 'no such space');
    return null;
  }
  if (!isMember(context.index, spaceId, accountId)) {
    sendError(context.res, 403, 'not a member of this space');
    return null;
  }
  return space;
}

function spaceSummary(index: SnapshotIndex, space: SnapshotSpace): SpaceSummary {
  const summary: SpaceSummary = {
    id: space.id,
    kind: space.kind,
    title: space.title,
    createdAt: space.createdAt,
    itemCount: index.itemsBySpace.get(space.id)?.length ?? 0,
  };
  if (space.migrationRequest !== undefined) summary.migrationRequest = space.migrationRequest;
  if (space.projectId !== undefined) summary.projectId = space.projectId;
  return summary;
}

async function sendItems(context: RequestContext, items: readonly SnapshotItem[]): Promise<void> {
  const result = page(context, items);
  if (result === null) return;
  const metadata: ItemMetadata[] = await Promise.all(
    result.entries.map((item) => itemMetadata(item, context.index.contents.get(item.id))),
  );
  sendJson(context.res, 200, { items: metadata, next: result.next });
}

export function sendMe(context: RequestContext, accountId: string): void {
  const account = context.index.accountsById.get(accountId);
  if (account === undefined) {
    sendError(context.res, 401, 'not signed in');
    return;
  }
  const me: Me = {
    id: account.id,
    name: account.name,
    email: account.email,
    hasEtwinningAccount: account.hasEtwinningAccount,
    hasSegAccount: account.hasSegAccount,
  };
  sendJson(context.res, 200, me);
}

export function sendSpaces(context: RequestContext, accountId: string): void {
  const spaces = context.index.spaces.filter((space) => isMember(context.index, space.id, accountId));
  const result = page(context, spaces);
  if (result === null) return;
  sendJson(context.res, 200, {
    spaces: result.entries.map((space) => spaceSummary(context.index, space)),
    next: result.next,
  });
}

export function sendSpaceActivity(context: RequestContext, accountId: string, spaceId: string): void {
  const space = visibleSpace(context, spaceId, accountId);
  if (space === null) return;
  const result = page<ActivityEntry>(context, spaceActivity(space));
  if (result === null) return;
  sendJson(context.res, 200, { activity: result.entries, next: result.next });
}

export async function sendSpaceItems(
  context: RequestContext,
  accountId: string,
  spaceId: string,
): Promise<void> {
  if (visibleSpace(context, spaceId, accountId) === null) return;
  await sendItems(context, context.index.itemsBySpace.get(spaceId) ?? []);
}

export async function sendPersonalItems(context: RequestContext, accountId: string): Promise<void> {
  await sendItems(context, context.index.personalItemsByOwner.get(accountId) ?? []);
}
