import { getTableName, type Table } from 'drizzle-orm';
import { describe, expect, expectTypeOf, it } from 'vitest';
import * as pg from '../../src/db/pg/schema.js';
import * as sqlite from '../../src/db/schema.js';

// The two dialects' schemas describe the same rows: code above db/ sees one set of row types whichever runs.

type Tables<S> = { [K in keyof S as S[K] extends Table ? K : never]: S[K] };
type SqliteTables = Tables<typeof sqlite>;
// task_search is PostgreSQL's full-text index (SQLite's is the tasks_fts virtual table, outside the schema).
type PgTables = Omit<Tables<typeof pg>, 'taskSearch'>;

type Rows<T, Kind extends '$inferSelect' | '$inferInsert'> = {
  [K in keyof T]: T[K] extends Record<Kind, infer R> ? KeyRequired<K, R> : never;
};
// SQLite makes an INTEGER PRIMARY KEY optional on insert (it aliases the rowid); blocks.person_id is always given.
type KeyRequired<K, R> = K extends 'blocks' ? Omit<R, 'personId'> & { personId: number } : R;

describe('the PostgreSQL schema', () => {
  it('has the same tables with the same selected and inserted row types as the SQLite one', () => {
    expectTypeOf<keyof PgTables>().toEqualTypeOf<keyof SqliteTables>();
    expectTypeOf<Rows<PgTables, '$inferSelect'>>().toEqualTypeOf<Rows<SqliteTables, '$inferSelect'>>();
    expectTypeOf<Rows<PgTables, '$inferInsert'>>().toEqualTypeOf<Rows<SqliteTables, '$inferInsert'>>();
  });

  it('names the tables alike', () => {
    const names = (schema: Record<string, unknown>) =>
      Object.values(schema)
        .filter((t): t is Table => typeof t === 'object' && t !== null && Symbol.for('drizzle:IsDrizzleTable') in t)
        .map((t) => getTableName(t))
        .filter((n) => n !== 'task_search')
        .sort();
    expect(names(pg)).toEqual(names(sqlite));
  });
});
