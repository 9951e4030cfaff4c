import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { closeDatabase, migrateDatabase, openDatabase } from '../../src/db/index.js';
import { databaseUrl } from '../support/postgres.js';
import { onPostgres } from '../support/test-db.js';

describe.skipIf(!onPostgres)('PostgreSQL client (npm run test:pg)', () => {
  it('migrates an empty database from three instances started at once, each waiting its turn', async () => {
    const adminUrl = inject('postgresAdminUrl');
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query('CREATE DATABASE migrate_race');
    await admin.end();
    const url = databaseUrl(adminUrl, 'migrate_race');
    const handles = [openDatabase(url), openDatabase(url), openDatabase(url)];
    try {
      await Promise.all(handles.map((db) => migrateDatabase(db)));
      const check = new pg.Client({ connectionString: url });
      await check.connect();
      const applied = await check.query('SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations');
      const tables = await check.query("SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'");
      await check.end();
      expect(applied.rows[0].n).toBeGreaterThan(0);
      expect(tables.rows[0].n).toBeGreaterThan(25);
    } finally {
      await Promise.all(handles.map((db) => closeDatabase(db)));
    }
  });
});
