import { and, asc, count, eq, inArray } from 'drizzle-orm';
import type {
  DecisionResult,
  MembershipDecision,
  MembershipInput,
  MembershipRequest,
  MembershipRequestInput,
  MembershipRequestResult,
} from '../../queries/memberships.js';
import { REQUEST_REFUSED_ACTION } from '../../queries/memberships.js';
import { pgTransaction, type PgDb, type PgExec } from '../client.js';
import { agencies, memberships, networks, persons } from '../schema.js';
import { appendAudit } from './audit.js';
import { applyConversationWrite } from './conversations.js';
import { insertOutgoing } from './outbox.js';

/** Registers an approved officer of an agency (invite code, admin approval, or test setup). */
export async function insertActiveMembership(db: PgDb, input: MembershipInput): Promise<number> {
  return pgTransaction(db, async (tx) => {
    const id = await addMembership(tx, input, 'active');
    await appendAudit(tx, {
      actorPersonId: input.decidedBy,
      action: 'membership.activate',
      detail: { ...input, at: undefined },
      at: input.at,
    });
    return id;
  });
}

/** Inside a transaction: inserts a membership row. */
export async function addMembership(ex: PgExec, input: MembershipInput, status: 'active' | 'pending'): Promise<number> {
  const [row] = await ex
    .insert(memberships)
    .values({
      personId: input.personId,
      networkId: input.networkId,
      agencyId: input.agencyId,
      status,
      decidedBy: input.decidedBy,
      createdAt: input.at,
    })
    .returning({ id: memberships.id });
  return row!.id;
}

/** Inside a transaction: the agency a person represents in a network, if any (one per network). */
export async function findActiveMembershipIn(
  ex: PgExec,
  personId: number,
  networkId: string,
): Promise<{ agencyId: number; agencyName: string } | undefined> {
  const [row] = await ex
    .select({ agencyId: memberships.agencyId, agencyName: agencies.name })
    .from(memberships)
    .innerJoin(agencies, eq(agencies.id, memberships.agencyId))
    .where(
      and(eq(memberships.personId, personId), eq(memberships.networkId, networkId), eq(memberships.status, 'active')),
    )
    .orderBy(asc(memberships.id))
    .limit(1);
  return row;
}

/** Inside a transaction: a newer request or registration replaces a person's pending request in the network. */
export async function withdrawPendingIn(ex: PgExec, personId: number, networkId: string): Promise<void> {
  await ex
    .update(memberships)
    .set({ status: 'left' })
    .where(
      and(eq(memberships.personId, personId), eq(memberships.networkId, networkId), eq(memberships.status, 'pending')),
    );
}

/** Files a pending request to represent an agency; refused when the person already represents one in the network. */
export async function insertMembershipRequest(
  db: PgDb,
  input: MembershipRequestInput,
): Promise<MembershipRequestResult> {
  return pgTransaction(db, async (tx): Promise<MembershipRequestResult> => {
    await applyConversationWrite(tx, input.conversation);
    const current = await findActiveMembershipIn(tx, input.personId, input.networkId);
    if (current) return { kind: 'member', agencyName: current.agencyName };
    const { personId, networkId, agencyId } = input;
    const refused = async (result: MembershipRequestResult, reason: string): Promise<MembershipRequestResult> => {
      const detail = { reason, networkId, agencyId };
      await appendAudit(tx, { actorPersonId: personId, action: REQUEST_REFUSED_ACTION, detail, at: input.at });
      return result;
    };
    const [open] = await selectRequests(tx)
      .where(
        and(
          eq(memberships.personId, personId),
          eq(memberships.networkId, networkId),
          eq(memberships.status, 'pending'),
        ),
      )
      .limit(1);
    if (open) return refused({ kind: 'pending', agencyName: open.agencyName, since: open.createdAt }, 'pending');
    const cap = input.maxPendingInNetwork;
    if (cap !== undefined && (await countPendingIn(tx, networkId)) >= cap)
      return refused({ kind: 'networkFull' }, 'networkFull');
    const id = await addMembership(tx, { ...input, decidedBy: null }, 'pending');
    await appendAudit(tx, {
      actorPersonId: personId,
      action: 'membership.request',
      detail: { id, personId, networkId, agencyId },
      at: input.at,
    });
    await insertOutgoing(tx, input.notices(id), input.at);
    return { kind: 'filed', id };
  });
}

const requestColumns = {
  id: memberships.id,
  status: memberships.status,
  personId: memberships.personId,
  personName: persons.name,
  networkId: memberships.networkId,
  networkName: networks.name,
  agencyId: memberships.agencyId,
  agencyName: agencies.name,
  createdAt: memberships.createdAt,
};

function selectRequests(ex: PgExec) {
  return ex
    .select(requestColumns)
    .from(memberships)
    .innerJoin(persons, eq(persons.id, memberships.personId))
    .innerJoin(agencies, eq(agencies.id, memberships.agencyId))
    .innerJoin(networks, eq(networks.id, memberships.networkId));
}

export async function findMembershipRequest(db: PgDb, id: number): Promise<MembershipRequest | undefined> {
  const [row] = await selectRequests(db.orm).where(eq(memberships.id, id));
  return row;
}

/** Pending requests, oldest first; `networkIds` undefined means every network. */
export async function listPendingRequests(db: PgDb, networkIds?: string[]): Promise<MembershipRequest[]> {
  const pending = eq(memberships.status, 'pending');
  return selectRequests(db.orm)
    .where(networkIds ? and(pending, inArray(memberships.networkId, networkIds)) : pending)
    .orderBy(asc(memberships.createdAt), asc(memberships.id));
}

/** Approves or rejects a pending request. An applicant who meanwhile registered elsewhere in the network is not approved twice. */
export async function decideMembershipRequest(db: PgDb, decision: MembershipDecision): Promise<DecisionResult> {
  return pgTransaction(db, async (tx): Promise<DecisionResult> => {
    const [row] = await tx.select().from(memberships).where(eq(memberships.id, decision.id));
    if (!row || row.status !== 'pending') return 'not-pending';
    if (decision.approve && (await findActiveMembershipIn(tx, row.personId, row.networkId))) {
      await tx.update(memberships).set({ status: 'left' }).where(eq(memberships.id, row.id));
      return 'member';
    }
    const status = decision.approve ? 'active' : 'rejected';
    await tx.update(memberships).set({ status, decidedBy: decision.actorPersonId }).where(eq(memberships.id, row.id));
    const detail = { id: row.id, personId: row.personId, networkId: row.networkId, agencyId: row.agencyId };
    await appendAudit(tx, {
      actorPersonId: decision.actorPersonId,
      action: decision.approve ? 'membership.approve' : 'membership.reject',
      detail,
      at: decision.at,
    });
    await insertOutgoing(tx, decision.notices, decision.at);
    return 'done';
  });
}

async function countPendingIn(tx: PgExec, networkId: string): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(memberships)
    .where(and(eq(memberships.networkId, networkId), eq(memberships.status, 'pending')));
  return row?.n ?? 0;
}
