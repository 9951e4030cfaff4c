import type Database from 'better-sqlite3';
import pg from 'pg';
import type { AnyDb } from '../../src/db/dialect.js';

// Tests that check a table directly run the same SQL on either dialect. Rows come back shaped as SQLite gives
// them (counts and timestamps as numbers, booleans as 0/1, JSON as its text), so one expectation fits both.
const { builtins } = pg.types;
const asSqlite: Record<number, (value: string) => unknown> = {
  [builtins.INT8]: Number,
  [builtins.NUMERIC]: Number,
  [builtins.BOOL]: (v) => (v === 't' ? 1 : 0),
  [builtins.JSON]: (v) => v,
  [builtins.JSONB]: (v) => v,
  [builtins.TIMESTAMPTZ]: (v) => new Date(v).getTime(),
  [builtins.TIMESTAMP]: (v) => new Date(v).getTime(),
};
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    asSqlite[oid] ?? pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/** `?` placeholders become `$1…`; a camelCase alias is quoted so PostgreSQL keeps its case. */
function toPg(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`).replace(/\bAS ([a-z]+[A-Z]\w*)/g, 'AS "$1"');
}

/** A Date parameter is bound as each dialect stores a time: milliseconds in SQLite, a timestamptz in PostgreSQL. */
const forSqlite = (params: unknown[]) => params.map((p) => (p instanceof Date ? p.getTime() : p));

export async function sqlAll<T = Record<string, unknown>>(db: AnyDb, sql: string, ...params: unknown[]): Promise<T[]> {
  if (db.dialect === 'pg') return (await db.pool.query({ text: toPg(sql), values: params, types })).rows as T[];
  return db.sqlite.prepare(sql).all(...forSqlite(params)) as T[];
}

export async function sqlGet<T = Record<string, unknown>>(
  db: AnyDb,
  sql: string,
  ...params: unknown[]
): Promise<T | undefined> {
  return (await sqlAll<T>(db, sql, ...params))[0];
}

export async function sqlRun(db: AnyDb, sql: string, ...params: unknown[]): Promise<void> {
  if (db.dialect === 'pg') await db.pool.query({ text: toPg(sql), values: params });
  else db.sqlite.prepare(sql).run(...forSqlite(params));
}

/** The database's own tables (SQLite's internal ones and PostgreSQL's catalogs left out), by name. */
export async function sqlTables(db: AnyDb): Promise<string[]> {
  const rows =
    db.dialect === 'pg'
      ? await sqlAll<{ name: string }>(
          db,
          "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1",
        )
      : await sqlAll<{ name: string }>(
          db,
          "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY 1",
        );
  return rows.map((r) => r.name);
}

/** The SQLite connection behind a handle, for the tests about SQLite itself (file locks, a full disk, pragmas). */
export function sqliteOf(db: AnyDb): Database.Database {
  if (db.dialect !== 'sqlite') throw new Error('a SQLite-only test ran on PostgreSQL: skip it with onPostgres');
  return db.sqlite;
}
