import { and, asc, eq, like, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { preparedQuery } from '../prepared.js';
import { agencies, networks } from '../schema.js';

export interface AgencyRow {
  id: number;
  networkId: string;
  slug: string;
  name: string;
  shortName: string | null;
  aliases: string[];
  searchKey: string;
  kind: string;
  active: boolean;
  successor: { agency?: string; name: string; since?: string; note: string } | null;
}

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

export async function findAgencyBySlug(db: Db, networkId: string, slug: string): Promise<AgencyRow | undefined> {
  return db.orm
    .select(columns)
    .from(agencies)
    .where(and(eq(agencies.networkId, networkId), eq(agencies.slug, slug)))
    .get();
}

export async function findAgencyById(db: Db, id: number): Promise<AgencyRow | undefined> {
  return preparedQuery(db, 'agencies.byId', () =>
    db.orm
      .select(columns)
      .from(agencies)
      .where(eq(agencies.id, sql.placeholder('id')))
      .prepare(),
  ).get({ id });
}

export async function listAgencies(db: Db, networkId?: string): Promise<AgencyRow[]> {
  return db.orm
    .select(columns)
    .from(agencies)
    .where(networkId ? eq(agencies.networkId, networkId) : undefined)
    .orderBy(asc(agencies.networkId), asc(agencies.sortOrder))
    .all();
}

export interface AgencyWithNetwork extends AgencyRow {
  networkName: string;
  networkActive: boolean;
}

/** Agencies whose search key (diacritics-free names, short name, aliases) contains every given word. */
export async function searchAgencies(db: Db, words: string[], networkId?: string): Promise<AgencyWithNetwork[]> {
  if (words.length === 0) return [];
  const conditions = words.map((w) => like(agencies.searchKey, `%${w.replace(/[%_\\]/g, '')}%`));
  if (networkId) conditions.push(eq(agencies.networkId, networkId));
  return db.orm
    .select({ ...columns, networkName: networks.name, networkActive: networks.active })
    .from(agencies)
    .innerJoin(networks, eq(networks.id, agencies.networkId))
    .where(and(...conditions))
    .orderBy(asc(agencies.networkId), asc(agencies.sortOrder))
    .all();
}

export async function findAgencyWithNetwork(db: Db, id: number): Promise<AgencyWithNetwork | undefined> {
  return preparedQuery(db, 'agencies.withNetwork', () =>
    db.orm
      .select({ ...columns, networkName: networks.name, networkActive: networks.active })
      .from(agencies)
      .innerJoin(networks, eq(networks.id, agencies.networkId))
      .where(eq(agencies.id, sql.placeholder('id')))
      .prepare(),
  ).get({ id });
}
