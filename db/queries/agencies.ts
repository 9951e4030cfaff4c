import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../client.js';
import { agencies } from '../schema.js';

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
  id: agencies.id, networkId: agencies.networkId, slug: agencies.slug, name: agencies.name, shortName: agencies.shortName,
  aliases: agencies.aliases, searchKey: agencies.searchKey, kind: agencies.kind, active: agencies.active, successor: agencies.successor,
};

export async function findAgencyBySlug(db: Db, networkId: string, slug: string): Promise<AgencyRow | undefined> {
  return db.orm.select(columns).from(agencies).where(and(eq(agencies.networkId, networkId), eq(agencies.slug, slug))).get();
}

export async function findAgencyById(db: Db, id: number): Promise<AgencyRow | undefined> {
  return db.orm.select(columns).from(agencies).where(eq(agencies.id, id)).get();
}

export async function listAgencies(db: Db, networkId?: string): Promise<AgencyRow[]> {
  return db.orm.select(columns).from(agencies)
    .where(networkId ? eq(agencies.networkId, networkId) : undefined)
    .orderBy(asc(agencies.networkId), asc(agencies.sortOrder)).all();
}
