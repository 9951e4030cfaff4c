import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { inject } from 'vitest';
import type { Env } from '../../src/config.js';
import { migrateDatabase, openDatabase, type Db } from '../../src/db/index.js';
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

/**
 * A test directory's database opened outside an app (seeded before a bot process starts, read while none runs),
 * with the environment that points a bot process or the CLI at it: the SQLite file `file`, or under
 * `npm run test:pg` the directory's PostgreSQL database. Close it with closeDatabase.
 */
export async function openTestDatabase(dir: string, file = 'test.db'): Promise<{ db: Db; env: Env }> {
  const env: Env = { DATABASE_PATH: join(dir, file), ...(await testDatabaseEnv(dir)) };
  const db = openDatabase(env.DATABASE_URL ?? join(dir, file));
  await migrateDatabase(db);
  return { db, env };
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
