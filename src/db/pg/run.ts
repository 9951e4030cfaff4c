import type { SQL } from 'drizzle-orm';
import type { PgExec } from './client.js';

// Small helpers for the PostgreSQL queries: raw SQL (drizzle's `sql` template binds every value) and row counts.

export async function rows<T>(ex: PgExec, query: SQL): Promise<T[]> {
  return (await ex.execute(query)).rows as T[];
}

export async function first<T>(ex: PgExec, query: SQL): Promise<T | undefined> {
  return (await rows<T>(ex, query))[0];
}

/** Rows an insert, update or delete touched (SQLite's `changes`). */
export function changed(result: { rowCount: number | null }): number {
  return result.rowCount ?? 0;
}
