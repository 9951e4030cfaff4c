import { eq } from 'drizzle-orm';
import type { Actor, Membership } from '../../kernel/actor.js';
import type { Platform } from '../../kernel/message.js';
import type { Db } from '../client.js';
import { readTogether, transaction } from '../client.js';
import { prepared } from '../prepared.js';
import { identities, persons } from '../schema.js';

export interface IdentityInput {
  platform: Platform;
  userId: string;
  name: string;
  username?: string;
  privateChatId?: string;
}

/** Finds the person behind a platform identity, creating it on first contact. */
export async function ensureActor(db: Db, input: IdentityInput, admins: string[]): Promise<Actor> {
  const found = readTogether(db, () => {
    const identity = prepared(db, FIND_IDENTITY).get(input.platform, input.userId) as IdentityRow | undefined;
    return identity && { identity, actor: loadActor(db, identity.personId, input.platform, input.userId, admins) };
  });
  if (!found) return loadActor(db, insertIdentity(db, input), input.platform, input.userId, admins);
  updateIdentity(db, found.identity, input);
  return found.actor;
}

interface IdentityRow {
  personId: number;
  displayName: string;
  username: string | null;
  privateChatId: string | null;
}

// Run on every incoming message: prepared once, no query building.
const FIND_IDENTITY = `SELECT person_id AS personId, display_name AS displayName, username, private_chat_id AS privateChatId
  FROM identities WHERE platform = ? AND user_id = ?`;
const UPDATE_IDENTITY =
  'UPDATE identities SET display_name = ?, username = ?, private_chat_id = ? WHERE platform = ? AND user_id = ?';
const PERSON_NAME = 'SELECT name FROM persons WHERE id = ?';
const PERSON_IDENTITIES = 'SELECT platform, user_id AS userId FROM identities WHERE person_id = ?';
const PERSON_MEMBERSHIPS = `SELECT m.network_id AS networkId, n.name AS networkName, a.id AS agencyId, a.slug AS agencySlug,
  a.name AS agencyName, m.status AS status
  FROM memberships m JOIN agencies a ON a.id = m.agency_id JOIN networks n ON n.id = m.network_id
  WHERE m.person_id = ? AND m.status IN ('active', 'pending') ORDER BY m.id`;
const PERSON_ROLES = 'SELECT network_id AS networkId, role FROM roles WHERE person_id = ?';

/** The name, username and private chat an update shows, stored when they changed. */
function updateIdentity(db: Db, found: IdentityRow, input: IdentityInput): void {
  // An update without a username means the user dropped it: keeping the old one would let someone else who
  // takes that @username later be mistaken for this person.
  const username = input.username ?? null;
  const changed =
    found.displayName !== input.name ||
    (input.privateChatId && found.privateChatId !== input.privateChatId) ||
    found.username !== username;
  if (!changed) return;
  prepared(db, UPDATE_IDENTITY).run(
    input.name,
    username,
    input.privateChatId ?? found.privateChatId,
    input.platform,
    input.userId,
  );
}

function insertIdentity(db: Db, input: IdentityInput): number {
  return transaction(db, () => {
    const person = db.orm.insert(persons).values({ name: input.name }).returning({ id: persons.id }).get();
    db.orm
      .insert(identities)
      .values({
        platform: input.platform,
        userId: input.userId,
        personId: person.id,
        displayName: input.name,
        username: input.username,
        privateChatId: input.privateChatId,
      })
      .run();
    return person.id;
  });
}

function loadActor(db: Db, personId: number, platform: Platform, userId: string, admins: string[]): Actor {
  const person = prepared(db, PERSON_NAME).get(personId) as { name: string };
  const ids =
    admins.length > 0 ? (prepared(db, PERSON_IDENTITIES).all(personId) as { platform: string; userId: string }[]) : [];
  return {
    personId,
    name: person.name,
    platform,
    userId,
    configAdmin: ids.some((i) => admins.includes(`${i.platform}:${i.userId}`)),
    memberships: prepared(db, PERSON_MEMBERSHIPS).all(personId) as Membership[],
    roles: prepared(db, PERSON_ROLES).all(personId) as Actor['roles'],
  };
}

export async function findActorByPerson(db: Db, personId: number, admins: string[]): Promise<Actor | undefined> {
  const identity = db.orm.select().from(identities).where(eq(identities.personId, personId)).get();
  if (!identity) return undefined;
  return loadActor(db, personId, identity.platform as Platform, identity.userId, admins);
}
