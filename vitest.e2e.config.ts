import { defineConfig } from 'vitest/config';

/** End-to-end: the built UI in Debian's Chromium, driven through the dev bridge and the real core. */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    testTimeout: 300_000,
    hookTimeout: 120_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
