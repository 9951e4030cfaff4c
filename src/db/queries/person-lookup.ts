import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../client.js';
import { identities, persons } from '../schema.js';

export interface PersonIdentity {
  platform: string;
  userId: string;
  username: string | null;
}

/** Who a person is beyond their chosen name: every platform identity and when the bot first saw them. */
export interface PersonCard {
  personId: number;
  name: string;
  firstSeen: Date;
  identities: PersonIdentity[];
}

export async function findPersonCard(db: Db, personId: number): Promise<PersonCard | undefined> {
  const person = db.orm.select().from(persons).where(eq(persons.id, personId)).get();
  if (!person) return undefined;
  const ids = db.orm
    .select({ platform: identities.platform, userId: identities.userId, username: identities.username })
    .from(identities)
    .where(eq(identities.personId, personId))
    .orderBy(asc(identities.platform))
    .all();
  return { personId, name: person.name, firstSeen: person.createdAt, identities: ids };
}

/** The person behind an exact platform id (telegram:123456): the one identifier a user cannot choose. */
export async function findPersonByPlatformId(
  db: Db,
  platform: string,
  userId: string,
): Promise<PersonCard | undefined> {
  const row = db.orm
    .select({ personId: identities.personId })
    .from(identities)
    .where(and(eq(identities.platform, platform), eq(identities.userId, userId)))
    .get();
  return row ? findPersonCard(db, row.personId) : undefined;
}
