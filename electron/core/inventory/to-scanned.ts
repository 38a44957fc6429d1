import type { ScannedItem, ScannedSpace } from '../../../shared/inventory.ts';
import type { Judgement } from '../../../shared/model.ts';
import { hasBody, type ActivityEntry, type ItemMetadata, type SpaceSummary } from '../../../shared/platform-api.ts';

export function toScannedSpace(space: SpaceSummary, activity: readonly ActivityEntry[], judgement: Judgement): ScannedSpace {
  const content = activity
    .filter((entry) => entry.kind !== 'login')
    .map((entry) => entry.at)
    .sort((a, b) => Date.parse(a) - Date.parse(b));
  return {
    id: space.id,
    kind: space.kind,
    title: space.title,
    createdAt: space.createdAt,
    migrationRequest: space.kind === 'twinspace' ? (space.migrationRequest ?? 'none') : null,
    projectId: space.projectId ?? null,
    itemCount: space.itemCount,
    activity: content,
    lastActivityAt: content.at(-1) ?? null,
    ...judgement,
  };
}

export function toScannedItem(item: ItemMetadata, judgement: Judgement): ScannedItem {
  return {
    id: item.id,
    space: item.space,
    type: item.type,
    title: item.title,
    createdAt: item.createdAt,
    updatedAt: item.updatedAt ?? null,
    parent: item.parent ?? null,
    owner: item.owner,
    origin: item.origin ?? 'etwinning',
    organizer: item.organizer ?? null,
    hasBody: hasBody(item),
    file: item.file ?? null,
    size: item.file?.size ?? 0,
    url: item.url ?? null,
    ...judgement,
  };
}
