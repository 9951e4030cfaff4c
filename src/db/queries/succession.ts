import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { preparedQuery } from '../prepared.js';
import { agencies } from '../schema.js';

export interface Predecessor {
  id: number;
  name: string;
}

/** The agencies merged straight into one: on the path of every task list, so prepared once. */
const mergedInto = (db: Db) =>
  preparedQuery(db, 'succession.mergedInto', () => {
    const id = sql.placeholder('id');
    return db.orm
      .select({ id: agencies.id, name: agencies.name })
      .from(agencies)
      .where(
        and(
          eq(agencies.active, false),
          sql`${agencies.networkId} = (SELECT network_id FROM agencies WHERE id = ${id})`,
          sql`json_extract(${agencies.successor}, '$.agency') = (SELECT slug FROM agencies WHERE id = ${id})`,
        ),
      )
      .prepare();
  });

/**
 * The agencies merged into this one (inactive, their successor named as this agency in the plan), and theirs in
 * turn: the successor answers for their tasks.
 */
export async function listPredecessors(db: Db, agencyId: number): Promise<Predecessor[]> {
  const found: Predecessor[] = [];
  const seen = new Set([agencyId]);
  let current = [agencyId];
  while (current.length > 0) {
    const next: number[] = [];
    for (const id of current) {
      const rows = mergedInto(db).all({ id });
      for (const row of rows.filter((r) => !seen.has(r.id))) {
        seen.add(row.id);
        found.push(row);
        next.push(row.id);
      }
    }
    current = next;
  }
  return found;
}
