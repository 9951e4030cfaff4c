import { and, asc, eq, gt, isNull, lte, notExists, sql } from 'drizzle-orm';
import type { AgencyJoinState } from '../../queries/join-states.js';
import type { PgDb, PgExec } from '../client.js';
import { agencies, blocks, invites, memberships } from '../schema.js';

/** Every active agency of the network with its state, in the plan's order. */
export async function listJoinStates(db: PgDb, networkId: string, at: Date): Promise<AgencyJoinState[]> {
  const rows = await db.orm
    .select({ agencyId: agencies.id, slug: agencies.slug, name: agencies.name, shortName: agencies.shortName })
    .from(agencies)
    .where(and(eq(agencies.networkId, networkId), eq(agencies.active, true)))
    .orderBy(asc(agencies.sortOrder), asc(agencies.id));
  const joined = new Set(await listJoinedAgencyIds(db.orm, networkId));
  const open = await db.orm
    .select({ agencyId: invites.agencyId })
    .from(invites)
    .where(
      and(
        eq(invites.networkId, networkId),
        isNull(invites.usedBy),
        isNull(invites.cancelledAt),
        gt(invites.expiresAt, at),
      ),
    );
  const invited = new Set(open.map((r) => r.agencyId));
  return rows.map((r) => ({
    ...r,
    state: joined.has(r.agencyId) ? 'joined' : invited.has(r.agencyId) ? 'invited' : 'none',
  }));
}

/** Agencies of the network with an active officer who is not blocked. */
export async function listJoinedAgencyIds(ex: PgExec, networkId: string): Promise<number[]> {
  const blocked = ex.select({ id: blocks.personId }).from(blocks).where(eq(blocks.personId, memberships.personId));
  const rows = await ex
    .selectDistinct({ agencyId: memberships.agencyId })
    .from(memberships)
    .where(and(eq(memberships.networkId, networkId), eq(memberships.status, 'active'), notExists(blocked)));
  return rows.map((r) => r.agencyId);
}

/** When an invite was made: recorded since the column exists; the older ones were all 7-day codes. */
const invitedAt = sql`coalesce(${invites.createdAt}, ${invites.expiresAt} - interval '7 days')`;

/**
 * Names of the network's active agencies that were invited (a code not cancelled) on or before `before` and still
 * have no officer, in the plan's order: what the leaders' digest names a week after the invitations went out.
 */
export async function listStaleInvitedAgencies(db: PgDb, networkId: string, before: Date): Promise<string[]> {
  const joined = new Set(await listJoinedAgencyIds(db.orm, networkId));
  const rows = await db.orm
    .selectDistinct({ id: agencies.id, name: agencies.name, sortOrder: agencies.sortOrder })
    .from(invites)
    .innerJoin(agencies, eq(agencies.id, invites.agencyId))
    .where(
      and(
        eq(invites.networkId, networkId),
        eq(agencies.active, true),
        isNull(invites.cancelledAt),
        lte(invitedAt, before),
      ),
    )
    .orderBy(asc(agencies.sortOrder), asc(agencies.id));
  return rows.filter((r) => !joined.has(r.id)).map((r) => r.name);
}
