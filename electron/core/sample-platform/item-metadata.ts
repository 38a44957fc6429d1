import { contentPath, filePath, type ItemMetadata } from '../../../shared/platform-api.ts';
import type { ServedContent } from './served-content.ts';
import type { SnapshotItem } from './snapshot-schema.ts';

/** An item as the API lists it: no body, no file content, but the file's size and digest. */
export async function itemMetadata(
  item: SnapshotItem,
  content: ServedContent | undefined,
): Promise<ItemMetadata> {
  const metadata: ItemMetadata = {
    id: item.id,
    owner: item.owner,
    space: item.space,
    type: item.type,
    title: item.title,
    createdAt: item.createdAt,
  };
  if (item.updatedAt !== undefined) metadata.updatedAt = item.updatedAt;
  if (item.parent !== undefined) metadata.parent = item.parent;
  if (item.organizer !== undefined) metadata.organizer = item.organizer;
  if (item.origin !== undefined) metadata.origin = item.origin;
  if (item.file !== undefined && content !== undefined) {
    metadata.file = {
      name: item.file.name,
      mediaType: item.file.mediaType,
      size: content.size,
      sha256: await content.sha256(),
    };
  }
  if (item.body !== undefined) metadata.url = contentPath(item.id);
  else if (item.file !== undefined) metadata.url = filePath(item.id, item.file.name);
  else metadata.url = null;
  return metadata;
}
