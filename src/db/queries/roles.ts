import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { normalize } from '../../kernel/text.js';
import type { Db } from '../client.js';
import { transaction } from '../client.js';
import { identities, persons, roles } from '../schema.js';
import { appendAudit } from './audit.js';
import { insertOutgoing, type OutgoingMessage } from './outbox.js';

export type RoleName = 'admin' | 'leader';

export interface RoleChange {
  personId: number;
  networkId: string;
  role: RoleName;
  actorPersonId: number;
  at: Date;
  /** Told to the person, committed with the change. */
  notices?: OutgoingMessage[];
}

/** Gives a role; false when the person already had it (nothing written). */
export async function grantRole(db: Db, change: RoleChange): Promise<boolean> {
  return transaction(db, () => insertRoleGrant(db, change));
}

/** The body of grantRole, for a caller that commits more rows with it. Call inside a transaction. */
export function insertRoleGrant(db: Db, change: RoleChange): boolean {
  const inserted = db.orm
    .insert(roles)
    .values({
      personId: change.personId,
      networkId: change.networkId,
      role: change.role,
      grantedBy: change.actorPersonId,
      createdAt: change.at,
    })
    .onConflictDoNothing()
    .run().changes;
  if (inserted === 0) return false;
  recordChange(db, change, 'role.grant');
  return true;
}

/** Takes a role away; false when the person did not have it. */
export async function revokeRole(db: Db, change: RoleChange): Promise<boolean> {
  return transaction(db, () => {
    const deleted = db.orm
      .delete(roles)
      .where(
        and(eq(roles.personId, change.personId), eq(roles.networkId, change.networkId), eq(roles.role, change.role)),
      )
      .run().changes;
    if (deleted === 0) return false;
    recordChange(db, change, 'role.revoke');
    return true;
  });
}

function recordChange(db: Db, change: RoleChange, action: string): void {
  const { personId, networkId, role, actorPersonId, at } = change;
  appendAudit(db, { actorPersonId, action, detail: { personId, networkId, role }, at });
  if (change.notices) insertOutgoing(db, change.notices, at);
}

export interface PersonMatch {
  personId: number;
  name: string;
  username: string | null;
}

/** People known by an @username, or by a display name typed without caring about diacritics or case. */
export async function findPeopleByHandle(db: Db, handle: string): Promise<PersonMatch[]> {
  const trimmed = handle.trim();
  if (trimmed.startsWith('@')) {
    const rows = db.orm
      .select({ personId: identities.personId, name: persons.name, username: identities.username })
      .from(identities)
      .innerJoin(persons, eq(persons.id, identities.personId))
      .where(sql`lower(${identities.username}) = ${trimmed.slice(1).toLowerCase()}`)
      .all();
    return unique(rows);
  }
  const wanted = normalize(trimmed);
  if (!wanted) return [];
  const rows = db.orm
    .select({
      personId: identities.personId,
      name: persons.name,
      username: identities.username,
      displayName: identities.displayName,
    })
    .from(identities)
    .innerJoin(persons, eq(persons.id, identities.personId))
    .all();
  return unique(rows.filter((r) => normalize(r.displayName) === wanted || normalize(r.name) === wanted));
}

function unique(rows: PersonMatch[]): PersonMatch[] {
  const byPerson = new Map<number, PersonMatch>();
  for (const r of rows)
    if (!byPerson.has(r.personId))
      byPerson.set(r.personId, { personId: r.personId, name: r.name, username: r.username });
  return [...byPerson.values()];
}

export interface PrivateChat {
  platform: string;
  chatId: string;
}

/** Private chats where a person can be told something (they have written to the bot privately). */
export async function listPrivateChats(db: Db, personIds: number[]): Promise<PrivateChat[]> {
  if (personIds.length === 0) return [];
  return db.orm
    .select({ platform: identities.platform, chatId: sql<string>`${identities.privateChatId}` })
    .from(identities)
    .where(and(inArray(identities.personId, personIds), isNotNull(identities.privateChatId)))
    .all();
}

/** Private chats of a network's admins: granted admins of the network or of every network, and ADMINS entries. */
export async function listNetworkAdminChats(db: Db, networkId: string, configAdmins: string[]): Promise<PrivateChat[]> {
  const granted = db.orm
    .select({ personId: roles.personId })
    .from(roles)
    .where(and(eq(roles.role, 'admin'), inArray(roles.networkId, [networkId, '*'])))
    .all()
    .map((r) => r.personId);
  const configured = db.orm
    .select({ personId: identities.personId })
    .from(identities)
    .where(
      inArray(
        sql`${identities.platform} || ':' || ${identities.userId}`,
        configAdmins.length > 0 ? configAdmins : [''],
      ),
    )
    .all()
    .map((r) => r.personId);
  return listPrivateChats(db, [...new Set([...granted, ...configured])]);
}
