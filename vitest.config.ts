import { defineConfig } from 'vitest/config';

const serverInclude = ['server/src/**/*.test.ts', 'server/test/**/*.test.ts'];
const exclude = ['**/node_modules/**', '**/dist/**', 'data/**', '.test-results/**'];

/**
 * Slow files whose subject does not depend on the database run in the SQLite project only (a test file with no test
 * would fail the other project, and a skipped one hides nothing useful).
 */
const sqliteOnly = ['server/test/large-transfer.test.ts'];

const serverProject = (dialect: 'sqlite' | 'postgres') => ({
  test: {
    name: `server-${dialect}`,
    include: serverInclude,
    exclude: dialect === 'postgres' ? [...exclude, ...sqliteOnly] : exclude,
    environment: 'node' as const,
    env: { GATEHOUSE_TEST_DIALECT: dialect, NODE_ENV: 'test', TZ: 'UTC' },
    globalSetup: dialect === 'postgres' ? ['server/test/support/postgres.global.ts'] : [],
    setupFiles: ['server/test/support/modules.setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    maxWorkers: 2,
  },
});

export default defineConfig({
  test: {
    // Two cores: never more than two test files at once across all projects.
    maxWorkers: 2,
    teardownTimeout: 30_000,
    projects: [
      {
        test: {
          name: 'unit',
          include: ['contracts/src/**/*.test.ts', 'web/src/**/*.test.ts'],
          exclude,
          environment: 'node',
        },
      },
      serverProject('sqlite'),
      serverProject('postgres'),
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          exclude,
          environment: 'node',
          env: { NODE_ENV: 'test', TZ: 'UTC' },
          globalSetup: ['e2e/support/browser.global.ts'],
          fileParallelism: false,
          maxWorkers: 1,
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // Browser tests start after the server suites so they do not fight over the two cores.
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
