import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    pool: 'forks',
    // `npm run test:pg` (DAUMOI_TEST_DB=pg): the whole suite on a throwaway PostgreSQL cluster.
    globalSetup: process.env.DAUMOI_TEST_DB === 'pg' ? ['tests/support/postgres-setup.ts'] : [],
  },
});
