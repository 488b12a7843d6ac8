import { defineConfig } from 'vitest/config';

// Browser tests: a real `hoptac serve` on a fresh embedded database (a copy of the run's demo
// database, e2e/global-setup.ts), driven by Debian's Chromium.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['e2e/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
