import { and, asc, eq } from 'drizzle-orm';
import type { NetworkOfficer } from '../../queries/web-views.js';
import type { PgDb } from '../client.js';
import { memberships, persons } from '../schema.js';

/** Every active officer of a network in one query (the web table names them per agency), longest-serving first. */
export async function listNetworkOfficers(db: PgDb, networkId: string): Promise<NetworkOfficer[]> {
  return db.orm
    .select({
      membershipId: memberships.id,
      personId: memberships.personId,
      agencyId: memberships.agencyId,
      name: persons.name,
      since: memberships.createdAt,
    })
    .from(memberships)
    .innerJoin(persons, eq(persons.id, memberships.personId))
    .where(and(eq(memberships.networkId, networkId), eq(memberships.status, 'active')))
    .orderBy(asc(memberships.id));
}
