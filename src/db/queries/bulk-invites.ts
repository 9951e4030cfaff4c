import { and, asc, eq, gt, inArray, isNull, notInArray } from 'drizzle-orm';
import type { Db } from '../client.js';
import { transaction } from '../client.js';
import { sha256Hex } from '../code-hash.js';
import { agencies, invites, type AgencyContact } from '../schema.js';
import { appendAudit } from './audit.js';
import { listJoinedAgencyIds } from './join-states.js';

// Invitations for a whole network (/moi tatca, daumoi invite): the agencies still without an officer, and the
// open codes a new run replaces.

export interface InviteTarget {
  agencyId: number;
  name: string;
  contact: AgencyContact | null;
}

/** Active agencies with no officer who is not blocked, in the plan's order. */
export async function listInviteTargets(db: Db, networkId: string): Promise<InviteTarget[]> {
  const joined = listJoinedAgencyIds(db, networkId);
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
    .orderBy(asc(agencies.sortOrder), asc(agencies.id))
    .all();
}

export interface ReplacedInvite {
  agencyId: number;
  inviteId: number;
  hint: string;
}

/**
 * Cancels the agencies' open invites other than the new codes (audited, reason 'replaced'); the codes it
 * cancelled, so the admin is told which papers no longer work. Run after the new codes are stored: a failure
 * in between leaves both usable, never neither.
 */
export async function cancelReplacedInvites(
  db: Db,
  input: { agencyIds: number[]; keepCodes: string[]; actorPersonId: number; at: Date },
): Promise<ReplacedInvite[]> {
  if (input.agencyIds.length === 0) return [];
  return transaction(db, () => {
    const open = and(
      inArray(invites.agencyId, input.agencyIds),
      isNull(invites.usedBy),
      isNull(invites.cancelledAt),
      gt(invites.expiresAt, input.at),
      notInArray(invites.codeHash, input.keepCodes.map(sha256Hex)),
    );
    const replaced = db.orm
      .select({ agencyId: invites.agencyId, inviteId: invites.id, hint: invites.hint })
      .from(invites)
      .where(open)
      .orderBy(asc(invites.id))
      .all();
    if (replaced.length === 0) return [];
    db.orm
      .update(invites)
      .set({ cancelledAt: input.at, cancelledBy: input.actorPersonId })
      .where(
        inArray(
          invites.id,
          replaced.map((r) => r.inviteId),
        ),
      )
      .run();
    for (const r of replaced)
      appendAudit(db, {
        actorPersonId: input.actorPersonId,
        action: 'invite.cancel',
        detail: { inviteId: r.inviteId, hint: r.hint, agencyId: r.agencyId, reason: 'replaced' },
        at: input.at,
      });
    return replaced;
  });
}
