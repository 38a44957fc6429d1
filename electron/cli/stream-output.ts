import type { Writable } from 'node:stream';

const BUFFER_CHARS = 64 * 1024;

/** The reader of our output went away (`twinarchive scan --json | head`): not a failure of ours. */
export class OutputClosedError extends Error {
  override readonly name = 'OutputClosedError';
}

function isClosedPipe(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return code === 'EPIPE' || code === 'ERR_STREAM_DESTROYED' || code === 'ERR_STREAM_WRITE_AFTER_END';
}

/**
 * Writes text made piece by piece to a stream (stdout) in blocks of about 64 KiB, waiting for
 * 'drain' whenever the stream asks to, so a slow reader never makes us buffer a 1,000,000-item
 * JSON. A closed pipe ends the writing with OutputClosedError; other stream errors are thrown.
 */
export async function writeChunks(stream: Writable, chunks: Iterable<string>): Promise<void> {
  let failure: unknown = null;
  let wake: (() => void) | null = null;
  const onError = (error: unknown): void => {
    failure ??= error;
    wake?.();
  };
  const onDrain = (): void => wake?.();
  stream.on('error', onError);
  stream.on('drain', onDrain);
  stream.on('close', onDrain);
  const check = (): void => {
    if (failure !== null) throw isClosedPipe(failure) ? new OutputClosedError('The output was closed.') : failure;
    if (stream.destroyed || stream.writableEnded) throw new OutputClosedError('The output was closed.');
  };
  const write = async (text: string): Promise<void> => {
    check();
    let ready = true;
    try {
      ready = stream.write(text);
    } catch (error) {
      onError(error);
    }
    if (!ready && failure === null && !stream.destroyed) {
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
      wake = null;
    }
    check();
  };
  try {
    let pending = '';
    for (const chunk of chunks) {
      pending += chunk;
      if (pending.length >= BUFFER_CHARS) {
        await write(pending);
        pending = '';
      }
    }
    if (pending !== '') await write(pending);
  } finally {
    stream.off('error', onError);
    stream.off('drain', onDrain);
    stream.off('close', onDrain);
  }
}
