import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { drizzle, type NodePgDatabase, type NodePgQueryResultHKT } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase } from 'drizzle-orm/pg-core';
import pg from 'pg';
import * as schema from './schema.js';

export const pgMigrationsFolder = resolve(dirname(fileURLToPath(import.meta.url)), '../../../migrations/pg');

/** The PostgreSQL handle (DATABASE_URL=postgres://...): a pool shared by every query of the process. */
export interface PgDb {
  readonly dialect: 'pg';
  readonly pool: pg.Pool;
  readonly orm: NodePgDatabase<typeof schema>;
  readonly url: string;
}

/** The pool or a transaction: what the queries run on. */
export type PgExec = PgDatabase<NodePgQueryResultHKT, typeof schema>;

// count(*) is a bigint and sum() a numeric: node-postgres hands both over as strings. Ours fit in a double.
const numeric = (value: string) => Number(value);
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === pg.types.builtins.INT8 || oid === pg.types.builtins.NUMERIC
      ? numeric
      : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//.test(location);
}

export function openPgDatabase(url: string, options: { max?: number } = {}): PgDb {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10, types });
  // An idle client losing its connection (server restart) must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  return { dialect: 'pg', pool, orm: drizzle(pool, { schema }), url };
}

// Any 64-bit number both sides agree on: the instances that start at once queue on it.
const MIGRATION_LOCK = 0x64a0_0001;

/** Applies migrations/pg under an advisory lock: instances started together migrate one after the other. */
export async function migratePgDatabase(db: PgDb, migrationsFolder = pgMigrationsFolder): Promise<void> {
  const client = await db.pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      await migrate(drizzle(client), { migrationsFolder });
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  } finally {
    client.release();
  }
}

export async function closePgDatabase(db: PgDb): Promise<void> {
  if (!db.pool.ended) await db.pool.end();
}

const RETRIED = new Set(['40001', '40P01']); // serialization failure, deadlock

/**
 * Runs `fn` in one serializable transaction, retried when PostgreSQL aborts it for a conflict: the same
 * guarantee as SQLite's one-writer transactions, without a lock over the whole database.
 */
export async function pgTransaction<T>(db: PgDb, fn: (tx: PgExec) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.orm.transaction(fn, { isolationLevel: 'serializable' });
    } catch (error) {
      if (attempt >= 20 || !RETRIED.has(errorCode(error) ?? '')) throw error;
      await new Promise((r) => setTimeout(r, Math.random() * 5 * attempt));
    }
  }
}

/** The SQLSTATE of a failed query (drizzle wraps the driver's error in its own). */
export function errorCode(error: unknown): string | undefined {
  for (let e = error; e instanceof Error; e = e.cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return undefined;
}
