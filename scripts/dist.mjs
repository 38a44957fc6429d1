#!/usr/bin/env node
// `npm run dist`: build, package with electron-builder, then rebuild better-sqlite3 for Node.
import { register } from 'tsx/esm/api';

register();
const { dist } = await import('./launch/dist.ts');
process.exitCode = await dist(process.argv.slice(2));
