import { and, asc, eq, sql } from 'drizzle-orm';
import type { ActivityType } from '../../kernel/plan.js';
import type { DutyRef } from '../../kernel/calendar/period-choice.js';
import type { Db } from '../client.js';
import { preparedQuery } from '../prepared.js';
import { agencies, duties, networks } from '../schema.js';

// Lookups behind leaders' views: networks, their duties, children and agencies.

export interface StatusNetwork {
  id: string;
  name: string;
  level: string;
  parentId: string | null;
  active: boolean;
  activityTypes: ActivityType[] | null;
}

export interface StatusAgency {
  id: number;
  slug: string;
  name: string;
  shortName: string | null;
  searchKey: string;
}

const networkColumns = {
  id: networks.id,
  name: networks.name,
  level: networks.level,
  parentId: networks.parentId,
  active: networks.active,
  activityTypes: networks.activityTypes,
};
const agencyColumns = {
  id: agencies.id,
  slug: agencies.slug,
  name: agencies.name,
  shortName: agencies.shortName,
  searchKey: agencies.searchKey,
};

export async function findStatusNetwork(db: Db, id: string): Promise<StatusNetwork | undefined> {
  const row = preparedQuery(db, 'status.network', () =>
    db.orm
      .select(networkColumns)
      .from(networks)
      .where(eq(networks.id, sql.placeholder('id')))
      .prepare(),
  ).get({ id });
  return row ? { ...row, activityTypes: row.activityTypes as ActivityType[] | null } : undefined;
}

export async function listStatusNetworks(db: Db): Promise<StatusNetwork[]> {
  const rows = preparedQuery(db, 'status.networks', () =>
    db.orm.select(networkColumns).from(networks).orderBy(asc(networks.name)).prepare(),
  ).all();
  return rows.map((row) => ({ ...row, activityTypes: row.activityTypes as ActivityType[] | null }));
}

export async function listChildNetworks(db: Db, parentId: string): Promise<StatusNetwork[]> {
  const rows = db.orm
    .select(networkColumns)
    .from(networks)
    .where(and(eq(networks.parentId, parentId), eq(networks.active, true)))
    .orderBy(asc(networks.name))
    .all();
  return rows.map((row) => ({ ...row, activityTypes: row.activityTypes as ActivityType[] | null }));
}

export async function listActiveDuties(db: Db, networkId: string): Promise<DutyRef[]> {
  const rows = preparedQuery(db, 'status.duties', () =>
    db.orm
      .select({ id: duties.id, slug: duties.slug, spec: duties.spec })
      .from(duties)
      .where(and(eq(duties.networkId, sql.placeholder('networkId')), eq(duties.active, true)))
      .orderBy(asc(duties.id))
      .prepare(),
  ).all({ networkId });
  return rows as DutyRef[];
}

export async function listActiveAgencies(db: Db, networkId: string): Promise<StatusAgency[]> {
  return preparedQuery(db, 'status.agencies', () =>
    db.orm
      .select(agencyColumns)
      .from(agencies)
      .where(and(eq(agencies.networkId, sql.placeholder('networkId')), eq(agencies.active, true)))
      .orderBy(asc(agencies.sortOrder), asc(agencies.id))
      .prepare(),
  ).all({ networkId });
}

/**
 * Agencies a duty expects a report from: its active reporters ('all' or listed), except the receiving agency,
 * which consolidates the others' reports and is not asked for one (as /baocao does).
 */
export async function listExpectedAgencies(
  db: Db,
  networkId: string,
  duty: DutyRef | undefined,
): Promise<StatusAgency[]> {
  const active = await listActiveAgencies(db, networkId);
  if (!duty) return active;
  const { reporters, receiverAgency } = duty.spec;
  const listed = Array.isArray(reporters) ? new Set(reporters as string[]) : undefined;
  return active.filter((a) => (listed ? listed.has(a.slug) : true) && a.slug !== receiverAgency);
}
