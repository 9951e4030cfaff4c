import { and, asc, count, eq, gt, inArray, isNull, or, sql } from 'drizzle-orm';
import { sha256Hex } from '../../code-hash.js';
import type {
  InviteInput,
  InviteRef,
  InvitedAgency,
  OpenInvite,
  RedeemInput,
  RedeemResult,
} from '../../queries/invites.js';
import { INVITE_FAILED_ACTION } from '../../queries/invites.js';
import { pgTransaction, type PgDb, type PgExec } from '../client.js';
import { agencies, auditLog, invites, networks } from '../schema.js';
import { appendAudit } from './audit.js';
import { applyConversationWrite } from './conversations.js';
import { addMembership, findActiveMembershipIn, withdrawPendingIn } from './memberships.js';

/** Stores a new invite code; false when the code is taken (the caller draws another). */
export async function insertInvite(db: PgDb, input: InviteInput): Promise<boolean> {
  return pgTransaction(db, async (tx) => {
    const { code, networkId, agencyId, createdBy, expiresAt, at } = input;
    const hint = code.slice(-2);
    const [row] = await tx
      .insert(invites)
      .values({ codeHash: sha256Hex(code), hint, networkId, agencyId, createdBy, expiresAt, createdAt: at })
      .onConflictDoNothing()
      .returning({ id: invites.id });
    if (!row) return false;
    await appendAudit(tx, {
      actorPersonId: createdBy,
      action: 'invite.create',
      detail: { inviteId: row.id, hint, networkId, agencyId, expiresAt: expiresAt.toISOString() },
      at,
    });
    return true;
  });
}

/** Inside a transaction: wrong codes recently typed by the person or in the chat, counted from the audit log. */
async function recentFailures(tx: PgExec, input: RedeemInput): Promise<number> {
  const since = new Date(input.at.getTime() - input.limit.windowMs);
  const who = or(eq(auditLog.actorPersonId, input.personId), sql`${auditLog.detail}->>'chat' = ${input.chat}`);
  const [row] = await tx
    .select({ n: count() })
    .from(auditLog)
    .where(and(eq(auditLog.action, INVITE_FAILED_ACTION), gt(auditLog.at, since), who));
  return row?.n ?? 0;
}

async function failed(tx: PgExec, input: RedeemInput, reason: string): Promise<RedeemResult> {
  const detail = { reason, chat: input.chat };
  await appendAudit(tx, { actorPersonId: input.personId, action: INVITE_FAILED_ACTION, detail, at: input.at });
  return { kind: 'invalid' };
}

/** Uses an invite code once: the person becomes an officer of the invited agency at once. */
export async function redeemInvite(db: PgDb, input: RedeemInput): Promise<RedeemResult> {
  return pgTransaction(db, async (tx): Promise<RedeemResult> => {
    await applyConversationWrite(tx, input.conversation);
    if ((await recentFailures(tx, input)) >= input.limit.failures) return { kind: 'tooManyAttempts' };
    const [invite] = await tx
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
      .where(eq(invites.codeHash, sha256Hex(input.code)));
    if (!invite) return failed(tx, input, 'unknown');
    if (invite.cancelledAt !== null) return failed(tx, input, 'cancelled');
    const agency: InvitedAgency = {
      agencyId: invite.agencyId,
      agencyName: invite.agencyName,
      networkId: invite.networkId,
      networkName: invite.networkName,
    };
    const current = await findActiveMembershipIn(tx, input.personId, invite.networkId);
    if (current?.agencyId === invite.agencyId) return { kind: 'already', agency };
    if (invite.usedBy !== null) return failed(tx, input, 'used');
    if (invite.expiresAt.getTime() <= input.at.getTime()) return failed(tx, input, 'expired');
    if (current) return { kind: 'member-other', agencyName: current.agencyName, agency };
    await withdrawPendingIn(tx, input.personId, invite.networkId);
    const membership = { personId: input.personId, networkId: invite.networkId, agencyId: invite.agencyId };
    const membershipId = await addMembership(tx, { ...membership, decidedBy: null, at: input.at }, 'active');
    await tx.update(invites).set({ usedBy: input.personId, usedAt: input.at }).where(eq(invites.id, invite.id));
    const detail = { membershipId, inviteId: invite.id, hint: invite.hint, ...membership };
    await appendAudit(tx, { actorPersonId: input.personId, action: 'membership.register', detail, at: input.at });
    return { kind: 'ok', agency };
  });
}

const openAt = (at: Date) => and(isNull(invites.usedBy), isNull(invites.cancelledAt), gt(invites.expiresAt, at));

/** Invites not used, not cancelled and not expired, by network, agency and expiry; `networkIds` undefined: all. */
export async function listOpenInvites(db: PgDb, at: Date, networkIds?: string[]): Promise<OpenInvite[]> {
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
    .orderBy(asc(networks.name), asc(agencies.name), asc(invites.expiresAt));
}

export async function findInvite(
  db: PgDb,
  ref: InviteRef,
): Promise<{ id: number; hint: string; networkId: string } | undefined> {
  const where = 'code' in ref ? eq(invites.codeHash, sha256Hex(ref.code)) : eq(invites.id, ref.id);
  const [row] = await db.orm
    .select({ id: invites.id, hint: invites.hint, networkId: invites.networkId })
    .from(invites)
    .where(where);
  return row;
}

/** Cancels an open invite; false when it was used, cancelled or expired already. */
export async function cancelInvite(db: PgDb, input: { id: number; actorPersonId: number; at: Date }): Promise<boolean> {
  return pgTransaction(db, async (tx) => {
    const cancelled = await tx
      .update(invites)
      .set({ cancelledAt: input.at, cancelledBy: input.actorPersonId })
      .where(and(eq(invites.id, input.id), openAt(input.at)))
      .returning({ id: invites.id });
    if (cancelled.length === 0) return false;
    await appendAudit(tx, {
      actorPersonId: input.actorPersonId,
      action: 'invite.cancel',
      detail: { inviteId: input.id },
      at: input.at,
    });
    return true;
  });
}
