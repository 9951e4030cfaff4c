import { and, asc, eq, isNull } from 'drizzle-orm';
import type { ActiveMembership, AgencyOfficer, BlockChange, EndMembershipInput } from '../../queries/access.js';
import { pgTransaction, type PgDb } from '../client.js';
import { changed } from '../run.js';
import { agencies, blocks, memberships, networks, persons, reportDrafts } from '../schema.js';
import { appendAudit } from './audit.js';
import { insertOutgoing } from './outbox.js';

/** The agency's active officers, longest-serving first. */
export async function listAgencyOfficers(db: PgDb, agencyId: number): Promise<AgencyOfficer[]> {
  return db.orm
    .select({
      membershipId: memberships.id,
      personId: memberships.personId,
      name: persons.name,
      since: memberships.createdAt,
    })
    .from(memberships)
    .innerJoin(persons, eq(persons.id, memberships.personId))
    .where(and(eq(memberships.agencyId, agencyId), eq(memberships.status, 'active')))
    .orderBy(asc(memberships.id));
}

export async function findActiveMembership(db: PgDb, membershipId: number): Promise<ActiveMembership | undefined> {
  const [row] = await db.orm
    .select({
      membershipId: memberships.id,
      personId: memberships.personId,
      name: persons.name,
      agencyId: memberships.agencyId,
      agencyName: agencies.name,
      networkId: memberships.networkId,
      networkName: networks.name,
    })
    .from(memberships)
    .innerJoin(persons, eq(persons.id, memberships.personId))
    .innerJoin(agencies, eq(agencies.id, memberships.agencyId))
    .innerJoin(networks, eq(networks.id, memberships.networkId))
    .where(and(eq(memberships.id, membershipId), eq(memberships.status, 'active')));
  return row;
}

/** See the SQLite version: the membership ends, the officer's drafts for the agency are released. */
export async function endMembership(db: PgDb, input: EndMembershipInput): Promise<{ draftsReleased: number } | null> {
  return pgTransaction(db, async (tx) => {
    const [row] = await tx.select().from(memberships).where(eq(memberships.id, input.membershipId));
    if (!row || row.status !== 'active') return null;
    await tx
      .update(memberships)
      .set({ status: 'left', endedAt: input.at, endedBy: input.actorPersonId })
      .where(eq(memberships.id, row.id));
    // Idle since the epoch: the next officer of the agency who opens the report takes it over.
    const draftsReleased = changed(
      await tx
        .update(reportDrafts)
        .set({ updatedAt: new Date(0) })
        .where(and(eq(reportDrafts.agencyId, row.agencyId), eq(reportDrafts.holderPersonId, row.personId))),
    );
    const detail = {
      membershipId: row.id,
      personId: row.personId,
      networkId: row.networkId,
      agencyId: row.agencyId,
      draftsReleased,
    };
    await appendAudit(tx, { actorPersonId: input.actorPersonId, action: 'membership.end', detail, at: input.at });
    await insertOutgoing(tx, input.notices, input.at);
    return { draftsReleased };
  });
}

/** Blocks a person; false when already blocked. */
export async function blockPerson(db: PgDb, change: BlockChange): Promise<boolean> {
  return pgTransaction(db, async (tx) => {
    const inserted = changed(
      await tx
        .insert(blocks)
        .values({ personId: change.personId, blockedBy: change.actorPersonId, at: change.at })
        .onConflictDoNothing(),
    );
    if (inserted === 0) return false;
    const detail = { personId: change.personId };
    await appendAudit(tx, { actorPersonId: change.actorPersonId, action: 'person.block', detail, at: change.at });
    return true;
  });
}

/** Lifts a block; false when the person was not blocked. */
export async function unblockPerson(db: PgDb, change: BlockChange): Promise<boolean> {
  return pgTransaction(db, async (tx) => {
    const deleted = changed(await tx.delete(blocks).where(eq(blocks.personId, change.personId)));
    if (deleted === 0) return false;
    const detail = { personId: change.personId };
    await appendAudit(tx, { actorPersonId: change.actorPersonId, action: 'person.unblock', detail, at: change.at });
    return true;
  });
}

export async function isBlocked(db: PgDb, personId: number): Promise<boolean> {
  const [row] = await db.orm.select({ personId: blocks.personId }).from(blocks).where(eq(blocks.personId, personId));
  return row !== undefined;
}

/** 'open', 'tell' the first time a blocked person writes (marked in the same statement), then 'ignore'. */
export async function checkBlock(db: PgDb, personId: number, at: Date): Promise<'open' | 'tell' | 'ignore'> {
  const [row] = await db.orm.select({ noticedAt: blocks.noticedAt }).from(blocks).where(eq(blocks.personId, personId));
  if (!row) return 'open';
  if (row.noticedAt !== null) return 'ignore';
  const marked = await db.orm
    .update(blocks)
    .set({ noticedAt: at })
    .where(and(eq(blocks.personId, personId), isNull(blocks.noticedAt)));
  return changed(marked) > 0 ? 'tell' : 'ignore';
}
