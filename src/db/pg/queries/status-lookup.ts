import { and, asc, eq } from 'drizzle-orm';
import type { ActivityType } from '../../../kernel/plan.js';
import type { DutyRef } from '../../../kernel/calendar/period-choice.js';
import type { StatusAgency, StatusNetwork } from '../../queries/status-lookup.js';
import type { PgDb } from '../client.js';
import { agencies, duties, networks } from '../schema.js';

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
const typed = <T extends { activityTypes: unknown }>(row: T) => ({
  ...row,
  activityTypes: row.activityTypes as ActivityType[] | null,
});

export async function findStatusNetwork(db: PgDb, id: string): Promise<StatusNetwork | undefined> {
  const [row] = await db.orm.select(networkColumns).from(networks).where(eq(networks.id, id));
  return row ? typed(row) : undefined;
}

export async function listStatusNetworks(db: PgDb): Promise<StatusNetwork[]> {
  return (await db.orm.select(networkColumns).from(networks).orderBy(asc(networks.name))).map(typed);
}

export async function listChildNetworks(db: PgDb, parentId: string): Promise<StatusNetwork[]> {
  const rows = await db.orm
    .select(networkColumns)
    .from(networks)
    .where(and(eq(networks.parentId, parentId), eq(networks.active, true)))
    .orderBy(asc(networks.name));
  return rows.map(typed);
}

export async function listActiveDuties(db: PgDb, networkId: string): Promise<DutyRef[]> {
  const rows = await db.orm
    .select({ id: duties.id, slug: duties.slug, spec: duties.spec })
    .from(duties)
    .where(and(eq(duties.networkId, networkId), eq(duties.active, true)))
    .orderBy(asc(duties.id));
  return rows as DutyRef[];
}

export async function listActiveAgencies(db: PgDb, networkId: string): Promise<StatusAgency[]> {
  return db.orm
    .select(agencyColumns)
    .from(agencies)
    .where(and(eq(agencies.networkId, networkId), eq(agencies.active, true)))
    .orderBy(asc(agencies.sortOrder), asc(agencies.id));
}

export async function listExpectedAgencies(
  db: PgDb,
  networkId: string,
  duty: DutyRef | undefined,
): Promise<StatusAgency[]> {
  const active = await listActiveAgencies(db, networkId);
  if (!duty) return active;
  const { reporters, receiverAgency } = duty.spec;
  const listed = Array.isArray(reporters) ? new Set(reporters as string[]) : undefined;
  return active.filter((a) => (listed ? listed.has(a.slug) : true) && a.slug !== receiverAgency);
}
