import type { Readable, Writable } from 'node:stream';

/** The process's streams and environment, passed in so commands never reach for globals. */
export interface CliIo {
  stdout: Writable;
  stderr: Writable;
  stdin: Readable & { isTTY?: boolean; setRawMode?: (raw: boolean) => unknown };
  env: NodeJS.ProcessEnv;
}

export function writeLine(stream: Writable, line = ''): void {
  stream.write(`${line}\n`);
}
