import { defineConfig } from 'vitest/config';

/**
 * Every server test file runs on PGlite, and again on PostgreSQL when TEST_DATABASE_URL is set
 * (CI sets it). Browser tests drive the built web app in Debian's Chromium.
 */
const serverTests = ['apps/server/src/**/*.test.ts', 'packages/**/*.test.ts'];
const engines = ['pglite', ...(process.env.TEST_DATABASE_URL ? ['postgres'] : [])];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      ...engines.map((engine) => ({
        test: {
          name: engine,
          include: serverTests,
          // *.pglite.test.ts exercise the embedded data directory itself (lock, signals, restart);
          // *.postgres.test.ts exercise a PostgreSQL server (dropped connections, outages).
          exclude: engine === 'pglite' ? ['**/*.postgres.test.ts'] : ['**/*.pglite.test.ts'],
          env: { GUANXI_TEST_ENGINE: engine },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      })),
      {
        test: {
          name: 'browser',
          include: ['e2e/**/*.test.ts'],
          testTimeout: 90_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
