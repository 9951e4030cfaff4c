import { and, asc, eq } from 'drizzle-orm';
import type { PersonCard } from '../../queries/person-lookup.js';
import type { PgDb } from '../client.js';
import { identities, persons } from '../schema.js';

export async function findPersonCard(db: PgDb, personId: number): Promise<PersonCard | undefined> {
  const [person] = await db.orm.select().from(persons).where(eq(persons.id, personId));
  if (!person) return undefined;
  const ids = await db.orm
    .select({ platform: identities.platform, userId: identities.userId, username: identities.username })
    .from(identities)
    .where(eq(identities.personId, personId))
    .orderBy(asc(identities.platform));
  return { personId, name: person.name, firstSeen: person.createdAt, identities: ids };
}

/** The person behind an exact platform id (telegram:123456): the one identifier a user cannot choose. */
export async function findPersonByPlatformId(
  db: PgDb,
  platform: string,
  userId: string,
): Promise<PersonCard | undefined> {
  const [row] = await db.orm
    .select({ personId: identities.personId })
    .from(identities)
    .where(and(eq(identities.platform, platform), eq(identities.userId, userId)));
  return row ? findPersonCard(db, row.personId) : undefined;
}
