import type Database from 'better-sqlite3';
import type { Db } from './client.js';

const cache = new WeakMap<Db, Map<string, Database.Statement>>();

/** A statement prepared once per connection, for queries on every message's path. */
export function prepared(db: Db, sql: string): Database.Statement {
  let statements = cache.get(db);
  if (!statements) cache.set(db, (statements = new Map()));
  let statement = statements.get(sql);
  if (!statement) statements.set(sql, (statement = db.sqlite.prepare(sql)));
  return statement;
}

const queries = new WeakMap<Db, Map<string, unknown>>();

/**
 * A drizzle query built and prepared once per connection (values bound through `sql.placeholder`):
 * drizzle otherwise rebuilds the SQL text of every query on every call. `key` names the query's shape.
 * Placeholders bypass column encoding: pass driver values (1/0 for booleans, epoch ms for timestamps).
 */
export function preparedQuery<T>(db: Db, key: string, build: () => T): T {
  let built = queries.get(db);
  if (!built) queries.set(db, (built = new Map()));
  let query = built.get(key) as T | undefined;
  if (query === undefined) built.set(key, (query = build()));
  return query;
}
