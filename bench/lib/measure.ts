import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';

/**
 * Runs a program as a child, timing it from spawn to exit and taking its peak resident set:
 * GNU time's %M when /usr/bin/time is there, else VmHWM of /proc/PID/status polled every 50 ms.
 */

export const GNU_TIME = '/usr/bin/time';
const POLL_MS = 50;
const KEEP_OUTPUT_CHARS = 64 * 1024;

export interface MeasureOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** The child is killed (with its process group) past this; the run then counts as failed. */
  timeoutMs: number;
  /** A scratch file for GNU time's output. */
  scratchDir: string;
  /** Measure through GNU time (default: when it is installed); false polls /proc. */
  gnuTime?: boolean;
}

export interface MeasuredRun {
  seconds: number;
  /** Peak RSS in MB (10^6 bytes); null when it could not be read. */
  peakRssMb: number | null;
  /** CPU seconds (user + system) of the program and what it waited for; null without GNU time. */
  cpuSeconds: number | null;
  code: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  /** The first 64 KiB of stdout and the last 64 KiB of stderr. */
  stdout: string;
  stderr: string;
}

let counter = 0;
/** Process groups of the children running now, to end them if the bench is interrupted. */
const running = new Set<number>();

/** Ends every child still running (and what it started): for Ctrl-C. */
export function killRunningChildren(): void {
  for (const pid of running) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
  running.clear();
}

function readHighWaterMarkKb(pid: number): number | null {
  try {
    const match = /^VmHWM:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match?.[1] === undefined ? null : Number(match[1]);
  } catch {
    return null;
  }
}

export function hasGnuTime(): boolean {
  return existsSync(GNU_TIME);
}

export async function runMeasured(command: string, args: readonly string[], options: MeasureOptions): Promise<MeasuredRun> {
  counter += 1;
  const useTime = options.gnuTime ?? hasGnuTime();
  const rssFile = path.join(options.scratchDir, `rss-${process.pid}-${counter}.txt`);
  const [file, argv] = useTime ? [GNU_TIME, ['-f', '%M %U %S', '-o', rssFile, command, ...args]] : [command, [...args]];
  const started = performance.now();
  const child = spawn(file, argv, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so a timeout ends the program and anything it started.
    detached: true,
  });
  if (child.pid !== undefined) running.add(child.pid);
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    if (stdout.length < KEEP_OUTPUT_CHARS) stdout += chunk.slice(0, KEEP_OUTPUT_CHARS - stdout.length);
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-KEEP_OUTPUT_CHARS);
  });
  let polledKb: number | null = null;
  const poller = useTime ? null : setInterval(() => {
    if (child.pid === undefined) return;
    const kb = readHighWaterMarkKb(child.pid);
    if (kb !== null) polledKb = Math.max(polledKb ?? 0, kb);
  }, POLL_MS);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    if (child.pid !== undefined) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
  }, options.timeoutMs);
  const { code, signal } = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (exitCode, exitSignal) => resolve({ code: exitCode, signal: exitSignal }));
  });
  const seconds = (performance.now() - started) / 1000;
  if (child.pid !== undefined) running.delete(child.pid);
  clearTimeout(timer);
  if (poller !== null) clearInterval(poller);
  let peakKb: number | null = polledKb;
  let cpuSeconds: number | null = null;
  if (useTime) {
    // GNU time writes "Command exited with non-zero status N" before the figures when it fails.
    const text = await readFile(rssFile, 'utf8').catch(() => '');
    const figures = /^(\d+) (\d+(?:\.\d+)?) (\d+(?:\.\d+)?)$/.exec(text.trim().split('\n').at(-1) ?? '');
    peakKb = figures ? Number(figures[1]) : null;
    cpuSeconds = figures ? Number(figures[2]) + Number(figures[3]) : null;
    await rm(rssFile, { force: true });
  }
  return {
    seconds,
    peakRssMb: peakKb === null ? null : (peakKb * 1024) / 1e6,
    cpuSeconds,
    code,
    signal,
    timedOut,
    stdout,
    stderr,
  };
}

/** Throws with the end of stderr unless the run exited 0 in time. */
export function requireSuccess(run: MeasuredRun, what: string): MeasuredRun {
  if (run.timedOut) throw new Error(`${what} took too long and was stopped after ${run.seconds.toFixed(0)} s.`);
  if (run.code !== 0) {
    throw new Error(`${what} failed (exit ${run.code ?? run.signal ?? '?'}): ${run.stderr.trim().split('\n').slice(-5).join(' | ')}`);
  }
  return run;
}
