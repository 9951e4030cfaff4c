// Merging two person rows into one when a person links their Telegram and Zalo identities.
import { and, eq, getTableColumns, inArray, is } from 'drizzle-orm';
import { getTableConfig, SQLiteTable, type SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { Db } from '../client.js';
import * as schema from '../schema.js';
import { agencies, groups, identities, invites, linkCodes, memberships, networks, persons, roles } from '../schema.js';

export type MergeConflict =
  | { kind: 'platformTaken'; platform: string }
  | { kind: 'agencyConflict'; networkName: string; kept: string; other: string };

/** Why the two persons cannot become one, if anything stops it. Inside a transaction. */
export function findMergeConflict(db: Db, into: number, from: number): MergeConflict | undefined {
  const platformsOf = (personId: number) =>
    db.orm
      .select({ platform: identities.platform })
      .from(identities)
      .where(eq(identities.personId, personId))
      .all()
      .map((r) => r.platform);
  const taken = platformsOf(into);
  const clash = platformsOf(from).find((p) => taken.includes(p));
  if (clash) return { kind: 'platformTaken', platform: clash };
  const kept = activeAgencies(db, into);
  for (const other of activeAgencies(db, from)) {
    const same = kept.find((k) => k.networkId === other.networkId);
    if (same && same.agencyId !== other.agencyId) {
      return { kind: 'agencyConflict', networkName: same.networkName, kept: same.agencyName, other: other.agencyName };
    }
  }
  return undefined;
}

function activeAgencies(db: Db, personId: number) {
  return db.orm
    .select({
      networkId: memberships.networkId,
      networkName: networks.name,
      agencyId: memberships.agencyId,
      agencyName: agencies.name,
    })
    .from(memberships)
    .innerJoin(agencies, eq(agencies.id, memberships.agencyId))
    .innerJoin(networks, eq(networks.id, memberships.networkId))
    .where(and(eq(memberships.personId, personId), eq(memberships.status, 'active')))
    .all();
}

/**
 * Moves everything of person `from` to person `into` and deletes `from`../../../db/queries/. Inside a transaction, after
 * findMergeConflict found nothing. Every column referencing persons is found from the schema, so a table
 * added later is moved too; a unique clash there aborts the transaction rather than losing rows.
 */
export function mergePersons(db: Db, into: number, from: number): void {
  const source = db.orm.select().from(persons).where(eq(persons.id, from)).get();
  const target = db.orm.select().from(persons).where(eq(persons.id, into)).get();
  if (!source || !target) throw new Error(`mergePersons: person ${from} or ${into} does not exist`);
  db.orm.delete(linkCodes).where(eq(linkCodes.personId, from)).run();
  dropDuplicateRoles(db, into, from);
  for (const column of personReferences()) moveReferences(db, column, into, from);
  moveLooseReferences(db, into, from);
  db.orm
    .update(persons)
    .set({
      preferredPlatform: target.preferredPlatform ?? source.preferredPlatform,
      mutedUntil: target.mutedUntil ?? source.mutedUntil,
    })
    .where(eq(persons.id, into))
    .run();
  db.orm.delete(persons).where(eq(persons.id, from)).run();
  tidyMemberships(db, into);
}

function dropDuplicateRoles(db: Db, into: number, from: number): void {
  for (const role of db.orm.select().from(roles).where(eq(roles.personId, into)).all()) {
    db.orm
      .delete(roles)
      .where(and(eq(roles.personId, from), eq(roles.networkId, role.networkId), eq(roles.role, role.role)))
      .run();
  }
}

interface PersonReference {
  table: SQLiteTable;
  key: string;
  column: SQLiteColumn;
}

function personReferences(): PersonReference[] {
  const found: PersonReference[] = [];
  for (const table of Object.values(schema)) {
    if (!is(table, SQLiteTable) || table === persons) continue;
    for (const fk of getTableConfig(table).foreignKeys) {
      const ref = fk.reference();
      if (ref.foreignTable !== persons) continue;
      for (const column of ref.columns) {
        const key = Object.entries(getTableColumns(table)).find(([, c]) => c === column)?.[0];
        if (key) found.push({ table, key, column });
      }
    }
  }
  return found;
}

function moveReferences(db: Db, ref: PersonReference, into: number, from: number): void {
  db.orm
    .update(ref.table)
    .set({ [ref.key]: into } as never)
    .where(eq(ref.column, from))
    .run();
}

/** Columns that name a person without a foreign key (who decided, granted, invited, bound). */
function moveLooseReferences(db: Db, into: number, from: number): void {
  db.orm.update(memberships).set({ decidedBy: into }).where(eq(memberships.decidedBy, from)).run();
  db.orm.update(roles).set({ grantedBy: into }).where(eq(roles.grantedBy, from)).run();
  db.orm.update(invites).set({ createdBy: into }).where(eq(invites.createdBy, from)).run();
  db.orm.update(invites).set({ usedBy: into }).where(eq(invites.usedBy, from)).run();
  db.orm.update(groups).set({ boundBy: into }).where(eq(groups.boundBy, from)).run();
}

/** One membership per network after a merge: duplicates of an active one and superseded requests are closed. */
function tidyMemberships(db: Db, personId: number): void {
  const rows = db.orm
    .select()
    .from(memberships)
    .where(and(eq(memberships.personId, personId), inArray(memberships.status, ['active', 'pending'])))
    .orderBy(memberships.id)
    .all();
  const keep = new Map<string, number>();
  for (const row of rows.filter((r) => r.status === 'active'))
    if (!keep.has(row.networkId)) keep.set(row.networkId, row.id);
  for (const row of rows.filter((r) => r.status === 'pending').reverse())
    if (!keep.has(row.networkId)) keep.set(row.networkId, row.id);
  const closed = rows.filter((r) => keep.get(r.networkId) !== r.id).map((r) => r.id);
  if (closed.length > 0)
    db.orm.update(memberships).set({ status: 'left' }).where(inArray(memberships.id, closed)).run();
}
