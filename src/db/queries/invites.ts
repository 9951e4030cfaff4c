import { eq } from 'drizzle-orm';
import type { ConversationWrite } from '../../kernel/conversation.js';
import type { Db } from '../client.js';
import { transaction } from '../client.js';
import { agencies, invites, networks } from '../schema.js';
import { appendAudit } from './audit.js';
import { applyConversationWrite } from './conversations.js';
import { addMembership, findActiveMembershipIn, withdrawPendingIn } from './memberships.js';

export interface InviteInput {
  code: string;
  networkId: string;
  agencyId: number;
  createdBy: number;
  expiresAt: Date;
  at: Date;
}

/** Stores a new invite code; false when the code is taken (the caller draws another). */
export async function insertInvite(db: Db, input: InviteInput): Promise<boolean> {
  return transaction(db, () => {
    const { code, networkId, agencyId, createdBy, expiresAt, at } = input;
    const inserted = db.orm
      .insert(invites)
      .values({ code, networkId, agencyId, createdBy, expiresAt })
      .onConflictDoNothing()
      .run().changes;
    if (inserted === 0) return false;
    appendAudit(db, {
      actorPersonId: createdBy,
      action: 'invite.create',
      detail: { code, networkId, agencyId, expiresAt: expiresAt.toISOString() },
      at,
    });
    return true;
  });
}

export interface InvitedAgency {
  agencyId: number;
  agencyName: string;
  networkId: string;
  networkName: string;
}

export type RedeemResult =
  | { kind: 'ok' | 'already'; agency: InvitedAgency }
  | { kind: 'unknown' | 'used' }
  | { kind: 'expired'; expiresAt: Date }
  | { kind: 'member-other'; agencyName: string; agency: InvitedAgency };

export interface RedeemInput {
  code: string;
  personId: number;
  at: Date;
  conversation?: ConversationWrite;
}

/** Uses an invite code once: the person becomes an officer of the invited agency at once. */
export async function redeemInvite(db: Db, input: RedeemInput): Promise<RedeemResult> {
  return transaction(db, () => {
    applyConversationWrite(db, input.conversation);
    const invite = db.orm
      .select({
        code: invites.code,
        usedBy: invites.usedBy,
        expiresAt: invites.expiresAt,
        agencyId: invites.agencyId,
        agencyName: agencies.name,
        networkId: invites.networkId,
        networkName: networks.name,
      })
      .from(invites)
      .innerJoin(agencies, eq(agencies.id, invites.agencyId))
      .innerJoin(networks, eq(networks.id, invites.networkId))
      .where(eq(invites.code, input.code))
      .get();
    if (!invite) return { kind: 'unknown' };
    const agency: InvitedAgency = {
      agencyId: invite.agencyId,
      agencyName: invite.agencyName,
      networkId: invite.networkId,
      networkName: invite.networkName,
    };
    const current = findActiveMembershipIn(db, input.personId, invite.networkId);
    if (current?.agencyId === invite.agencyId) return { kind: 'already', agency };
    if (invite.usedBy !== null) return { kind: 'used' };
    if (invite.expiresAt.getTime() <= input.at.getTime()) return { kind: 'expired', expiresAt: invite.expiresAt };
    if (current) return { kind: 'member-other', agencyName: current.agencyName, agency };
    withdrawPendingIn(db, input.personId, invite.networkId);
    const membershipId = addMembership(
      db,
      {
        personId: input.personId,
        networkId: invite.networkId,
        agencyId: invite.agencyId,
        decidedBy: null,
        at: input.at,
      },
      'active',
    );
    db.orm.update(invites).set({ usedBy: input.personId, usedAt: input.at }).where(eq(invites.code, invite.code)).run();
    const detail = {
      membershipId,
      code: invite.code,
      personId: input.personId,
      networkId: invite.networkId,
      agencyId: invite.agencyId,
    };
    appendAudit(db, { actorPersonId: input.personId, action: 'membership.register', detail, at: input.at });
    return { kind: 'ok', agency };
  });
}
