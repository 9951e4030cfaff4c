import { and, asc, eq, gt, isNull, lte, notExists, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { agencies, blocks, invites, memberships } from '../schema.js';

// Who has joined a network: an agency has joined when it has an approved officer who is not blocked, is
// invited while an open invite waits for it, and is neither otherwise.

export type JoinState = 'joined' | 'invited' | 'none';

export interface AgencyJoinState {
  agencyId: number;
  slug: string;
  name: string;
  shortName: string | null;
  state: JoinState;
}

/** Every active agency of the network with its state, in the plan's order. */
export async function listJoinStates(db: Db, networkId: string, at: Date): Promise<AgencyJoinState[]> {
  const rows = db.orm
    .select({ agencyId: agencies.id, slug: agencies.slug, name: agencies.name, shortName: agencies.shortName })
    .from(agencies)
    .where(and(eq(agencies.networkId, networkId), eq(agencies.active, true)))
    .orderBy(asc(agencies.sortOrder), asc(agencies.id))
    .all();
  const joined = new Set(listJoinedAgencyIds(db, networkId));
  const invited = new Set(
    db.orm
      .select({ agencyId: invites.agencyId })
      .from(invites)
      .where(
        and(
          eq(invites.networkId, networkId),
          isNull(invites.usedBy),
          isNull(invites.cancelledAt),
          gt(invites.expiresAt, at),
        ),
      )
      .all()
      .map((r) => r.agencyId),
  );
  return rows.map((r) => ({
    ...r,
    state: joined.has(r.agencyId) ? 'joined' : invited.has(r.agencyId) ? 'invited' : 'none',
  }));
}

/** Agencies of the network with an active officer who is not blocked. */
export function listJoinedAgencyIds(db: Db, networkId: string): number[] {
  const blocked = db.orm.select({ id: blocks.personId }).from(blocks).where(eq(blocks.personId, memberships.personId));
  return db.orm
    .selectDistinct({ agencyId: memberships.agencyId })
    .from(memberships)
    .where(and(eq(memberships.networkId, networkId), eq(memberships.status, 'active'), notExists(blocked)))
    .all()
    .map((r) => r.agencyId);
}

/** When an invite was made: recorded since the column exists; the older ones were all 7-day codes. */
const invitedAt = sql<number>`coalesce(${invites.createdAt}, ${invites.expiresAt} - 604800000)`;

/**
 * Names of the network's active agencies that were invited (a code not cancelled) on or before `before` and still
 * have no officer, in the plan's order: what the leaders' digest names a week after the invitations went out.
 */
export async function listStaleInvitedAgencies(db: Db, networkId: string, before: Date): Promise<string[]> {
  const joined = new Set(listJoinedAgencyIds(db, networkId));
  const rows = db.orm
    .selectDistinct({ id: agencies.id, name: agencies.name, sortOrder: agencies.sortOrder })
    .from(invites)
    .innerJoin(agencies, eq(agencies.id, invites.agencyId))
    .where(
      and(
        eq(invites.networkId, networkId),
        eq(agencies.active, true),
        isNull(invites.cancelledAt),
        lte(invitedAt, before.getTime()),
      ),
    )
    .orderBy(asc(agencies.sortOrder), asc(agencies.id))
    .all();
  return rows.filter((r) => !joined.has(r.id)).map((r) => r.name);
}
