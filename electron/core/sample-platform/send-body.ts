import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { pipeline, Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { FAULT_HEADER, isBodyFault, type Fault } from './fault-plan.ts';
import { throttle } from './throttle.ts';

/** Sends a 200 or 206 answer whose body may be large, applying a body fault when one is due. */

export interface BodyAnswer {
  readonly status: number;
  readonly headers: OutgoingHttpHeaders;
  readonly length: number;
  /** Body bytes [from, to), relative to the start of this answer's body. */
  open(from: number, to: number): Buffer | Readable;
}

const TRICKLE_BYTES = 4096;
const TRICKLE_PIECES = 16;
const TRICKLE_TOTAL_MS = 1920;

function writeChunk(res: ServerResponse, chunk: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    if (res.destroyed) {
      reject(new Error('The connection is closed.'));
      return;
    }
    const onClose = (): void => reject(new Error('The connection closed.'));
    res.once('close', onClose);
    // The callback runs once the chunk is handed to the socket, so memory stays bounded.
    res.write(chunk, (error) => {
      res.off('close', onClose);
      if (error) reject(error);
      else resolve();
    });
  });
}

async function writePart(res: ServerResponse, part: Buffer | Readable): Promise<void> {
  if (Buffer.isBuffer(part)) {
    await writeChunk(res, part);
    return;
  }
  for await (const chunk of part) await writeChunk(res, chunk as Buffer);
}

function finish(res: ServerResponse, part: Buffer | Readable, pace: Pace | null = null): void {
  const noop = () => undefined;
  // Errors here mean the client went away; pipeline already cleaned both ends up.
  if (pace !== null) pipeline(Buffer.isBuffer(part) ? Readable.from([part]) : part, throttle(pace.bytesPerSecond, pace.signal), res, noop);
  else if (Buffer.isBuffer(part)) res.end(part);
  else pipeline(part, res, noop);
}

/** A bandwidth limit for bodies (bytes per second), or none. */
export interface Pace {
  bytesPerSecond: number;
  signal: AbortSignal;
}

async function sendWithFault(
  res: ServerResponse,
  answer: BodyAnswer,
  fault: Fault,
  signal: AbortSignal,
): Promise<void> {
  if (fault.kind === 'trickle') {
    const slow = Math.min(answer.length, TRICKLE_BYTES);
    const pieces = Math.min(TRICKLE_PIECES, slow);
    for (let piece = 0; piece < pieces; piece += 1) {
      const from = Math.floor((piece * slow) / pieces);
      const to = Math.floor(((piece + 1) * slow) / pieces);
      await writePart(res, answer.open(from, to));
      await sleep(TRICKLE_TOTAL_MS / pieces, undefined, { signal });
    }
    finish(res, answer.open(slow, answer.length));
    return;
  }
  const sent = Math.min(answer.length - 1, Math.max(1, Math.floor(answer.length * fault.share)));
  await writePart(res, answer.open(0, sent));
  const socket = res.socket;
  if (socket === null) return;
  if (fault.kind === 'reset') socket.resetAndDestroy();
  else socket.end();
}

export async function sendBody(
  res: ServerResponse,
  method: string,
  answer: BodyAnswer,
  fault: Fault | null,
  signal: AbortSignal,
  bandwidth: number | null = null,
): Promise<void> {
  const faulty = fault !== null && isBodyFault(fault.kind) && method === 'GET' && answer.length >= 2;
  res.writeHead(answer.status, {
    ...answer.headers,
    'Content-Length': answer.length,
    ...(faulty ? { [FAULT_HEADER]: fault.kind } : {}),
  });
  if (method === 'HEAD') {
    res.end();
    return;
  }
  if (!faulty) {
    finish(res, answer.open(0, answer.length), bandwidth === null ? null : { bytesPerSecond: bandwidth, signal });
    return;
  }
  try {
    await sendWithFault(res, answer, fault, signal);
  } catch {
    res.destroy();
  }
}
