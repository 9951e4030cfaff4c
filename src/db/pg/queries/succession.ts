import { and, eq, sql } from 'drizzle-orm';
import type { Predecessor } from '../../queries/succession.js';
import type { PgDb } from '../client.js';
import { agencies } from '../schema.js';

/** The agencies merged into this one, and theirs in turn: the successor answers for their tasks. */
export async function listPredecessors(db: PgDb, agencyId: number): Promise<Predecessor[]> {
  const found: Predecessor[] = [];
  const seen = new Set([agencyId]);
  let current = [agencyId];
  while (current.length > 0) {
    const next: number[] = [];
    for (const id of current) {
      const rows = await db.orm
        .select({ id: agencies.id, name: agencies.name })
        .from(agencies)
        .where(
          and(
            eq(agencies.active, false),
            sql`${agencies.networkId} = (SELECT network_id FROM agencies WHERE id = ${id})`,
            sql`${agencies.successor}->>'agency' = (SELECT slug FROM agencies WHERE id = ${id})`,
          ),
        )
        .orderBy(agencies.id);
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
