import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'server',
          include: [
            'core/**/*.test.ts',
            'server/**/*.test.ts',
            'tests/api/**/*.test.ts',
            'scripts/**/*.test.ts',
            'tests/architecture/**/*.test.ts',
          ],
          globalSetup: ['tests/support/global-database.ts'],
          // Every test process audits with the tests' audit key, as the server does with its own.
          setupFiles: ['tests/support/test-keys.ts'],
          testTimeout: 30_000,
          hookTimeout: 120_000,
          // On PostgreSQL the files share one database; run them one at a time so counts stay exact.
          fileParallelism: !process.env.DATABASE_URL,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.browser.test.ts'],
          // The prerequisite check runs first: a machine without Chromium stops with one line, not a stack trace.
          globalSetup: ['tests/support/browser-prerequisites.ts', 'tests/support/global-server.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
