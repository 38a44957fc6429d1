import { Worker } from 'node:worker_threads';
import { z } from 'zod';

/*
 * As source text for `new Worker(source, { eval: true })`, like the compression worker: a
 * worker file would be a TypeScript module that neither the bundled app nor plain Node could
 * load. It reads the file on its own, in order, with one reused buffer.
 */
const FILE_DIGEST_SOURCE = `
'use strict';
const { parentPort, workerData } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const { openSync, readSync, closeSync } = require('node:fs');
try {
  const hash = createHash('sha256');
  const buffer = Buffer.allocUnsafe(1 << 20);
  const fd = openSync(workerData.file, 'r');
  let size = 0;
  try {
    for (let read = readSync(fd, buffer, 0, buffer.length, 0); read > 0; read = readSync(fd, buffer, 0, buffer.length, size)) {
      hash.update(buffer.subarray(0, read));
      size += read;
    }
  } finally {
    closeSync(fd);
  }
  parentPort.postMessage({ sha256: hash.digest('hex'), size });
} catch (error) {
  parentPort.postMessage({ error: error && error.message ? error.message : String(error) });
}
`;

const ReplySchema = z.union([
  z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/), size: z.number().int().nonnegative() }),
  z.object({ error: z.string() }),
]);

/**
 * The SHA-256 of a whole file, read and hashed on a thread of its own: checking a large ZIP
 * then hashes its entries on this thread and the file on another core at the same time,
 * instead of one after the other. `size` is how many bytes it read.
 */
export function fileDigestOffThread(file: string): { result: Promise<{ sha256: string; size: number }>; stop: () => void } {
  // Without the parent's flags: a loader such as tsx would only slow the start of plain JS.
  const thread = new Worker(FILE_DIGEST_SOURCE, { eval: true, execArgv: [], workerData: { file } });
  const result = new Promise<{ sha256: string; size: number }>((resolve, reject) => {
    thread.once('message', (message: unknown) => {
      const reply = ReplySchema.safeParse(message);
      if (!reply.success) reject(new Error('The file digest worker answered something unexpected.'));
      else if ('error' in reply.data) reject(new Error(`Could not read ${file} back: ${reply.data.error}`));
      else resolve(reply.data);
    });
    thread.once('error', reject);
    thread.once('exit', (code) => reject(new Error(`The file digest worker stopped (exit code ${code}) before it answered.`)));
  });
  result.catch(() => undefined);
  return { result, stop: () => void thread.terminate() };
}
