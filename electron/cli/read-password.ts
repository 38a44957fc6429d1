import type { CliIo } from './cli-io.ts';
import { UsageError } from './usage-error.ts';

/**
 * The password comes from the named environment variable or, in a terminal, from a prompt
 * that does not echo. Never from argv: other users of the machine can read a process's argv.
 */
export async function readPassword(io: CliIo, passwordEnv: string | undefined, login: string): Promise<string> {
  if (passwordEnv !== undefined) {
    const value = io.env[passwordEnv];
    if (value === undefined || value === '') {
      throw new UsageError(`The environment variable ${passwordEnv} is empty or not set: put the password for ${login} in it.`);
    }
    return value;
  }
  if (!io.stdin.isTTY || !io.stdin.setRawMode) {
    throw new UsageError(`No password for ${login}: pass --password-env VAR with the password in that variable, or run in a terminal to be asked.`);
  }
  return promptHidden(io, `Password for ${login}: `);
}

function promptHidden(io: CliIo, prompt: string): Promise<string> {
  const { stdin, stderr } = io;
  stderr.write(prompt);
  stdin.setRawMode?.(true);
  stdin.resume();
  let typed = '';
  return new Promise((resolve, reject) => {
    const finish = (error: Error | null) => {
      stdin.off('data', onData);
      stdin.setRawMode?.(false);
      stdin.pause();
      stderr.write('\n');
      if (error) reject(error);
      else resolve(typed);
    };
    const onData = (chunk: Buffer | string) => {
      for (const char of chunk.toString('utf8')) {
        if (char === '\r' || char === '\n') return finish(null);
        if (char === '\u0003') return finish(new UsageError('Cancelled.'));
        if (char === '\u007f' || char === '\b') typed = typed.slice(0, -1);
        else typed += char;
      }
    };
    stdin.on('data', onData);
  });
}
