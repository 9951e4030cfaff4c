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
