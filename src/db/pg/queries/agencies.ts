import { and, asc, eq, ilike } from 'drizzle-orm';
import type { AgencyRow, AgencyWithNetwork } from '../../queries/agencies.js';
import type { PgDb } from '../client.js';
import { agencies, networks } from '../schema.js';

const columns = {
  id: agencies.id,
  networkId: agencies.networkId,
  slug: agencies.slug,
  name: agencies.name,
  shortName: agencies.shortName,
  aliases: agencies.aliases,
  searchKey: agencies.searchKey,
  kind: agencies.kind,
  active: agencies.active,
  successor: agencies.successor,
};
const withNetwork = { ...columns, networkName: networks.name, networkActive: networks.active };

export async function findAgencyBySlug(db: PgDb, networkId: string, slug: string): Promise<AgencyRow | undefined> {
  const [row] = await db.orm
    .select(columns)
    .from(agencies)
    .where(and(eq(agencies.networkId, networkId), eq(agencies.slug, slug)));
  return row;
}

export async function findAgencyById(db: PgDb, id: number): Promise<AgencyRow | undefined> {
  const [row] = await db.orm.select(columns).from(agencies).where(eq(agencies.id, id));
  return row;
}

export async function listAgencies(db: PgDb, networkId?: string): Promise<AgencyRow[]> {
  return db.orm
    .select(columns)
    .from(agencies)
    .where(networkId ? eq(agencies.networkId, networkId) : undefined)
    .orderBy(asc(agencies.networkId), asc(agencies.sortOrder));
}

/** Agencies whose search key (diacritics-free names, short name, aliases) contains every given word. */
export async function searchAgencies(db: PgDb, words: string[], networkId?: string): Promise<AgencyWithNetwork[]> {
  if (words.length === 0) return [];
  // ILIKE: SQLite's LIKE ignores ASCII case too.
  const conditions = words.map((w) => ilike(agencies.searchKey, `%${w.replace(/[%_\\]/g, '')}%`));
  if (networkId) conditions.push(eq(agencies.networkId, networkId));
  return db.orm
    .select(withNetwork)
    .from(agencies)
    .innerJoin(networks, eq(networks.id, agencies.networkId))
    .where(and(...conditions))
    .orderBy(asc(agencies.networkId), asc(agencies.sortOrder));
}

export async function findAgencyWithNetwork(db: PgDb, id: number): Promise<AgencyWithNetwork | undefined> {
  const [row] = await db.orm
    .select(withNetwork)
    .from(agencies)
    .innerJoin(networks, eq(networks.id, agencies.networkId))
    .where(eq(agencies.id, id));
  return row;
}
