import * as sqlite from './client.js';
import { DatabaseError } from './client.js';
import {
  closePgDatabase,
  isPostgresUrl,
  migratePgDatabase,
  openPgDatabase,
  pgMigrationsFolder,
  type PgDb,
} from './pg/client.js';

// Two implementations behind the same db/ functions: the SQLite one (synchronous transactions, prepared
// statements, group commit: why one process is fast) and the PostgreSQL one (async, node-postgres: several
// processes on one database). The handle says which; index.ts sends each call to the matching module.

export type SqliteDb = sqlite.Db;
export type { PgDb };
export type AnyDb = SqliteDb | PgDb;

/** A SQLite file path, or a postgres:// URL (DATABASE_URL) for PostgreSQL. */
export function openAnyDatabase(location: string, options: { busyTimeoutMs?: number } = {}): AnyDb {
  return isPostgresUrl(location) ? openPgDatabase(location) : sqlite.openDatabase(location, options);
}

/** SQLite migrates synchronously (and throws at once); PostgreSQL under an advisory lock. */
export function migrateAnyDatabase(db: AnyDb, migrationsFolder?: string): Promise<void> {
  if (db.dialect === 'pg') return migratePgDatabase(db, migrationsFolder ?? pgMigrationsFolder);
  sqlite.migrateDatabase(db, migrationsFolder);
  return Promise.resolve();
}

export function closeAnyDatabase(db: AnyDb): Promise<void> {
  if (db.dialect === 'pg') return closePgDatabase(db);
  sqlite.closeDatabase(db);
  return Promise.resolve();
}

export async function backupAnyDatabase(db: AnyDb, destination: string): Promise<void> {
  if (db.dialect === 'pg') throw new DatabaseError('A PostgreSQL database is backed up with pg_dump');
  return sqlite.backupDatabase(db, destination);
}

/** The db functions of a SQLite query module: async, the handle first. Synchronous helpers stay inside db/. */
type DbFunctionKeys<M> = {
  [K in keyof M]: M[K] extends (db: SqliteDb, ...args: never[]) => Promise<unknown> ? K : never;
}[keyof M];

/** What the PostgreSQL twin of a SQLite module must export: each db function, same parameters and result. */
export type PgModule<M> = {
  [K in DbFunctionKeys<M>]: M[K] extends (db: SqliteDb, ...args: infer A) => infer R
    ? (db: PgDb, ...args: A) => R
    : never;
};

/** The functions index.ts exports, the ones the twin has: either handle. */
export type Dispatched<M, P> = {
  [K in keyof P & DbFunctionKeys<M>]: M[K] extends (db: SqliteDb, ...args: infer A) => infer R
    ? (db: AnyDb, ...args: A) => R
    : never;
};

type AnyFn = (db: AnyDb, ...args: unknown[]) => unknown;

/**
 * Pairs a SQLite module with its PostgreSQL twin. The twin's type is derived from the SQLite module, so a
 * function missing on PostgreSQL, or with other parameters or another result there, fails type checking.
 */
export function dialects<M, P extends PgModule<M>>(sqliteModule: M, pgModule: P): Dispatched<M, P> {
  const out: Record<string, AnyFn> = {};
  for (const [name, pgFn] of Object.entries(pgModule as Record<string, AnyFn>)) {
    const sqliteFn = (sqliteModule as Record<string, AnyFn | undefined>)[name];
    if (typeof sqliteFn !== 'function' || typeof pgFn !== 'function') continue; // a helper of the pg modules
    out[name] = (db, ...args) => (db.dialect === 'pg' ? pgFn(db, ...args) : sqliteFn(db, ...args));
  }
  return out as Dispatched<M, P>;
}
