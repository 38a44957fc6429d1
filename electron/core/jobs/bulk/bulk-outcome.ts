import { z } from 'zod';

/** What one account's archive job left behind, as kept with its queue row. */
export const BulkAccountOutcomeSchema = z.object({
  accountName: z.string(),
  archives: z.array(z.object({
    path: z.string(),
    title: z.string(),
    part: z.number().int().positive(),
    parts: z.number().int().positive(),
    items: z.number().int().nonnegative(),
    size: z.number().int().nonnegative(),
    /** Written by an earlier run. */
    earlier: z.boolean(),
  })),
  /** Items the platform would not give (deleted, no access): archived as notices only. */
  problems: z.array(z.object({ itemId: z.string(), title: z.string(), problem: z.string() })),
});
export type BulkAccountOutcome = z.infer<typeof BulkAccountOutcomeSchema>;

const EMPTY: BulkAccountOutcome = { accountName: '', archives: [], problems: [] };

/** The stored outcome, or an empty one when there is none yet or it no longer reads. */
export function readOutcome(stored: unknown): BulkAccountOutcome {
  if (stored === null || stored === undefined) return EMPTY;
  const parsed = BulkAccountOutcomeSchema.safeParse(stored);
  return parsed.success ? parsed.data : EMPTY;
}
