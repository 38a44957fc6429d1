import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'http', 'https', 'net', 'crypto', 'stream', 'zlib', 'url', 'util', 'worker_threads'];
const layer = (patterns, message) => ({ group: patterns, message });

export default tseslint.config(
  { ignores: ['.tmp/', '.scratch-html/', 'twinarchive-demo/', 'node_modules/', 'out/', 'dist/', 'dist-electron/', 'release/', 'coverage/', 'tests/e2e/screenshots/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' }],
    },
  },
  {
    files: ['*.config.{js,ts}', 'vite.config.ts', 'vitest.config.ts', 'eslint.config.js'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        layer(['**/electron/**', '**/renderer/**', 'electron'], 'shared/ imports nothing of ours: it runs in the renderer too.'),
        layer(nodeBuiltins, 'shared/ is pure: no Node built-ins.'),
      ] }],
    },
  },
  {
    files: ['electron/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        layer(['electron', 'electron/*'], 'electron/core is plain Node: the CLI and tests run it without Electron.'),
        layer(['**/renderer/**', '**/electron/main/**', '**/electron/preload/**', '**/cli/**'], 'electron/core is below the shells.'),
      ] }],
    },
  },
  {
    files: ['electron/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        layer(['electron', 'electron/*'], 'The CLI runs without Electron.'),
        layer(['**/renderer/**', '**/electron/main/**', '**/electron/preload/**'], 'The CLI talks to core only.'),
      ] }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}', 'electron/preload/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        layer(['**/electron/core/**', '**/electron/main/**', '**/electron/cli/**'], 'The renderer and preload import only shared/.'),
        layer(nodeBuiltins, 'The renderer and preload have no Node.'),
      ] }],
    },
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    ignores: ['electron/main/ipc/**', 'electron/preload/**'],
    rules: {
      'no-restricted-properties': ['error',
        { object: 'ipcMain', message: 'Register IPC only through the typed contract in electron/main/ipc/.' },
        { object: 'ipcRenderer', message: 'Call IPC only through the preload bridge.' },
      ],
    },
  },
);
