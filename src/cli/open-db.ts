import { closeDatabase, migrateDatabase, openDatabase, type Db } from '../db/index.js';
import { loadConfig, type AppConfig } from '../config.js';
import type { CliIo } from './types.js';

/** Opens the configured database with migrations applied, runs `fn`, closes it. */
export async function withDatabase<T>(io: CliIo, fn: (db: Db, config: AppConfig) => Promise<T>): Promise<T> {
  const config = loadConfig(io.env);
  const db = openDatabase(config.databaseUrl ?? config.databasePath);
  try {
    await migrateDatabase(db);
    return await fn(db, config);
  } finally {
    await closeDatabase(db);
  }
}
