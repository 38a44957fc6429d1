#!/usr/bin/env node
// The CLI is TypeScript run through tsx, so `npx twinarchive` works in a fresh clone with no build.
import { register } from 'tsx/esm/api';

// `twinarchive search … | head` closes the pipe early: that is the reader's choice, not a crash.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

register();
const { runCli } = await import('../electron/cli/main.ts');
process.exitCode = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
});
