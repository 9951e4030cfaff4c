import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../client.js';
import { memberships, persons } from '../schema.js';
import type { AgencyOfficer } from './access.js';

export interface NetworkOfficer extends AgencyOfficer {
  agencyId: number;
}

/** Every active officer of a network in one query (the web table names them per agency), longest-serving first. */
export async function listNetworkOfficers(db: Db, networkId: string): Promise<NetworkOfficer[]> {
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
    .orderBy(asc(memberships.id))
    .all();
}
