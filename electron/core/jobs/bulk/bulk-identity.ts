import { createHash } from 'node:crypto';
import { z } from 'zod';

export const BulkJobParamsSchema = z.object({
  source: z.string(),
  outRoot: z.string(),
  include: z.enum(['at-risk', 'all']),
  splitSize: z.number().int().positive(),
  accounts: z.array(z.object({
    login: z.string(),
    euLoginEmail: z.string().nullable(),
    spaces: z.array(z.string()).nullable(),
    outDir: z.string(),
  })),
});
export type BulkJobParams = z.infer<typeof BulkJobParamsSchema>;

/**
 * The same job file on the same platform into the same folder is the same bulk job: running
 * the command again resumes it. Credentials are not part of it (a mended password must not
 * start over), and neither is the order of the rows.
 */
export function bulkJobId(params: BulkJobParams): string {
  const accounts = params.accounts
    .map((account) => [account.outDir, account.login, account.euLoginEmail, account.spaces === null ? null : [...account.spaces].sort()])
    .sort((a, b) => String(a[0]).localeCompare(String(b[0])));
  const canonical = JSON.stringify([params.source, params.outRoot, params.include, params.splitSize, accounts]);
  return `bulk-${createHash('sha256').update(canonical).digest('hex').slice(0, 20)}`;
}
