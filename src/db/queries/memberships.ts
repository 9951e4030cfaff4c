import { and, asc, count, eq, inArray } from 'drizzle-orm';
import type { ConversationWrite } from '../../kernel/conversation.js';
import type { Db } from '../client.js';
import { transaction } from '../client.js';
import { agencies, memberships, networks, persons } from '../schema.js';
import { appendAudit } from './audit.js';
import { applyConversationWrite } from './conversations.js';
import { insertOutgoing, type OutgoingMessage } from './outbox.js';

export interface MembershipInput {
  personId: number;
  networkId: string;
  agencyId: number;
  decidedBy: number | null;
  at: Date;
}

/** Registers an approved officer of an agency (invite code, admin approval, or test setup). */
export async function insertActiveMembership(db: Db, input: MembershipInput): Promise<number> {
  return transaction(db, () => {
    const id = addMembership(db, input, 'active');
    appendAudit(db, {
      actorPersonId: input.decidedBy,
      action: 'membership.activate',
      detail: { ...input, at: undefined },
      at: input.at,
    });
    return id;
  });
}

/** Inside a transaction: inserts a membership row. */
export function addMembership(db: Db, input: MembershipInput, status: 'active' | 'pending'): number {
  return db.orm
    .insert(memberships)
    .values({
      personId: input.personId,
      networkId: input.networkId,
      agencyId: input.agencyId,
      status,
      decidedBy: input.decidedBy,
      createdAt: input.at,
    })
    .returning({ id: memberships.id })
    .get().id;
}

/** Inside a transaction: the agency a person represents in a network, if any (one per network). */
export function findActiveMembershipIn(
  db: Db,
  personId: number,
  networkId: string,
): { agencyId: number; agencyName: string } | undefined {
  return db.orm
    .select({ agencyId: memberships.agencyId, agencyName: agencies.name })
    .from(memberships)
    .innerJoin(agencies, eq(agencies.id, memberships.agencyId))
    .where(
      and(eq(memberships.personId, personId), eq(memberships.networkId, networkId), eq(memberships.status, 'active')),
    )
    .get();
}

/** Inside a transaction: a newer request or registration replaces a person's pending request in the network. */
export function withdrawPendingIn(db: Db, personId: number, networkId: string): void {
  db.orm
    .update(memberships)
    .set({ status: 'left' })
    .where(
      and(eq(memberships.personId, personId), eq(memberships.networkId, networkId), eq(memberships.status, 'pending')),
    )
    .run();
}

export interface MembershipRequestInput {
  personId: number;
  networkId: string;
  agencyId: number;
  at: Date;
  conversation?: ConversationWrite;
  /** Messages for the admins, built once the request has its number. */
  notices: (requestId: number) => OutgoingMessage[];
  /** Pending requests a network may hold at most (each one is a notice to every admin); undefined: no cap. */
  maxPendingInNetwork?: number;
}

export type MembershipRequestResult =
  | { kind: 'filed'; id: number }
  | { kind: 'member'; agencyName: string }
  /** One open request per person and network: the new one is refused, the admins are not told again. */
  | { kind: 'pending'; agencyName: string; since: Date }
  | { kind: 'networkFull' };

export const REQUEST_REFUSED_ACTION = 'membership.request_refused';

/** Files a pending request to represent an agency; refused when the person already represents one in the network. */
export async function insertMembershipRequest(db: Db, input: MembershipRequestInput): Promise<MembershipRequestResult> {
  return transaction(db, () => {
    applyConversationWrite(db, input.conversation);
    const current = findActiveMembershipIn(db, input.personId, input.networkId);
    if (current) return { kind: 'member', agencyName: current.agencyName };
    const { personId, networkId, agencyId } = input;
    const refused = (result: MembershipRequestResult, reason: string): MembershipRequestResult => {
      appendAudit(db, {
        actorPersonId: personId,
        action: REQUEST_REFUSED_ACTION,
        detail: { reason, networkId, agencyId },
        at: input.at,
      });
      return result;
    };
    const open = selectRequests(db)
      .where(
        and(
          eq(memberships.personId, personId),
          eq(memberships.networkId, networkId),
          eq(memberships.status, 'pending'),
        ),
      )
      .get();
    if (open) return refused({ kind: 'pending', agencyName: open.agencyName, since: open.createdAt }, 'pending');
    const cap = input.maxPendingInNetwork;
    if (cap !== undefined && countPendingIn(db, networkId) >= cap)
      return refused({ kind: 'networkFull' }, 'networkFull');
    const id = addMembership(db, { ...input, decidedBy: null }, 'pending');
    appendAudit(db, {
      actorPersonId: personId,
      action: 'membership.request',
      detail: { id, personId, networkId, agencyId },
      at: input.at,
    });
    insertOutgoing(db, input.notices(id), input.at);
    return { kind: 'filed', id };
  });
}

export interface MembershipRequest {
  id: number;
  status: string;
  personId: number;
  personName: string;
  networkId: string;
  networkName: string;
  agencyId: number;
  agencyName: string;
  createdAt: Date;
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

function selectRequests(db: Db) {
  return db.orm
    .select(requestColumns)
    .from(memberships)
    .innerJoin(persons, eq(persons.id, memberships.personId))
    .innerJoin(agencies, eq(agencies.id, memberships.agencyId))
    .innerJoin(networks, eq(networks.id, memberships.networkId));
}

export async function findMembershipRequest(db: Db, id: number): Promise<MembershipRequest | undefined> {
  return selectRequests(db).where(eq(memberships.id, id)).get();
}

/** Pending requests, oldest first; `networkIds` undefined means every network. */
export async function listPendingRequests(db: Db, networkIds?: string[]): Promise<MembershipRequest[]> {
  const pending = eq(memberships.status, 'pending');
  return selectRequests(db)
    .where(networkIds ? and(pending, inArray(memberships.networkId, networkIds)) : pending)
    .orderBy(asc(memberships.createdAt), asc(memberships.id))
    .all();
}

export interface MembershipDecision {
  id: number;
  approve: boolean;
  actorPersonId: number;
  at: Date;
  /** Messages for the applicant, committed with the decision. */
  notices: OutgoingMessage[];
}

export type DecisionResult = 'done' | 'not-pending' | 'member';

/** Approves or rejects a pending request. An applicant who meanwhile registered elsewhere in the network is not approved twice. */
export async function decideMembershipRequest(db: Db, decision: MembershipDecision): Promise<DecisionResult> {
  return transaction(db, () => {
    const row = db.orm.select().from(memberships).where(eq(memberships.id, decision.id)).get();
    if (!row || row.status !== 'pending') return 'not-pending';
    if (decision.approve && findActiveMembershipIn(db, row.personId, row.networkId)) {
      db.orm.update(memberships).set({ status: 'left' }).where(eq(memberships.id, row.id)).run();
      return 'member';
    }
    const status = decision.approve ? 'active' : 'rejected';
    db.orm
      .update(memberships)
      .set({ status, decidedBy: decision.actorPersonId })
      .where(eq(memberships.id, row.id))
      .run();
    const detail = { id: row.id, personId: row.personId, networkId: row.networkId, agencyId: row.agencyId };
    appendAudit(db, {
      actorPersonId: decision.actorPersonId,
      action: decision.approve ? 'membership.approve' : 'membership.reject',
      detail,
      at: decision.at,
    });
    insertOutgoing(db, decision.notices, decision.at);
    return 'done';
  });
}

function countPendingIn(db: Db, networkId: string): number {
  return (
    db.orm
      .select({ n: count() })
      .from(memberships)
      .where(and(eq(memberships.networkId, networkId), eq(memberships.status, 'pending')))
      .get()?.n ?? 0
  );
}
