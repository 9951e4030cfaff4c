import { and, eq, gt, inArray, type SQL } from 'drizzle-orm';
import type {
  CompleteHandover,
  DecideHandover,
  HandoverResult,
  HandoverRow,
  StartHandover,
} from '../../queries/handovers.js';
import { HANDOVER_TTL_MS } from '../../queries/handovers.js';
import { pgTransaction, type PgDb, type PgExec } from '../client.js';
import { changed } from '../run.js';
import { agencies, blocks, handovers, memberships, networks, persons, reportDrafts } from '../schema.js';
import { appendAudit } from './audit.js';
import { addMembership, findActiveMembershipIn, withdrawPendingIn } from './memberships.js';
import { insertOutgoing } from './outbox.js';

// Handing an agency from its officer to a successor (/bangiao); see ../../queries/handovers.ts.

/** Records the offer (an earlier one of the same officer for the agency is replaced) and queues its notices. */
export async function startHandover(db: PgDb, input: StartHandover): Promise<number> {
  return pgTransaction(db, async (tx) => {
    const mine = and(
      eq(handovers.agencyId, input.agencyId),
      eq(handovers.fromPersonId, input.fromPersonId),
      eq(handovers.status, 'pending'),
    );
    await tx.update(handovers).set({ status: 'cancelled', decidedAt: input.at }).where(mine);
    const [row] = await tx
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
      .returning({ id: handovers.id });
    const id = row!.id;
    const detail = { handoverId: id, agencyId: input.agencyId, from: input.fromPersonId, to: input.toPersonId };
    await appendAudit(tx, { actorPersonId: input.fromPersonId, action: 'handover.start', detail, at: input.at });
    await insertOutgoing(tx, input.notices(id), input.at);
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

function pendingRows(ex: PgExec, at: Date, where: SQL): Promise<HandoverRow[]> {
  return ex
    .select(rowColumns)
    .from(handovers)
    .innerJoin(agencies, eq(agencies.id, handovers.agencyId))
    .innerJoin(networks, eq(networks.id, handovers.networkId))
    .leftJoin(persons, eq(persons.id, handovers.fromPersonId))
    .where(
      and(where, eq(handovers.status, 'pending'), gt(handovers.createdAt, new Date(at.getTime() - HANDOVER_TTL_MS))),
    )
    .orderBy(handovers.id);
}

export async function findPendingHandover(db: PgDb, id: number, at: Date): Promise<HandoverRow | undefined> {
  return (await pendingRows(db.orm, at, eq(handovers.id, id)))[0];
}

export async function listHandoversTo(db: PgDb, personId: number, at: Date): Promise<HandoverRow[]> {
  return pendingRows(db.orm, at, eq(handovers.toPersonId, personId));
}

export async function listHandoversFrom(db: PgDb, personId: number, at: Date): Promise<HandoverRow[]> {
  return pendingRows(db.orm, at, eq(handovers.fromPersonId, personId));
}

/** The successor declines, or the officer withdraws the offer; false when it was no longer pending. */
export async function cancelHandover(db: PgDb, input: DecideHandover): Promise<boolean> {
  return pgTransaction(db, async (tx) => {
    const cancelled = changed(
      await tx
        .update(handovers)
        .set({ status: 'cancelled', decidedAt: input.at })
        .where(and(eq(handovers.id, input.handoverId), eq(handovers.status, 'pending'))),
    );
    if (cancelled === 0) return false;
    const detail = { handoverId: input.handoverId };
    await appendAudit(tx, { actorPersonId: input.actorPersonId, action: 'handover.cancel', detail, at: input.at });
    await insertOutgoing(tx, input.notices, input.at);
    return true;
  });
}

export async function completeHandover(db: PgDb, input: CompleteHandover): Promise<HandoverResult> {
  return pgTransaction(db, async (tx): Promise<HandoverResult> => {
    const { networkId, agencyId, toPersonId, at } = input;
    // An officer's offer hands over that officer's place only; an admin's hands the agency over from all of them.
    let from: number | undefined;
    if (input.handoverId !== undefined) {
      const [open] = await pendingRows(tx, at, eq(handovers.id, input.handoverId));
      if (!open || open.toPersonId !== toPersonId) return { kind: 'gone' };
      from = open.fromPersonId ?? undefined;
    }
    const [block] = await tx.select().from(blocks).where(eq(blocks.personId, toPersonId));
    if (block) return { kind: 'blocked' };
    const current = await findActiveMembershipIn(tx, toPersonId, networkId);
    if (current?.agencyId === agencyId) return { kind: 'already' };
    if (current) return { kind: 'member-other', agencyName: current.agencyName };
    const officers = await tx
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
      .orderBy(memberships.id);
    const ended = officers.map((o) => o.id);
    if (ended.length > 0)
      await tx
        .update(memberships)
        .set({ status: 'left', endedAt: at, endedBy: input.actorPersonId })
        .where(inArray(memberships.id, ended));
    await withdrawPendingIn(tx, toPersonId, networkId);
    const membershipId = await addMembership(
      tx,
      { personId: toPersonId, networkId, agencyId, decidedBy: input.actorPersonId, at },
      'active',
    );
    const previous = officers.map((o) => o.personId);
    // Open drafts follow the agency; submitted reports and activities keep the person who did the work.
    const drafts =
      previous.length === 0
        ? 0
        : changed(
            await tx
              .update(reportDrafts)
              .set({ holderPersonId: toPersonId, updatedAt: at })
              .where(and(eq(reportDrafts.agencyId, agencyId), inArray(reportDrafts.holderPersonId, previous))),
          );
    if (input.handoverId !== undefined)
      await tx.update(handovers).set({ status: 'done', decidedAt: at }).where(eq(handovers.id, input.handoverId));
    else
      await tx.insert(handovers).values({
        networkId,
        agencyId,
        fromPersonId: previous[0] ?? null,
        toPersonId,
        startedBy: input.actorPersonId,
        status: 'done',
        createdAt: at,
        decidedAt: at,
      });
    const detail = {
      handoverId: input.handoverId ?? null,
      agencyId,
      to: toPersonId,
      previous,
      endedMemberships: ended,
      membershipId,
      drafts,
    };
    await appendAudit(tx, { actorPersonId: input.actorPersonId, action: 'handover.done', detail, at });
    await insertOutgoing(tx, input.notices, at);
    return { kind: 'done', previous: officers.map((o) => ({ personId: o.personId, name: o.name })), drafts };
  });
}
