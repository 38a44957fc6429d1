import { z } from 'zod';
import {
  ACTIVITY_KINDS, EVENT_ORGANIZERS, ITEM_ORIGINS, ITEM_TYPES, MIGRATION_REQUESTS, SPACE_KINDS,
} from './model.ts';

/**
 * The legacy platform's HTTP answers (SPEC.md, "HTTP interface"). Everything read from the
 * network passes through these schemas before any other code sees it.
 */

const isoTimestamp = z.string().refine((text) => !Number.isNaN(Date.parse(text)), {
  message: 'not an ISO 8601 timestamp',
});
const identifier = z.string().min(1).max(200);
const cursor = z.string().max(2000).nullable();

export const MeSchema = z.object({
  id: identifier,
  name: z.string(),
  email: z.string(),
  hasEtwinningAccount: z.boolean(),
  hasSegAccount: z.boolean(),
});
export type Me = z.infer<typeof MeSchema>;

export const SpaceSummarySchema = z.object({
  id: identifier,
  kind: z.enum(SPACE_KINDS),
  title: z.string(),
  createdAt: isoTimestamp,
  migrationRequest: z.enum(MIGRATION_REQUESTS).optional(),
  projectId: z.string().nullable().optional(),
  itemCount: z.number().int().nonnegative(),
});
export type SpaceSummary = z.infer<typeof SpaceSummarySchema>;

export const SpacesPageSchema = z.object({ spaces: z.array(SpaceSummarySchema), next: cursor });

export const ActivityEntrySchema = z.object({ at: isoTimestamp, kind: z.enum(ACTIVITY_KINDS) });
export type ActivityEntry = z.infer<typeof ActivityEntrySchema>;
export const ActivityPageSchema = z.object({ activity: z.array(ActivityEntrySchema), next: cursor });

export const FileMetadataSchema = z.object({
  name: z.string(),
  mediaType: z.string().max(255),
  size: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type FileMetadata = z.infer<typeof FileMetadataSchema>;

export const ItemMetadataSchema = z.object({
  id: identifier,
  owner: z.string(),
  space: identifier.nullable(),
  type: z.enum(ITEM_TYPES),
  title: z.string(),
  createdAt: isoTimestamp,
  updatedAt: isoTimestamp.optional(),
  parent: identifier.nullable().optional(),
  organizer: z.enum(EVENT_ORGANIZERS).optional(),
  origin: z.enum(ITEM_ORIGINS).optional(),
  file: FileMetadataSchema.optional(),
  /** `/content/ID` when the item has an HTML body, else its file, else null. */
  url: z.string().nullable().optional(),
});
export type ItemMetadata = z.infer<typeof ItemMetadataSchema>;
export const ItemsPageSchema = z.object({ items: z.array(ItemMetadataSchema), next: cursor });

export function contentPath(itemId: string): string {
  return `/content/${encodeURIComponent(itemId)}`;
}

export function filePath(itemId: string, fileName: string): string {
  return `/files/${encodeURIComponent(itemId)}/${encodeURIComponent(fileName)}`;
}

export function hasBody(item: ItemMetadata): boolean {
  return typeof item.url === 'string' && item.url.startsWith('/content/');
}
