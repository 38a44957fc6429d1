import type { ActivityEntry, ItemMetadata, Me, SpaceSummary } from '../../../shared/platform-api.ts';

/** What a scan needs of the platform; the HTTP platform client provides it. */
export interface InventorySource {
  signIn(): Promise<Me>;
  listSpaces(): AsyncIterable<SpaceSummary>;
  listActivity(spaceId: string): AsyncIterable<ActivityEntry>;
  listSpaceItems(spaceId: string): AsyncIterable<ItemMetadata>;
  listPersonalItems(): AsyncIterable<ItemMetadata>;
}

export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const entry of iterable) all.push(entry);
  return all;
}
