import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['server/**/*.test.ts', 'shared/**/*.test.ts', 'web/**/*.test.ts', 'bench/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    // Files share their worker's modules, as the files of one server share its process: a
    // quarter of each run went to importing the same modules again for every file (PGlite 187 s →
    // 122 s, PostgreSQL 203 s → 122 s, each pair back to back on one machine). Tests keep to their own rows and tokens,
    // so the process's caches (sessions, import jobs) hold nothing another file could read.
    isolate: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
