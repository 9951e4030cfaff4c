import { and, asc, count, eq, gt, inArray, isNull, or, sql } from 'drizzle-orm';
import type { ConversationWrite } from '../../kernel/conversation.js';
import type { Db } from '../client.js';
import { transaction } from '../client.js';
import { sha256Hex } from '../code-hash.js';
import { agencies, auditLog, invites, networks } from '../schema.js';
import { appendAudit } from './audit.js';
import { applyConversationWrite } from './conversations.js';
import { addMembership, findActiveMembershipIn, withdrawPendingIn } from './memberships.js';

export interface InviteInput {
  /** The plain code, as shown once to the admin; only its hash and last two characters are stored. */
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
    const hint = code.slice(-2);
    const row = db.orm
      .insert(invites)
      .values({ codeHash: sha256Hex(code), hint, networkId, agencyId, createdBy, expiresAt, createdAt: at })
      .onConflictDoNothing()
      .returning({ id: invites.id })
      .get();
    if (!row) return false;
    appendAudit(db, {
      actorPersonId: createdBy,
      action: 'invite.create',
      detail: { inviteId: row.id, hint, networkId, agencyId, expiresAt: expiresAt.toISOString() },
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
  /** Unknown, used, cancelled or expired: one answer, so a guesser learns nothing about which codes exist. */
  | { kind: 'invalid' }
  | { kind: 'tooManyAttempts' }
  | { kind: 'member-other'; agencyName: string; agency: InvitedAgency };

export interface RedeemInput {
  code: string;
  personId: number;
  /** `platform:chatId` of the chat the code was typed in: wrong codes are limited per person and per chat. */
  chat: string;
  at: Date;
  /** At most this many wrong codes per person and per chat within `windowMs`. */
  limit: { failures: number; windowMs: number };
  conversation?: ConversationWrite;
}

export const INVITE_FAILED_ACTION = 'invite.fail';

/** Inside a transaction: wrong codes recently typed by the person or in the chat, counted from the audit log. */
function recentFailures(db: Db, input: RedeemInput): number {
  const since = new Date(input.at.getTime() - input.limit.windowMs);
  const who = or(
    eq(auditLog.actorPersonId, input.personId),
    sql`json_extract(${auditLog.detail}, '$.chat') = ${input.chat}`,
  );
  return (
    db.orm
      .select({ n: count() })
      .from(auditLog)
      .where(and(eq(auditLog.action, INVITE_FAILED_ACTION), gt(auditLog.at, since), who))
      .get()?.n ?? 0
  );
}

function failed(db: Db, input: RedeemInput, reason: string): RedeemResult {
  const detail = { reason, chat: input.chat };
  appendAudit(db, { actorPersonId: input.personId, action: INVITE_FAILED_ACTION, detail, at: input.at });
  return { kind: 'invalid' };
}

/** Uses an invite code once: the person becomes an officer of the invited agency at once. */
export async function redeemInvite(db: Db, input: RedeemInput): Promise<RedeemResult> {
  return transaction(db, () => {
    applyConversationWrite(db, input.conversation);
    if (recentFailures(db, input) >= input.limit.failures) return { kind: 'tooManyAttempts' };
    const invite = db.orm
      .select({
        id: invites.id,
        hint: invites.hint,
        usedBy: invites.usedBy,
        cancelledAt: invites.cancelledAt,
        expiresAt: invites.expiresAt,
        agencyId: invites.agencyId,
        agencyName: agencies.name,
        networkId: invites.networkId,
        networkName: networks.name,
      })
      .from(invites)
      .innerJoin(agencies, eq(agencies.id, invites.agencyId))
      .innerJoin(networks, eq(networks.id, invites.networkId))
      .where(eq(invites.codeHash, sha256Hex(input.code)))
      .get();
    if (!invite) return failed(db, input, 'unknown');
    if (invite.cancelledAt !== null) return failed(db, input, 'cancelled');
    const agency: InvitedAgency = {
      agencyId: invite.agencyId,
      agencyName: invite.agencyName,
      networkId: invite.networkId,
      networkName: invite.networkName,
    };
    const current = findActiveMembershipIn(db, input.personId, invite.networkId);
    if (current?.agencyId === invite.agencyId) return { kind: 'already', agency };
    if (invite.usedBy !== null) return failed(db, input, 'used');
    if (invite.expiresAt.getTime() <= input.at.getTime()) return failed(db, input, 'expired');
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
    db.orm.update(invites).set({ usedBy: input.personId, usedAt: input.at }).where(eq(invites.id, invite.id)).run();
    const detail = {
      membershipId,
      inviteId: invite.id,
      hint: invite.hint,
      personId: input.personId,
      networkId: invite.networkId,
      agencyId: invite.agencyId,
    };
    appendAudit(db, { actorPersonId: input.personId, action: 'membership.register', detail, at: input.at });
    return { kind: 'ok', agency };
  });
}

export interface OpenInvite {
  id: number;
  /** The code's last two characters: enough to tell invites apart, not to use one. */
  hint: string;
  agencyName: string;
  networkId: string;
  networkName: string;
  expiresAt: Date;
}

const openAt = (at: Date) => and(isNull(invites.usedBy), isNull(invites.cancelledAt), gt(invites.expiresAt, at));

/** Invites not used, not cancelled and not expired, by network, agency and expiry; `networkIds` undefined: all. */
export async function listOpenInvites(db: Db, at: Date, networkIds?: string[]): Promise<OpenInvite[]> {
  return db.orm
    .select({
      id: invites.id,
      hint: invites.hint,
      agencyName: agencies.name,
      networkId: invites.networkId,
      networkName: networks.name,
      expiresAt: invites.expiresAt,
    })
    .from(invites)
    .innerJoin(agencies, eq(agencies.id, invites.agencyId))
    .innerJoin(networks, eq(networks.id, invites.networkId))
    .where(networkIds ? and(openAt(at), inArray(invites.networkId, networkIds)) : openAt(at))
    .orderBy(asc(networks.name), asc(agencies.name), asc(invites.expiresAt))
    .all();
}

/** An invite named by its plain code (typed by an admin) or by the id `/moi ds` shows. */
export type InviteRef = { code: string } | { id: number };

export async function findInvite(
  db: Db,
  ref: InviteRef,
): Promise<{ id: number; hint: string; networkId: string } | undefined> {
  const where = 'code' in ref ? eq(invites.codeHash, sha256Hex(ref.code)) : eq(invites.id, ref.id);
  return db.orm
    .select({ id: invites.id, hint: invites.hint, networkId: invites.networkId })
    .from(invites)
    .where(where)
    .get();
}

/** Cancels an open invite; false when it was used, cancelled or expired already. */
export async function cancelInvite(db: Db, input: { id: number; actorPersonId: number; at: Date }): Promise<boolean> {
  return transaction(db, () => {
    const changed = db.orm
      .update(invites)
      .set({ cancelledAt: input.at, cancelledBy: input.actorPersonId })
      .where(and(eq(invites.id, input.id), openAt(input.at)))
      .run().changes;
    if (changed === 0) return false;
    appendAudit(db, {
      actorPersonId: input.actorPersonId,
      action: 'invite.cancel',
      detail: { inviteId: input.id },
      at: input.at,
    });
    return true;
  });
}
