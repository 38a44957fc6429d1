import { z } from 'zod';
import { ITEM_TYPES, RULE_IDS, SPACE_KINDS, VERDICTS } from '../../../shared/model.ts';

export const MANIFEST_FORMAT = 'twinarchive-manifest/1';

export const ManifestItemSchema = z.object({
  id: z.string(),
  type: z.enum(ITEM_TYPES),
  title: z.string(),
  verdict: z.enum(VERDICTS),
  rule: z.enum(RULE_IDS),
  /** The item's main entry: its file, or its page. */
  path: z.string(),
  size: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  createdAt: z.string(),
  sourceUrl: z.string().nullable(),
  /** Every entry that belongs to the item. */
  entries: z.object({ page: z.string(), file: z.string().nullable(), original: z.string().nullable() }),
  reason: z.object({ en: z.string(), nl: z.string() }),
  quote: z.string(),
  /** Why the platform's copy is missing from the archive (deleted, no access); null when complete. */
  problem: z.string().nullable(),
});
export type ManifestItem = z.infer<typeof ManifestItemSchema>;

export const ManifestSchema = z.object({
  format: z.literal(MANIFEST_FORMAT),
  space: z.object({
    id: z.string().nullable(),
    kind: z.union([z.enum(SPACE_KINDS), z.literal('personal')]),
    title: z.string(),
    verdict: z.enum(VERDICTS).nullable(),
    rule: z.enum(RULE_IDS).nullable(),
  }),
  account: z.object({ id: z.string(), name: z.string(), email: z.string() }),
  source: z.string(),
  archivedAt: z.string(),
  ruleSet: z.string(),
  part: z.number().int().positive(),
  parts: z.number().int().positive(),
  items: z.array(ManifestItemSchema),
});
export type Manifest = z.infer<typeof ManifestSchema>;
