import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { Language } from '../../shared/contract.ts';
import { createAppService } from '../core/app/index.ts';
import { defaultDataDir } from '../core/library/data-dir.ts';
import { startBridgeServer } from './bridge-server.ts';
import { createWebAdapters } from './web-adapters.ts';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Where `vite build` writes the renderer. */
export const DEFAULT_STATIC_DIR = path.join(REPO_ROOT, 'out', 'renderer');
/** Time given to a clean stop before the process ends anyway. */
const STOP_GRACE_MS = 5000;

export interface DevBridgeIo {
  env: NodeJS.ProcessEnv;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

const PortSchema = z.coerce.number().int().min(0).max(65535);

function packageVersion(): string {
  const parsed = z.object({ version: z.string() }).safeParse(JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')));
  return parsed.success ? parsed.data.version : '0.0.0';
}

function systemLanguage(env: NodeJS.ProcessEnv): Language {
  const locale = env['LC_ALL'] || env['LC_MESSAGES'] || env['LANG'] || Intl.DateTimeFormat().resolvedOptions().locale;
  return /^nl\b|^nl[_-]/i.test(locale) ? 'nl' : 'en';
}

/**
 * `npm run dev:web`: the app service behind loopback HTTP, for the UI in a plain browser. The
 * first line on stdout is the address to open, with this run's token in the fragment (which
 * browsers never send to a server or put in a Referer). Runs until SIGINT or SIGTERM.
 */
export async function runDevBridge(io: DevBridgeIo): Promise<number> {
  const port = PortSchema.safeParse(io.env['PORT'] || 0);
  if (!port.success) {
    io.stderr.write(`PORT must be a port number from 0 to 65535 (0 picks a free one), not "${io.env['PORT'] ?? ''}".\n`);
    return 2;
  }
  const dataDir = path.resolve(io.env['TWINARCHIVE_DATA_DIR'] || defaultDataDir({ env: io.env }));
  const staticDir = path.resolve(io.env['TWINARCHIVE_STATIC_DIR'] || DEFAULT_STATIC_DIR);
  const token = randomBytes(32).toString('base64url');
  const service = createAppService({
    dataDir, shell: 'web', version: packageVersion(), systemLanguage: systemLanguage(io.env), adapters: createWebAdapters(),
    onUnexpectedError: (call, error) => io.stderr.write(`${call} failed unexpectedly: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`),
  });
  let server;
  try {
    server = await startBridgeServer({ service, staticDir, port: port.data, token });
  } catch (error) {
    await service.close();
    const code = (error as NodeJS.ErrnoException).code;
    io.stderr.write(code === 'EADDRINUSE'
      ? `Port ${port.data} is in use: stop what uses it, or run with PORT=0 for a free one.\n`
      : `The dev bridge could not start (${code ?? (error as Error).message}): try again.\n`);
    return 1;
  }
  io.stdout.write(`ui on ${server.origin}/#token=${token}\n`);
  io.stderr.write(`Serving ${staticDir}; data in ${dataDir}. Stop with Ctrl+C.\n`);

  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    process.once('SIGINT', () => resolve('SIGINT'));
    process.once('SIGTERM', () => resolve('SIGTERM'));
  });
  io.stderr.write(`Stopping (${signal})…\n`);
  // Whatever still holds the event loop after a clean stop must not keep the process alive.
  setTimeout(() => process.exit(0), STOP_GRACE_MS).unref();
  await server.close();
  await service.close();
  return 0;
}
