#!/usr/bin/env node
// `npm run test:electron`: the Electron smoke test, or one line saying why it is skipped.
import { register } from 'tsx/esm/api';

register();
const { testElectron } = await import('./launch/test-electron.ts');
process.exitCode = await testElectron();
