// Merging two person rows into one (see ../../queries/person-merge.ts).
import { and, asc, eq, getTableColumns, inArray, is } from 'drizzle-orm';
import { getTableConfig, PgTable, type PgColumn } from 'drizzle-orm/pg-core';
import type { MergeConflict } from '../../queries/person-merge.js';
import type { PgExec } from '../client.js';
import * as schema from '../schema.js';
import { agencies, groups, identities, invites, linkCodes, memberships, networks, persons, roles } from '../schema.js';

/** Why the two persons cannot become one, if anything stops it. Inside a transaction. */
export async function findMergeConflict(tx: PgExec, into: number, from: number): Promise<MergeConflict | undefined> {
  const platformsOf = async (personId: number) =>
    (await tx.select({ platform: identities.platform }).from(identities).where(eq(identities.personId, personId))).map(
      (r) => r.platform,
    );
  const taken = await platformsOf(into);
  const clash = (await platformsOf(from)).find((p) => taken.includes(p));
  if (clash) return { kind: 'platformTaken', platform: clash };
  const kept = await activeAgencies(tx, into);
  for (const other of await activeAgencies(tx, from)) {
    const same = kept.find((k) => k.networkId === other.networkId);
    if (same && same.agencyId !== other.agencyId) {
      return { kind: 'agencyConflict', networkName: same.networkName, kept: same.agencyName, other: other.agencyName };
    }
  }
  return undefined;
}

function activeAgencies(tx: PgExec, personId: number) {
  return tx
    .select({
      networkId: memberships.networkId,
      networkName: networks.name,
      agencyId: memberships.agencyId,
      agencyName: agencies.name,
    })
    .from(memberships)
    .innerJoin(agencies, eq(agencies.id, memberships.agencyId))
    .innerJoin(networks, eq(networks.id, memberships.networkId))
    .where(and(eq(memberships.personId, personId), eq(memberships.status, 'active')));
}

/**
 * Moves everything of person `from` to person `into` and deletes `from`. Inside a transaction, after
 * findMergeConflict found nothing. Every column referencing persons is found from the schema.
 */
export async function mergePersons(tx: PgExec, into: number, from: number): Promise<void> {
  const [source] = await tx.select().from(persons).where(eq(persons.id, from));
  const [target] = await tx.select().from(persons).where(eq(persons.id, into));
  if (!source || !target) throw new Error(`mergePersons: person ${from} or ${into} does not exist`);
  await tx.delete(linkCodes).where(eq(linkCodes.personId, from));
  for (const role of await tx.select().from(roles).where(eq(roles.personId, into)))
    await tx
      .delete(roles)
      .where(and(eq(roles.personId, from), eq(roles.networkId, role.networkId), eq(roles.role, role.role)));
  for (const ref of personReferences())
    await tx
      .update(ref.table)
      .set({ [ref.key]: into } as never)
      .where(eq(ref.column, from));
  await moveLooseReferences(tx, into, from);
  await tx
    .update(persons)
    .set({
      preferredPlatform: target.preferredPlatform ?? source.preferredPlatform,
      mutedUntil: target.mutedUntil ?? source.mutedUntil,
    })
    .where(eq(persons.id, into));
  await tx.delete(persons).where(eq(persons.id, from));
  await tidyMemberships(tx, into);
}

interface PersonReference {
  table: PgTable;
  key: string;
  column: PgColumn;
}

function personReferences(): PersonReference[] {
  const found: PersonReference[] = [];
  for (const table of Object.values(schema)) {
    if (!is(table, PgTable) || table === persons) continue;
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

/** Columns that name a person without a foreign key (who decided, granted, invited, bound). */
async function moveLooseReferences(tx: PgExec, into: number, from: number): Promise<void> {
  await tx.update(memberships).set({ decidedBy: into }).where(eq(memberships.decidedBy, from));
  await tx.update(roles).set({ grantedBy: into }).where(eq(roles.grantedBy, from));
  await tx.update(invites).set({ createdBy: into }).where(eq(invites.createdBy, from));
  await tx.update(invites).set({ usedBy: into }).where(eq(invites.usedBy, from));
  await tx.update(groups).set({ boundBy: into }).where(eq(groups.boundBy, from));
}

/** One membership per network after a merge: duplicates of an active one and superseded requests are closed. */
async function tidyMemberships(tx: PgExec, personId: number): Promise<void> {
  const rows = await tx
    .select()
    .from(memberships)
    .where(and(eq(memberships.personId, personId), inArray(memberships.status, ['active', 'pending'])))
    .orderBy(asc(memberships.id));
  const keep = new Map<string, number>();
  for (const row of rows.filter((r) => r.status === 'active'))
    if (!keep.has(row.networkId)) keep.set(row.networkId, row.id);
  for (const row of rows.filter((r) => r.status === 'pending').reverse())
    if (!keep.has(row.networkId)) keep.set(row.networkId, row.id);
  const closed = rows.filter((r) => keep.get(r.networkId) !== r.id).map((r) => r.id);
  if (closed.length > 0) await tx.update(memberships).set({ status: 'left' }).where(inArray(memberships.id, closed));
}
