import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { BENCH_ACCOUNT } from './bench-snapshot.ts';
import { requireSuccess, runMeasured, type MeasuredRun } from './measure.ts';
import { SYSTEM_TMPDIR } from './temp.ts';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CLI = path.join(REPO_ROOT, 'bin', 'twinarchive.js');

const PASSWORD_ENV = 'TWINARCHIVE_BENCH_PASSWORD';

const ArchiveJsonSchema = z.object({
  items: z.number().int(),
  bytes: z.number(),
  archives: z.array(z.object({ path: z.string(), size: z.number(), items: z.number().int() })),
  problems: z.array(z.unknown()),
});
export type ArchiveJson = z.infer<typeof ArchiveJsonSchema>;

export interface NodeChildOptions {
  /** Where `--cpu-prof` writes its profiles, or null for no profile. */
  profileDir: string | null;
  profileName?: string;
}

/** The node flags of a child we measure: a CPU profile when asked for. */
export function nodeFlags(options: NodeChildOptions): string[] {
  if (options.profileDir === null) return [];
  return ['--cpu-prof', '--cpu-prof-dir', options.profileDir, ...(options.profileName ? ['--cpu-prof-name', `${options.profileName}-${Date.now()}.cpuprofile`] : [])];
}

/**
 * The environment of a child: ours, minus what would change its behaviour, with the system temp
 * folder (this process points TMPDIR into the run's temp root for the sample platform's caches;
 * children keep theirs, where tsx keeps its compile cache).
 */
export function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, TMPDIR: SYSTEM_TMPDIR, FORCE_COLOR: '0', ...extra };
  delete env.TWINARCHIVE_DATA_DIR;
  delete env.NODE_OPTIONS;
  return env;
}

export interface ArchiveCliOptions extends NodeChildOptions {
  baseUrl: string;
  /** A fresh --out and --data-dir are made in here and removed after the run. */
  workDir: string;
  concurrency: number;
  timeoutMs: number;
  /** How many items the run must report, to catch a run that silently did less. */
  expectItems: number;
}

/** `twinarchive archive --include all` end to end as a person runs it: a new process, fresh folders. */
export async function runArchiveCli(options: ArchiveCliOptions): Promise<{ run: MeasuredRun; result: ArchiveJson }> {
  const out = path.join(options.workDir, 'out');
  const dataDir = path.join(options.workDir, 'data');
  await rm(options.workDir, { recursive: true, force: true });
  await mkdir(options.workDir, { recursive: true });
  try {
    const run = requireSuccess(await runMeasured(process.execPath, [
      ...nodeFlags(options), CLI, 'archive',
      '--source', options.baseUrl, '--login', BENCH_ACCOUNT.login, '--password-env', PASSWORD_ENV,
      '--out', out, '--data-dir', dataDir, '--include', 'all', '--concurrency', String(options.concurrency), '--json',
    ], {
      cwd: REPO_ROOT, env: childEnv({ [PASSWORD_ENV]: BENCH_ACCOUNT.password }), timeoutMs: options.timeoutMs, scratchDir: options.workDir,
    }), 'twinarchive archive');
    const result = ArchiveJsonSchema.parse(JSON.parse(run.stdout.trim().split('\n').at(-1) ?? 'null'));
    if (result.items !== options.expectItems || result.problems.length > 0) {
      throw new Error(`twinarchive archive reported ${result.items} items and ${result.problems.length} problems; expected ${options.expectItems} and none.`);
    }
    return { run, result };
  } finally {
    await rm(options.workDir, { recursive: true, force: true });
  }
}
