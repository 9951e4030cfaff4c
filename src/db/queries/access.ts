import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../client.js';
import { transaction } from '../client.js';
import { prepared } from '../prepared.js';
import { agencies, blocks, memberships, networks, persons, reportDrafts } from '../schema.js';
import { appendAudit } from './audit.js';
import { insertOutgoing, type OutgoingMessage } from './outbox.js';

// Taking access back: ending an officer's membership and blocking a person. Every change is audited.

export interface AgencyOfficer {
  membershipId: number;
  personId: number;
  name: string;
  since: Date;
}

/** The agency's active officers, longest-serving first. */
export async function listAgencyOfficers(db: Db, agencyId: number): Promise<AgencyOfficer[]> {
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
    .orderBy(asc(memberships.id))
    .all();
}

export interface ActiveMembership {
  membershipId: number;
  personId: number;
  name: string;
  agencyId: number;
  agencyName: string;
  networkId: string;
  networkName: string;
}

export async function findActiveMembership(db: Db, membershipId: number): Promise<ActiveMembership | undefined> {
  return db.orm
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
    .where(and(eq(memberships.id, membershipId), eq(memberships.status, 'active')))
    .get();
}

export interface EndMembershipInput {
  membershipId: number;
  actorPersonId: number;
  at: Date;
  /** Told to the officer, committed with the change. */
  notices: OutgoingMessage[];
}

/**
 * Ends an active membership (the row stays: activities and reports keep their author) and releases the
 * report drafts the officer held for that agency, so a colleague can take them over. Null when not active.
 */
export async function endMembership(db: Db, input: EndMembershipInput): Promise<{ draftsReleased: number } | null> {
  return transaction(db, () => {
    const row = db.orm.select().from(memberships).where(eq(memberships.id, input.membershipId)).get();
    if (!row || row.status !== 'active') return null;
    db.orm
      .update(memberships)
      .set({ status: 'left', endedAt: input.at, endedBy: input.actorPersonId })
      .where(eq(memberships.id, row.id))
      .run();
    // Idle since the epoch: the next officer of the agency who opens the report takes it over.
    const draftsReleased = db.orm
      .update(reportDrafts)
      .set({ updatedAt: new Date(0) })
      .where(and(eq(reportDrafts.agencyId, row.agencyId), eq(reportDrafts.holderPersonId, row.personId)))
      .run().changes;
    const detail = {
      membershipId: row.id,
      personId: row.personId,
      networkId: row.networkId,
      agencyId: row.agencyId,
      draftsReleased,
    };
    appendAudit(db, { actorPersonId: input.actorPersonId, action: 'membership.end', detail, at: input.at });
    insertOutgoing(db, input.notices, input.at);
    return { draftsReleased };
  });
}

export interface BlockChange {
  personId: number;
  actorPersonId: number;
  at: Date;
}

/** Blocks a person; false when already blocked. */
export async function blockPerson(db: Db, change: BlockChange): Promise<boolean> {
  return transaction(db, () => {
    const inserted = db.orm
      .insert(blocks)
      .values({ personId: change.personId, blockedBy: change.actorPersonId, at: change.at })
      .onConflictDoNothing()
      .run().changes;
    if (inserted === 0) return false;
    const detail = { personId: change.personId };
    appendAudit(db, { actorPersonId: change.actorPersonId, action: 'person.block', detail, at: change.at });
    return true;
  });
}

/** Lifts a block; false when the person was not blocked. */
export async function unblockPerson(db: Db, change: BlockChange): Promise<boolean> {
  return transaction(db, () => {
    const deleted = db.orm.delete(blocks).where(eq(blocks.personId, change.personId)).run().changes;
    if (deleted === 0) return false;
    const detail = { personId: change.personId };
    appendAudit(db, { actorPersonId: change.actorPersonId, action: 'person.unblock', detail, at: change.at });
    return true;
  });
}

export async function isBlocked(db: Db, personId: number): Promise<boolean> {
  return db.orm.select().from(blocks).where(eq(blocks.personId, personId)).get() !== undefined;
}

// On every message's path: prepared once.
const FIND_BLOCK = 'SELECT noticed_at AS noticedAt FROM blocks WHERE person_id = ?';
const MARK_NOTICED = 'UPDATE blocks SET noticed_at = ? WHERE person_id = ? AND noticed_at IS NULL';

/**
 * 'open' for everyone not blocked; 'tell' the first time a blocked person writes (the notice is marked as
 * given in the same statement, so two messages at once cannot both be told); 'ignore' afterwards.
 */
export async function checkBlock(db: Db, personId: number, at: Date): Promise<'open' | 'tell' | 'ignore'> {
  const row = prepared(db, FIND_BLOCK).get(personId) as { noticedAt: number | null } | undefined;
  if (!row) return 'open';
  if (row.noticedAt !== null) return 'ignore';
  return prepared(db, MARK_NOTICED).run(at.getTime(), personId).changes > 0 ? 'tell' : 'ignore';
}
