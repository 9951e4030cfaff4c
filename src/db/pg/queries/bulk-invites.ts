import { and, asc, eq, gt, inArray, isNull, notInArray } from 'drizzle-orm';
import { sha256Hex } from '../../code-hash.js';
import type { InviteTarget, ReplacedInvite } from '../../queries/bulk-invites.js';
import { pgTransaction, type PgDb } from '../client.js';
import { agencies, invites } from '../schema.js';
import { appendAudit } from './audit.js';
import { listJoinedAgencyIds } from './join-states.js';

// Invitations for a whole network (/moi tatca, daumoi invite); see ../../queries/bulk-invites.ts.

/** Active agencies with no officer who is not blocked, in the plan's order. */
export async function listInviteTargets(db: PgDb, networkId: string): Promise<InviteTarget[]> {
  const joined = await listJoinedAgencyIds(db.orm, networkId);
  return db.orm
    .select({ agencyId: agencies.id, name: agencies.name, contact: agencies.contact })
    .from(agencies)
    .where(
      and(
        eq(agencies.networkId, networkId),
        eq(agencies.active, true),
        joined.length > 0 ? notInArray(agencies.id, joined) : undefined,
      ),
    )
    .orderBy(asc(agencies.sortOrder), asc(agencies.id));
}

/** Cancels the agencies' open invites other than the new codes (audited, reason 'replaced'). */
export async function cancelReplacedInvites(
  db: PgDb,
  input: { agencyIds: number[]; keepCodes: string[]; actorPersonId: number; at: Date },
): Promise<ReplacedInvite[]> {
  if (input.agencyIds.length === 0) return [];
  return pgTransaction(db, async (tx) => {
    const keep = input.keepCodes.map(sha256Hex);
    const open = and(
      inArray(invites.agencyId, input.agencyIds),
      isNull(invites.usedBy),
      isNull(invites.cancelledAt),
      gt(invites.expiresAt, input.at),
      keep.length > 0 ? notInArray(invites.codeHash, keep) : undefined,
    );
    const replaced = await tx
      .select({ agencyId: invites.agencyId, inviteId: invites.id, hint: invites.hint })
      .from(invites)
      .where(open)
      .orderBy(asc(invites.id));
    if (replaced.length === 0) return [];
    await tx
      .update(invites)
      .set({ cancelledAt: input.at, cancelledBy: input.actorPersonId })
      .where(
        inArray(
          invites.id,
          replaced.map((r) => r.inviteId),
        ),
      );
    for (const r of replaced)
      await appendAudit(tx, {
        actorPersonId: input.actorPersonId,
        action: 'invite.cancel',
        detail: { inviteId: r.inviteId, hint: r.hint, agencyId: r.agencyId, reason: 'replaced' },
        at: input.at,
      });
    return replaced;
  });
}
