import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Actor, Membership } from '../../../kernel/actor.js';
import type { Platform } from '../../../kernel/message.js';
import type { IdentityInput } from '../../queries/people.js';
import { pgTransaction, type PgDb } from '../client.js';
import { agencies, identities, memberships, networks, persons, roles } from '../schema.js';

/** Finds the person behind a platform identity, creating it on first contact. */
export async function ensureActor(db: PgDb, input: IdentityInput, admins: string[]): Promise<Actor> {
  const personId = await upsertIdentity(db, input);
  return loadActor(db, personId, input.platform, input.userId, admins);
}

const identityKey = (platform: string, userId: string) =>
  and(eq(identities.platform, platform), eq(identities.userId, userId));

async function upsertIdentity(db: PgDb, input: IdentityInput): Promise<number> {
  const [found] = await db.orm
    .select({
      personId: identities.personId,
      displayName: identities.displayName,
      username: identities.username,
      privateChatId: identities.privateChatId,
    })
    .from(identities)
    .where(identityKey(input.platform, input.userId));
  if (found) {
    // An update without a username means the user dropped it: keeping the old one would let someone else who
    // takes that @username later be mistaken for this person.
    const username = input.username ?? null;
    const changed =
      found.displayName !== input.name ||
      (input.privateChatId && found.privateChatId !== input.privateChatId) ||
      found.username !== username;
    if (changed) {
      await db.orm
        .update(identities)
        .set({ displayName: input.name, username, privateChatId: input.privateChatId ?? found.privateChatId })
        .where(identityKey(input.platform, input.userId));
    }
    return found.personId;
  }
  return pgTransaction(db, async (tx) => {
    // A first message handled twice at once (two instances): the second finds the first's identity.
    const [again] = await tx
      .select({ personId: identities.personId })
      .from(identities)
      .where(identityKey(input.platform, input.userId));
    if (again) return again.personId;
    const [person] = await tx.insert(persons).values({ name: input.name }).returning({ id: persons.id });
    await tx.insert(identities).values({
      platform: input.platform,
      userId: input.userId,
      personId: person!.id,
      displayName: input.name,
      username: input.username,
      privateChatId: input.privateChatId,
    });
    return person!.id;
  });
}

/** Four reads at once: on the pool (separate connections), never inside a transaction (one client, one query). */
async function loadActor(
  db: PgDb,
  personId: number,
  platform: Platform,
  userId: string,
  admins: string[],
): Promise<Actor> {
  const ex = db.orm;
  const [[person], ids, personMemberships, personRoles] = await Promise.all([
    ex.select({ name: persons.name }).from(persons).where(eq(persons.id, personId)),
    admins.length > 0
      ? ex
          .select({ platform: identities.platform, userId: identities.userId })
          .from(identities)
          .where(eq(identities.personId, personId))
      : Promise.resolve([]),
    ex
      .select({
        networkId: memberships.networkId,
        networkName: networks.name,
        agencyId: agencies.id,
        agencySlug: agencies.slug,
        agencyName: agencies.name,
        status: memberships.status,
      })
      .from(memberships)
      .innerJoin(agencies, eq(agencies.id, memberships.agencyId))
      .innerJoin(networks, eq(networks.id, memberships.networkId))
      .where(and(eq(memberships.personId, personId), inArray(memberships.status, ['active', 'pending'])))
      .orderBy(asc(memberships.id)),
    ex.select({ networkId: roles.networkId, role: roles.role }).from(roles).where(eq(roles.personId, personId)),
  ]);
  return {
    personId,
    name: person!.name,
    platform,
    userId,
    configAdmin: ids.some((i) => admins.includes(`${i.platform}:${i.userId}`)),
    memberships: personMemberships as Membership[],
    roles: personRoles as Actor['roles'],
  };
}

export async function findActorByPerson(db: PgDb, personId: number, admins: string[]): Promise<Actor | undefined> {
  const [identity] = await db.orm.select().from(identities).where(eq(identities.personId, personId)).limit(1);
  if (!identity) return undefined;
  return loadActor(db, personId, identity.platform as Platform, identity.userId, admins);
}
