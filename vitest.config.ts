import { defineConfig } from 'vitest/config';
import { SummaryReporter } from './test/summary-reporter.js';

// The DB suite runs once per engine: always on PGlite, and also on a PostgreSQL server when
// KEHU_TEST_DATABASE_URL is set, or on a Citus cluster when KEHU_TEST_CITUS is (CONTRIBUTING.md).
// Browser journeys run once, on PGlite.
const dbTests = ['src/**/*.test.ts', 'test/**/*.test.ts'];
const serverUrl = process.env.KEHU_TEST_CITUS ?? process.env.KEHU_TEST_DATABASE_URL;
const engines = serverUrl ? ['pglite', 'postgres'] : ['pglite'];

export default defineConfig({
  test: {
    reporters: ['default', new SummaryReporter()],
    // Files spend much of their time waiting on other processes (the PGlite host, the PostgreSQL
    // server, spawned CLIs): three at once keep two cores busy, where vitest's default (cores - 1)
    // runs one file at a time on a 2-core machine.
    maxWorkers: 3,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      ...engines.map((engine) => ({
        test: {
          name: engine,
          include: dbTests,
          env: { KEHU_TEST_ENGINE: engine, ...(serverUrl ? { KEHU_TEST_DATABASE_URL: serverUrl } : {}) },
          globalSetup: ['test/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      })),
      {
        test: {
          name: 'browser',
          include: ['e2e/**/*.e2e.test.ts', 'web/src/**/*.test.ts'],
          env: { KEHU_TEST_ENGINE: 'pglite' },
          globalSetup: ['test/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
