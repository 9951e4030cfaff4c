import { readMigrationFiles } from 'drizzle-orm/migrator';
import { defaultMigrationsFolder, type Db } from '../client.js';
import { prepared } from '../prepared.js';

let shipped: number | undefined;

/**
 * Migrations shipped with this build that the database has not applied (0: up to date). Throws when the
 * database cannot be read: both make the instance not ready (GET /readyz).
 */
export async function countPendingMigrations(db: Db): Promise<number> {
  shipped ??= readMigrationFiles({ migrationsFolder: defaultMigrationsFolder }).length;
  const { n } = prepared(db, 'SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number };
  return Math.max(0, shipped - n);
}
