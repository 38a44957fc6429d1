import { z } from 'zod';
import {
  ACTIVITY_KINDS, EVENT_ORGANIZERS, ITEM_ORIGINS, ITEM_TYPES, MIGRATION_REQUESTS, SPACE_KINDS,
} from '../../../shared/model.ts';

/** The snapshot file the sample platform serves (SPEC.md, "Snapshot file"). */

const isoTimestamp = z.string().refine((text) => !Number.isNaN(Date.parse(text)), {
  message: 'not an ISO 8601 timestamp',
});

export const SnapshotAccountSchema = z.object({
  id: z.string().min(1),
  login: z.string().min(1),
  password: z.string(),
  name: z.string(),
  email: z.string(),
  hasEtwinningAccount: z.boolean(),
  hasSegAccount: z.boolean(),
});

export const SnapshotActivitySchema = z.union([
  isoTimestamp,
  z.object({ at: isoTimestamp, kind: z.enum(ACTIVITY_KINDS) }),
]);

export const SnapshotSpaceSchema = z.object({
  id: z.string().min(1),
  kind: z.enum(SPACE_KINDS),
  title: z.string(),
  createdAt: isoTimestamp,
  members: z.array(z.string()),
  activity: z.array(SnapshotActivitySchema),
  projectId: z.string().nullable().optional(),
  migrationRequest: z.enum(MIGRATION_REQUESTS).optional(),
});

export const FileContentSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('text'), text: z.string() }),
  z.object({ kind: z.literal('base64'), data: z.string() }),
  z.object({
    kind: z.literal('generated'),
    seed: z.string(),
    size: z.number().int().nonnegative(),
  }),
]);
export type FileContent = z.infer<typeof FileContentSchema>;

export const SnapshotItemSchema = z.object({
  id: z.string().min(1),
  owner: z.string(),
  space: z.string().nullable(),
  type: z.enum(ITEM_TYPES),
  title: z.string(),
  createdAt: isoTimestamp,
  updatedAt: isoTimestamp.optional(),
  parent: z.string().nullable().optional(),
  organizer: z.enum(EVENT_ORGANIZERS).optional(),
  origin: z.enum(ITEM_ORIGINS).optional(),
  body: z.string().optional(),
  file: z
    .object({ name: z.string(), mediaType: z.string(), content: FileContentSchema })
    .optional(),
});

export const SnapshotSchema = z.object({
  format: z.literal('legacy-platform-snapshot/1'),
  accounts: z.array(SnapshotAccountSchema),
  spaces: z.array(SnapshotSpaceSchema),
  items: z.array(SnapshotItemSchema),
});
export type Snapshot = z.infer<typeof SnapshotSchema>;
export type SnapshotAccount = z.infer<typeof SnapshotAccountSchema>;
export type SnapshotSpace = z.infer<typeof SnapshotSpaceSchema>;
export type SnapshotItem = z.infer<typeof SnapshotItemSchema>;
