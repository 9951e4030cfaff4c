import { and, eq, inArray } from 'drizzle-orm';
import type { Actor, Membership } from '../../src/core/access.js';
import type { Platform } from '../../src/core/message.js';
import type { Db } from '../client.js';
import { transaction } from '../client.js';
import { agencies, identities, memberships, networks, persons, roles } from '../schema.js';

export interface IdentityInput {
  platform: Platform;
  userId: string;
  name: string;
  username?: string;
  privateChatId?: string;
}

/** Finds the person behind a platform identity, creating it on first contact. */
export async function ensureActor(db: Db, input: IdentityInput, admins: string[]): Promise<Actor> {
  const personId = upsertIdentity(db, input);
  return loadActor(db, personId, input.platform, input.userId, admins);
}

function upsertIdentity(db: Db, input: IdentityInput): number {
  const found = db.orm.select().from(identities)
    .where(and(eq(identities.platform, input.platform), eq(identities.userId, input.userId))).get();
  if (found) {
    const changed = found.displayName !== input.name || (input.privateChatId && found.privateChatId !== input.privateChatId)
      || (input.username && found.username !== input.username);
    if (changed) {
      db.orm.update(identities).set({
        displayName: input.name,
        username: input.username ?? found.username,
        privateChatId: input.privateChatId ?? found.privateChatId,
      }).where(and(eq(identities.platform, input.platform), eq(identities.userId, input.userId))).run();
    }
    return found.personId;
  }
  return transaction(db, () => {
    const person = db.orm.insert(persons).values({ name: input.name }).returning({ id: persons.id }).get();
    db.orm.insert(identities).values({
      platform: input.platform, userId: input.userId, personId: person.id, displayName: input.name,
      username: input.username, privateChatId: input.privateChatId,
    }).run();
    return person.id;
  });
}

function loadActor(db: Db, personId: number, platform: Platform, userId: string, admins: string[]): Actor {
  const person = db.orm.select().from(persons).where(eq(persons.id, personId)).get()!;
  const ids = db.orm.select({ platform: identities.platform, userId: identities.userId })
    .from(identities).where(eq(identities.personId, personId)).all();
  const rows = db.orm
    .select({
      networkId: memberships.networkId, networkName: networks.name, agencyId: agencies.id,
      agencySlug: agencies.slug, agencyName: agencies.name, status: memberships.status,
    })
    .from(memberships)
    .innerJoin(agencies, eq(agencies.id, memberships.agencyId))
    .innerJoin(networks, eq(networks.id, memberships.networkId))
    .where(and(eq(memberships.personId, personId), inArray(memberships.status, ['active', 'pending'])))
    .all();
  const roleRows = db.orm.select({ networkId: roles.networkId, role: roles.role }).from(roles)
    .where(eq(roles.personId, personId)).all();
  return {
    personId,
    name: person.name,
    platform,
    userId,
    configAdmin: ids.some((i) => admins.includes(`${i.platform}:${i.userId}`)),
    memberships: rows as Membership[],
    roles: roleRows as Actor['roles'],
  };
}

export async function findActorByPerson(db: Db, personId: number, admins: string[]): Promise<Actor | undefined> {
  const identity = db.orm.select().from(identities).where(eq(identities.personId, personId)).get();
  if (!identity) return undefined;
  return loadActor(db, personId, identity.platform as Platform, identity.userId, admins);
}
