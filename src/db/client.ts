import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { sha256Hex } from './code-hash.js';
import * as schema from './schema.js';

export const defaultMigrationsFolder = resolve(dirname(fileURLToPath(import.meta.url)), '../../migrations');

/** The database handle. Code outside db/ passes it around but never looks inside. */
export interface Db {
  readonly dialect: 'sqlite';
  readonly sqlite: Database.Database;
  readonly orm: BetterSQLite3Database<typeof schema>;
  readonly path: string;
}

export class DatabaseError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DatabaseError';
  }
}

export function openDatabase(path: string, options: { busyTimeoutMs?: number } = {}): Db {
  if (path !== ':memory:') {
    mkdirSync(dirname(resolve(path)), { recursive: true });
    createOwnerOnly(path);
  }
  const sqlite = new Database(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
  sqlite.pragma('foreign_keys = ON');
  cacheStatements(sqlite);
  registerFunctions(sqlite);
  return { dialect: 'sqlite', sqlite, orm: drizzle(sqlite, { schema }), path };
}

/** SQL functions our migrations use: every connection that migrates needs them (openDatabase registers them). */
export function registerFunctions(sqlite: Database.Database): void {
  sqlite.function('sha256_hex', { deterministic: true }, (v: unknown) => (v === null ? null : sha256Hex(String(v))));
}

/**
 * drizzle prepares every query anew; preparing costs more than running most of ours. Statements are
 * cached by their SQL text and handed back in their default mode (drizzle toggles raw() for some reads).
 */
function cacheStatements(sqlite: Database.Database): void {
  const cache = new Map<string, Database.Statement>();
  const prepare = sqlite.prepare.bind(sqlite);
  sqlite.prepare = ((source: string) => {
    const cached = cache.get(source);
    if (cached && !cached.busy) return cached.reader ? cached.raw(false).pluck(false).expand(false) : cached;
    const statement = prepare(source);
    if (!cached && cache.size < 5000) cache.set(source, statement);
    return statement;
  }) as Database.Database['prepare'];
}

/**
 * Applies committed migrations. drizzle-kit's table rebuilds start with PRAGMA foreign_keys=OFF, which
 * SQLite ignores inside the migration transaction: with foreign keys on, dropping the old table would
 * cascade-delete child rows. So foreign keys are turned off on the connection first, checked after.
 */
export function migrateDatabase(db: Db, migrationsFolder = defaultMigrationsFolder): void {
  db.sqlite.pragma('foreign_keys = OFF');
  try {
    migrate(db.orm, { migrationsFolder });
    const broken = db.sqlite.pragma('foreign_key_check') as unknown[];
    if (broken.length > 0) {
      throw new DatabaseError(`Migration left ${broken.length} rows violating foreign keys`);
    }
  } finally {
    db.sqlite.pragma('foreign_keys = ON');
  }
}

export function closeDatabase(db: Db): void {
  if (db.sqlite.open) db.sqlite.close();
}

/** Consistent online copy while the bot keeps writing (SQLite backup API). */
export async function backupDatabase(db: Db, destination: string): Promise<void> {
  mkdirSync(dirname(resolve(destination)), { recursive: true });
  await db.sqlite.backup(destination);
  chmodSync(destination, 0o600);
}

/** A new database file is readable by its owner only (SQLite gives its -wal and -shm files the same mode). */
function createOwnerOnly(path: string): void {
  if (existsSync(path)) return;
  closeSync(openSync(path, 'a', 0o600));
}

/**
 * Runs the reads of `fn` in one read transaction: outside one, every statement takes and drops the file's
 * shared lock (two fcntl and one fstat system calls, most of the cost of a point lookup). `fn` must not write.
 */
export function readTogether<T>(db: Db, fn: () => T): T {
  return db.sqlite.inTransaction ? fn() : db.sqlite.transaction(fn).deferred();
}

/** Runs `fn` in one immediate write transaction. */
export function transaction<T>(db: Db, fn: () => T): T {
  return db.sqlite.transaction(fn).immediate();
}
