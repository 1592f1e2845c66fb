import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/**
 * Every server test file runs on PGlite, and again on PostgreSQL when TEST_DATABASE_URL is set
 * (CI sets it). Browser tests drive the built web app in Debian's Chromium. The web app's unit tests
 * (pure functions: form rules, money) run in Node, without a DOM.
 */
const serverTests = ['apps/server/src/**/*.test.ts', 'packages/**/*.test.ts'];
// Migrates one template database per run; each test file gets its own copy of it.
const databaseTemplate = 'apps/server/src/test/database-template.ts';
// Vitest keeps a core for its own process, which sits mostly idle while test files run: on a
// two-core CI machine that meant one file at a time and a core unused. Two workers there; larger
// machines keep vitest's own choice (cores − 1).
const serverWorkers = Math.max(2, availableParallelism() - 1);
const engines = ['pglite', ...(process.env.TEST_DATABASE_URL ? ['postgres'] : [])];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // `npm run coverage`: line and branch coverage of the product's source (not of tests, fixtures
    // or scripts), measured by V8 itself, so nothing is instrumented or transformed for it.
    coverage: {
      provider: 'v8',
      include: ['apps/server/src/**/*.ts', 'apps/web/src/**/*.{ts,tsx}', 'packages/contract/src/**/*.ts'],
      exclude: ['**/*.test.ts', '**/*.fixtures.ts', 'apps/server/src/test/**'],
      reporter: ['text-summary', 'json-summary'],
      reportsDirectory: 'coverage',
      // A test that fails under load must not cost the whole measurement.
      reportOnFailure: true,
    },
    projects: [
      ...engines.map((engine) => ({
        test: {
          name: engine,
          include: serverTests,
          // *.pglite.test.ts exercise the embedded data directory itself (lock, signals, restart);
          // *.postgres.test.ts exercise a PostgreSQL server (dropped connections, outages).
          exclude: engine === 'pglite' ? ['**/*.postgres.test.ts'] : ['**/*.pglite.test.ts'],
          env: { GUANXI_TEST_ENGINE: engine },
          globalSetup: [databaseTemplate],
          maxWorkers: serverWorkers,
          // Files of a worker share its module graph: importing the whole server again for each of
          // ~350 files was a quarter of the suite's time. Each file still builds its own app and
          // database (test-app.ts), and no test mocks a module.
          isolate: false,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      })),
      // The repository's own scripts (no database). Vitest runs projects of one group side by side
      // and wants one worker count across them, so these take the server projects' count.
      { test: { name: 'scripts', include: ['scripts/**/*.test.mjs'], maxWorkers: serverWorkers } },
      {
        test: {
          name: 'web',
          include: ['apps/web/src/**/*.test.{ts,tsx}'],
          environment: 'node',
          maxWorkers: serverWorkers,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['e2e/**/*.test.ts'],
          globalSetup: [databaseTemplate],
          testTimeout: 90_000,
          hookTimeout: 120_000,
          // Two files at a time, sharing their worker's module graph as the server tests do: one
          // file alone left a core idle while Chromium waited on the server, and importing the
          // whole server again for each file cost seconds apiece. Each file still starts its own
          // server, database and Chromium.
          maxWorkers: 2,
          isolate: false,
        },
      },
    ],
  },
});
