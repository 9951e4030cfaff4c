import { readMigrationFiles } from 'drizzle-orm/migrator';
import { pgMigrationsFolder, type PgDb } from '../client.js';

let shipped: number | undefined;

/** Migrations of migrations/pg not applied yet (0: up to date); throws when PostgreSQL cannot be reached. */
export async function countPendingMigrations(db: PgDb): Promise<number> {
  shipped ??= readMigrationFiles({ migrationsFolder: pgMigrationsFolder }).length;
  const result = await db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations');
  return Math.max(0, shipped - result.rows[0]!.n);
}
