import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { REPO_ROOT } from '../../helpers/cli.ts';

export interface RunningBridge {
  /** The address the bridge printed, token included. */
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

/** Starts the real dev bridge (`node bin/dev-bridge.js`) on a free port with a fresh data folder. */
export async function startDevBridge(): Promise<RunningBridge> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'twinarchive-e2e-'));
  const child: ChildProcess = spawn(process.execPath, [path.join(REPO_ROOT, 'bin', 'dev-bridge.js')], {
    cwd: REPO_ROOT,
    env: { ...process.env, PORT: '0', TWINARCHIVE_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const firstLine = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', (line) => resolve(line));
    child.once('exit', (code) => reject(new Error(`the dev bridge exited with ${code} before printing its address`)));
  });
  const match = /^ui on (http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]+)$/.exec(firstLine);
  if (!match?.[1]) throw new Error(`unexpected first line from the dev bridge: ${firstLine}`);
  return {
    url: match[1],
    dataDir,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
