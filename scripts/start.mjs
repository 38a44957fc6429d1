#!/usr/bin/env node
// `npm start`: the desktop app when the Electron binary is installed, else the dev bridge (the
// same UI in a browser). The logic is TypeScript, run through tsx like the CLI.
import { register } from 'tsx/esm/api';

register();
const { start } = await import('./launch/start.ts');
process.exitCode = await start(process.argv.slice(2));
