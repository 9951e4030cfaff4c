import { configDefaults, defineConfig } from 'vitest/config';
import { pendingOnPostgres } from './tests/pg-pending.js';

const onPostgres = process.env.DAUMOI_TEST_DB === 'pg';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: [...configDefaults.exclude, ...(onPostgres ? pendingOnPostgres : [])],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    pool: 'forks',
    // `npm run test:pg` (DAUMOI_TEST_DB=pg): the whole suite on a throwaway PostgreSQL cluster.
    globalSetup: onPostgres ? ['tests/support/postgres-setup.ts'] : [],
  },
});
