import { spawn } from 'node:child_process';

/**
 * Runs a command with the terminal attached and resolves to its exit code. npm and npx are
 * .cmd files on Windows, which Node only starts through a shell. A SIGTERM sent to this script
 * is passed on, so the app or the bridge stops cleanly instead of being orphaned (Ctrl+C
 * already reaches the whole process group).
 */
export function runCommand(command: string, args: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit', env, shell: process.platform === 'win32' });
    const passOn = (): void => {
      child.kill('SIGTERM');
    };
    process.on('SIGTERM', passOn);
    child.on('error', (error) => {
      process.off('SIGTERM', passOn);
      console.error(`${command} could not be started: ${error.message}`);
      resolve(1);
    });
    child.on('exit', (code, signal) => {
      process.off('SIGTERM', passOn);
      resolve(code ?? (signal === null ? 1 : 128));
    });
  });
}

export const npm = 'npm';
export const npx = 'npx';
