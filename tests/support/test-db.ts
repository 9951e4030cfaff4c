import { createHash } from 'node:crypto';
import { inject } from 'vitest';
import type { Env } from '../../src/config.js';
import { createTestDatabase, databaseUrl, dropTestDatabase } from './postgres.js';
import pg from 'pg';

/** Which database the suite runs on: SQLite (`npm test`) or PostgreSQL (`npm run test:pg`, DAUMOI_TEST_DB=pg). */
export const testDialect: 'sqlite' | 'pg' = process.env.DAUMOI_TEST_DB === 'pg' ? 'pg' : 'sqlite';

/** For describe.skipIf / it.skipIf: a test that reads the SQLite file itself. */
export const onPostgres = testDialect === 'pg';

/** One database per test directory, so an app reopened on the same directory finds its data again. */
function nameOf(dir: string): string {
  return `t_${createHash('sha1').update(dir).digest('hex').slice(0, 20)}`;
}

/** The environment that points an app at the test directory's database: nothing for SQLite (the file in it). */
export async function testDatabaseEnv(dir: string): Promise<Env> {
  if (testDialect === 'sqlite') return {};
  const adminUrl = inject('postgresAdminUrl');
  const name = nameOf(dir);
  const exists = await hasDatabase(adminUrl, name);
  return { DATABASE_URL: exists ? databaseUrl(adminUrl, name) : await createTestDatabase(adminUrl, name) };
}

export async function dropTestDirDatabase(dir: string): Promise<void> {
  if (testDialect === 'pg') await dropTestDatabase(inject('postgresAdminUrl'), nameOf(dir));
}

async function hasDatabase(adminUrl: string, name: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return (await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1;
  } finally {
    await client.end();
  }
}
