#!/usr/bin/env node
// The dev bridge is TypeScript run through tsx, like the CLI: no build step for the core.
import { register } from 'tsx/esm/api';

register();
const { runDevBridge } = await import('../electron/dev-bridge/main.ts');
process.exitCode = await runDevBridge({ env: process.env, stdout: process.stdout, stderr: process.stderr });
