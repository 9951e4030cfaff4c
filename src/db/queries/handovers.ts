import { and, eq, gt, inArray } from 'drizzle-orm';
import type { Db } from '../client.js';
import { transaction } from '../client.js';
import { agencies, blocks, handovers, memberships, networks, persons, reportDrafts } from '../schema.js';
import { appendAudit } from './audit.js';
import { addMembership, findActiveMembershipIn, withdrawPendingIn } from './memberships.js';
import { insertOutgoing, type OutgoingMessage } from './outbox.js';

// Handing an agency from its officer to a successor (/bangiao). The successor's confirmation (or an admin)
// completes it in one transaction: the officers' memberships end (rows kept, so history keeps its authors), the
// successor's starts, the report drafts they held move to the successor. Every step is audited.

/** An offer not taken within this time is void. */
export const HANDOVER_TTL_MS = 7 * 86_400_000;

export interface HandoverRow {
  id: number;
  networkId: string;
  networkName: string;
  agencyId: number;
  agencyName: string;
  fromPersonId: number | null;
  fromName: string | null;
  toPersonId: number;
  createdAt: Date;
}

export interface StartHandover {
  networkId: string;
  agencyId: number;
  fromPersonId: number;
  toPersonId: number;
  at: Date;
  notices: (id: number) => OutgoingMessage[];
}

/** Records the offer (an earlier one of the same officer for the agency is replaced) and queues its notices. */
export async function startHandover(db: Db, input: StartHandover): Promise<number> {
  return transaction(db, () => {
    const mine = and(
      eq(handovers.agencyId, input.agencyId),
      eq(handovers.fromPersonId, input.fromPersonId),
      eq(handovers.status, 'pending'),
    );
    db.orm.update(handovers).set({ status: 'cancelled', decidedAt: input.at }).where(mine).run();
    const { id } = db.orm
      .insert(handovers)
      .values({
        networkId: input.networkId,
        agencyId: input.agencyId,
        fromPersonId: input.fromPersonId,
        toPersonId: input.toPersonId,
        startedBy: input.fromPersonId,
        status: 'pending',
        createdAt: input.at,
      })
      .returning({ id: handovers.id })
      .get();
    const detail = { handoverId: id, agencyId: input.agencyId, from: input.fromPersonId, to: input.toPersonId };
    appendAudit(db, { actorPersonId: input.fromPersonId, action: 'handover.start', detail, at: input.at });
    insertOutgoing(db, input.notices(id), input.at);
    return id;
  });
}

const rowColumns = {
  id: handovers.id,
  networkId: handovers.networkId,
  networkName: networks.name,
  agencyId: handovers.agencyId,
  agencyName: agencies.name,
  fromPersonId: handovers.fromPersonId,
  fromName: persons.name,
  toPersonId: handovers.toPersonId,
  createdAt: handovers.createdAt,
};

function pendingRows(db: Db, at: Date, where: ReturnType<typeof and>): HandoverRow[] {
  return db.orm
    .select(rowColumns)
    .from(handovers)
    .innerJoin(agencies, eq(agencies.id, handovers.agencyId))
    .innerJoin(networks, eq(networks.id, handovers.networkId))
    .leftJoin(persons, eq(persons.id, handovers.fromPersonId))
    .where(
      and(where, eq(handovers.status, 'pending'), gt(handovers.createdAt, new Date(at.getTime() - HANDOVER_TTL_MS))),
    )
    .all();
}

export async function findPendingHandover(db: Db, id: number, at: Date): Promise<HandoverRow | undefined> {
  return pendingRows(db, at, and(eq(handovers.id, id)))[0];
}

export async function listHandoversTo(db: Db, personId: number, at: Date): Promise<HandoverRow[]> {
  return pendingRows(db, at, and(eq(handovers.toPersonId, personId)));
}

export async function listHandoversFrom(db: Db, personId: number, at: Date): Promise<HandoverRow[]> {
  return pendingRows(db, at, and(eq(handovers.fromPersonId, personId)));
}

export interface DecideHandover {
  handoverId: number;
  actorPersonId: number;
  at: Date;
  notices: OutgoingMessage[];
}

/** The successor declines, or the officer withdraws the offer; false when it was no longer pending. */
export async function cancelHandover(db: Db, input: DecideHandover): Promise<boolean> {
  return transaction(db, () => {
    const changed = db.orm
      .update(handovers)
      .set({ status: 'cancelled', decidedAt: input.at })
      .where(and(eq(handovers.id, input.handoverId), eq(handovers.status, 'pending')))
      .run().changes;
    if (changed === 0) return false;
    const detail = { handoverId: input.handoverId };
    appendAudit(db, { actorPersonId: input.actorPersonId, action: 'handover.cancel', detail, at: input.at });
    insertOutgoing(db, input.notices, input.at);
    return true;
  });
}

export interface CompleteHandover {
  /** The offer being accepted; none when an admin hands over alone. */
  handoverId?: number;
  networkId: string;
  agencyId: number;
  toPersonId: number;
  actorPersonId: number;
  at: Date;
  /** Told to the people concerned, committed with the change. */
  notices: OutgoingMessage[];
}

export type HandoverResult =
  | { kind: 'done'; previous: { personId: number; name: string }[]; drafts: number }
  | { kind: 'gone' }
  | { kind: 'already' }
  | { kind: 'member-other'; agencyName: string }
  | { kind: 'blocked' };

export async function completeHandover(db: Db, input: CompleteHandover): Promise<HandoverResult> {
  return transaction(db, (): HandoverResult => {
    const { networkId, agencyId, toPersonId, at } = input;
    // An officer's offer hands over that officer's place only; an admin's hands the agency over from all of them.
    let from: number | undefined;
    if (input.handoverId !== undefined) {
      const open = pendingRows(db, at, and(eq(handovers.id, input.handoverId)))[0];
      if (!open || open.toPersonId !== toPersonId) return { kind: 'gone' };
      from = open.fromPersonId ?? undefined;
    }
    if (db.orm.select().from(blocks).where(eq(blocks.personId, toPersonId)).get()) return { kind: 'blocked' };
    const current = findActiveMembershipIn(db, toPersonId, networkId);
    if (current?.agencyId === agencyId) return { kind: 'already' };
    if (current) return { kind: 'member-other', agencyName: current.agencyName };
    const officers = db.orm
      .select({ id: memberships.id, personId: memberships.personId, name: persons.name })
      .from(memberships)
      .innerJoin(persons, eq(persons.id, memberships.personId))
      .where(
        and(
          eq(memberships.agencyId, agencyId),
          eq(memberships.status, 'active'),
          from === undefined ? undefined : eq(memberships.personId, from),
        ),
      )
      .all();
    const ended = officers.map((o) => o.id);
    if (ended.length > 0)
      db.orm
        .update(memberships)
        .set({ status: 'left', endedAt: at, endedBy: input.actorPersonId })
        .where(inArray(memberships.id, ended))
        .run();
    withdrawPendingIn(db, toPersonId, networkId);
    const membershipId = addMembership(
      db,
      { personId: toPersonId, networkId, agencyId, decidedBy: input.actorPersonId, at },
      'active',
    );
    const previous = officers.map((o) => o.personId);
    // Open drafts follow the agency; submitted reports and activities keep the person who did the work.
    const drafts =
      previous.length === 0
        ? 0
        : db.orm
            .update(reportDrafts)
            .set({ holderPersonId: toPersonId, updatedAt: at })
            .where(and(eq(reportDrafts.agencyId, agencyId), inArray(reportDrafts.holderPersonId, previous)))
            .run().changes;
    if (input.handoverId !== undefined)
      db.orm.update(handovers).set({ status: 'done', decidedAt: at }).where(eq(handovers.id, input.handoverId)).run();
    else
      db.orm
        .insert(handovers)
        .values({
          networkId,
          agencyId,
          fromPersonId: previous[0] ?? null,
          toPersonId,
          startedBy: input.actorPersonId,
          status: 'done',
          createdAt: at,
          decidedAt: at,
        })
        .run();
    const detail = {
      handoverId: input.handoverId ?? null,
      agencyId,
      to: toPersonId,
      previous,
      endedMemberships: ended,
      membershipId,
      drafts,
    };
    appendAudit(db, { actorPersonId: input.actorPersonId, action: 'handover.done', detail, at });
    insertOutgoing(db, input.notices, at);
    return { kind: 'done', previous: officers.map((o) => ({ personId: o.personId, name: o.name })), drafts };
  });
}
