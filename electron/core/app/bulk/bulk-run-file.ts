import { mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { BulkSourceSchema } from '../../../../shared/contract.ts';
import { writeFileAtomic } from '../../util/write-file-atomic.ts';

/** The app's bulk run, in the data folder: what is needed to show and resume it after a restart. */
export const BULK_RUN_FILE = 'bulk-run.json';

/**
 * Never a password or a cookie: those go to the shell's secret store (see bulk-secrets.ts). The
 * queue itself (who is done, who failed and why) is in the library, under `jobId`.
 */
export const BulkRunRecordSchema = z.object({
  format: z.literal('twinarchive-bulk-run/1'),
  jobId: z.string().min(1),
  source: BulkSourceSchema,
  outRoot: z.string().min(1),
  include: z.enum(['at-risk', 'all']),
  splitSize: z.number().int().positive(),
  margin: z.number().int().nonnegative(),
  colleagues: z.array(z.object({
    id: z.string().min(1),
    login: z.string(),
    name: z.string(),
    email: z.string(),
    accountId: z.string(),
    signIn: z.enum(['password', 'browser']),
    spaces: z.array(z.string()).nullable(),
    folder: z.string().min(1),
  })).min(1),
});
export type BulkRunRecord = z.infer<typeof BulkRunRecordSchema>;

const fileIn = (dataDir: string) => path.join(dataDir, BULK_RUN_FILE);

/** The record, or null when there is none or it does not read (then it is of no use and goes). */
export async function loadBulkRunRecord(dataDir: string): Promise<BulkRunRecord | null> {
  let text: string;
  try {
    text = await readFile(fileIn(dataDir), 'utf8');
  } catch {
    return null;
  }
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    // Damaged: handled as unreadable below.
  }
  const parsed = BulkRunRecordSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  await removeBulkRunRecord(dataDir);
  return null;
}

export async function saveBulkRunRecord(dataDir: string, record: BulkRunRecord): Promise<void> {
  await mkdir(dataDir, { recursive: true });
  await writeFileAtomic(fileIn(dataDir), `${JSON.stringify(BulkRunRecordSchema.parse(record), null, 2)}\n`);
}

export async function removeBulkRunRecord(dataDir: string): Promise<void> {
  await rm(fileIn(dataDir), { force: true });
}
