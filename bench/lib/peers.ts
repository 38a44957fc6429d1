import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { GNU_TIME, hasGnuTime } from './measure.ts';

/**
 * The programs TwinArchive is measured against, from Debian. Missing ones are installed with
 * apt-get (after one apt-get update) when we are root; a peer that still cannot be found is
 * skipped with a clear line and its figures are null.
 */

const run = promisify(execFile);

export type PeerName = 'wget' | 'wget2' | 'zip' | '7z' | 'time';

const PACKAGES: Record<PeerName, string> = {
  wget: 'wget',
  wget2: 'wget2',
  zip: 'zip',
  '7z': 'p7zip-full',
  time: 'time',
};

export interface Peers {
  /** The program's path, or null when it is missing. */
  path(name: PeerName): string | null;
  /** "wget2 is missing: ..." for the tables. */
  missingNote(name: PeerName): string;
}

async function which(name: string): Promise<string | null> {
  try {
    const { stdout } = await run('which', [name]);
    const found = stdout.trim();
    return found === '' ? null : found;
  } catch {
    return null;
  }
}

async function locate(names: readonly PeerName[]): Promise<Map<PeerName, string | null>> {
  const found = new Map<PeerName, string | null>();
  // GNU time is run by its path (the shell's `time` keyword is another thing).
  for (const name of names) found.set(name, name === 'time' ? (hasGnuTime() ? GNU_TIME : null) : await which(name));
  return found;
}

function missingLine(name: PeerName, problem: string | null): string {
  const why = problem ? ` (${problem})` : '';
  if (name === 'time') return `NOTE: GNU time (${GNU_TIME}, Debian package time) is missing${why}; peak RSS is polled from /proc instead and CPU figures will be null.`;
  return `SKIP: ${name} (Debian package ${PACKAGES[name]}) is missing${why}; its figures will be null.`;
}

export async function preparePeers(log: (line: string) => void, options: { install: boolean }): Promise<Peers> {
  const names = Object.keys(PACKAGES) as PeerName[];
  let found = await locate(names);
  const missing = names.filter((name) => found.get(name) === null);
  let installProblem: string | null = null;
  if (missing.length > 0 && options.install) {
    const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
    if (!isRoot) {
      installProblem = 'not root, so nothing was installed';
    } else {
      const packages = [...new Set(missing.map((name) => PACKAGES[name]))];
      log(`Installing missing peers from Debian: ${packages.join(' ')} (apt-get update, then apt-get install -y)...`);
      const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
      try {
        await run('apt-get', ['update', '-qq'], { env, timeout: 300_000, maxBuffer: 16 * 1024 * 1024 });
        await run('apt-get', ['install', '-y', '-qq', ...packages], { env, timeout: 600_000, maxBuffer: 16 * 1024 * 1024 });
      } catch (error) {
        installProblem = `apt-get failed: ${(error instanceof Error ? error.message : String(error)).split('\n')[0] ?? ''}`;
      }
      found = await locate(names);
    }
  } else if (missing.length > 0) {
    installProblem = 'installing was turned off (--no-install)';
  }
  for (const name of names) {
    if (found.get(name) === null) log(missingLine(name, installProblem));
  }
  return {
    path: (name) => found.get(name) ?? null,
    missingNote: (name) => `skipped: ${name} is not installed (apt-get install ${PACKAGES[name]})`,
  };
}
