import path from 'node:path';
import type { z } from 'zod';
import { requireSuccess, runMeasured, type MeasuredRun } from './measure.ts';
import { childEnv, nodeFlags, REPO_ROOT, type NodeChildOptions } from './twinarchive-cli.ts';

/**
 * Runs bench/workers/NAME.ts in a fresh Node process (so one scenario's heap and JIT state do
 * not colour another's) and reads the JSON line it prints last.
 */
export async function runWorker<T>(
  name: string,
  args: readonly string[],
  schema: z.ZodType<T>,
  options: NodeChildOptions & { timeoutMs: number; scratchDir: string },
): Promise<{ run: MeasuredRun; output: T }> {
  const script = path.join(REPO_ROOT, 'bench', 'workers', `${name}.ts`);
  const run = requireSuccess(await runMeasured(process.execPath, [...nodeFlags(options), '--import', 'tsx', script, ...args], {
    cwd: REPO_ROOT, env: childEnv(), timeoutMs: options.timeoutMs, scratchDir: options.scratchDir,
  }), `the ${name} worker`);
  const last = run.stdout.trim().split('\n').at(-1) ?? '';
  let parsed: unknown;
  try {
    parsed = JSON.parse(last);
  } catch {
    throw new Error(`The ${name} worker printed no JSON line: ${last.slice(0, 200)}`);
  }
  return { run, output: schema.parse(parsed) };
}
