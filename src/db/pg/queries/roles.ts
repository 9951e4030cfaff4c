import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { normalize } from '../../../kernel/text.js';
import type { PersonMatch, PrivateChat, RoleChange } from '../../queries/roles.js';
import { pgTransaction, type PgDb, type PgExec } from '../client.js';
import { changed } from '../run.js';
import { identities, persons, roles } from '../schema.js';
import { appendAudit } from './audit.js';
import { insertOutgoing } from './outbox.js';

/** Gives a role; false when the person already had it (nothing written). */
export async function grantRole(db: PgDb, change: RoleChange): Promise<boolean> {
  return pgTransaction(db, (tx) => insertRoleGrant(tx, change));
}

/** The body of grantRole, for a caller that commits more rows with it. Call inside a transaction. */
export async function insertRoleGrant(ex: PgExec, change: RoleChange): Promise<boolean> {
  const inserted = changed(
    await ex
      .insert(roles)
      .values({
        personId: change.personId,
        networkId: change.networkId,
        role: change.role,
        grantedBy: change.actorPersonId,
        createdAt: change.at,
      })
      .onConflictDoNothing(),
  );
  if (inserted === 0) return false;
  await recordChange(ex, change, 'role.grant');
  return true;
}

/** Takes a role away; false when the person did not have it. */
export async function revokeRole(db: PgDb, change: RoleChange): Promise<boolean> {
  return pgTransaction(db, async (tx) => {
    const deleted = changed(
      await tx
        .delete(roles)
        .where(
          and(eq(roles.personId, change.personId), eq(roles.networkId, change.networkId), eq(roles.role, change.role)),
        ),
    );
    if (deleted === 0) return false;
    await recordChange(tx, change, 'role.revoke');
    return true;
  });
}

async function recordChange(ex: PgExec, change: RoleChange, action: string): Promise<void> {
  const { personId, networkId, role, actorPersonId, at } = change;
  await appendAudit(ex, { actorPersonId, action, detail: { personId, networkId, role }, at });
  if (change.notices) await insertOutgoing(ex, change.notices, at);
}

/** People known by an @username, or by a display name typed without caring about diacritics or case. */
export async function findPeopleByHandle(db: PgDb, handle: string): Promise<PersonMatch[]> {
  const trimmed = handle.trim();
  const people = db.orm
    .select({
      personId: identities.personId,
      name: persons.name,
      username: identities.username,
      displayName: identities.displayName,
    })
    .from(identities)
    .innerJoin(persons, eq(persons.id, identities.personId));
  if (trimmed.startsWith('@')) {
    return unique(
      await people.where(sql`lower(${identities.username}) = ${trimmed.slice(1).toLowerCase()}`).orderBy(persons.id),
    );
  }
  const wanted = normalize(trimmed);
  if (!wanted) return [];
  const rows = await people.orderBy(persons.id);
  return unique(rows.filter((r) => normalize(r.displayName) === wanted || normalize(r.name) === wanted));
}

function unique(rows: PersonMatch[]): PersonMatch[] {
  const byPerson = new Map<number, PersonMatch>();
  for (const r of rows)
    if (!byPerson.has(r.personId))
      byPerson.set(r.personId, { personId: r.personId, name: r.name, username: r.username });
  return [...byPerson.values()];
}

/** Private chats where a person can be told something (they have written to the bot privately). */
export async function listPrivateChats(db: PgDb, personIds: number[]): Promise<PrivateChat[]> {
  if (personIds.length === 0) return [];
  return db.orm
    .select({ platform: identities.platform, chatId: sql<string>`${identities.privateChatId}` })
    .from(identities)
    .where(and(inArray(identities.personId, personIds), isNotNull(identities.privateChatId)));
}

/** Private chats of a network's admins: granted admins of the network or of every network, and ADMINS entries. */
export async function listNetworkAdminChats(
  db: PgDb,
  networkId: string,
  configAdmins: string[],
): Promise<PrivateChat[]> {
  const granted = await db.orm
    .select({ personId: roles.personId })
    .from(roles)
    .where(and(eq(roles.role, 'admin'), inArray(roles.networkId, [networkId, '*'])));
  const configured = await db.orm
    .select({ personId: identities.personId })
    .from(identities)
    .where(
      inArray(
        sql`${identities.platform} || ':' || ${identities.userId}`,
        configAdmins.length > 0 ? configAdmins : [''],
      ),
    );
  return listPrivateChats(db, [...new Set([...granted, ...configured].map((r) => r.personId))]);
}
