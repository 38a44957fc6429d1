import { createHash } from 'node:crypto';
import { z } from 'zod';

export const ArchiveJobParamsSchema = z.object({
  source: z.string(),
  accountId: z.string(),
  outDir: z.string(),
  include: z.enum(['at-risk', 'all']),
  spaces: z.array(z.string()).nullable(),
  splitSize: z.number().int().positive(),
});
export type ArchiveJobParams = z.infer<typeof ArchiveJobParamsSchema>;

/** The same command for the same account and folder is the same job: running it again resumes. */
export function archiveJobId(params: ArchiveJobParams): string {
  const canonical = JSON.stringify([
    params.source, params.accountId, params.outDir, params.include,
    params.spaces === null ? null : [...params.spaces].sort(), params.splitSize,
  ]);
  return `archive-${createHash('sha256').update(canonical).digest('hex').slice(0, 20)}`;
}
