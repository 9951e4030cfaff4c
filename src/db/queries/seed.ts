import type { Period } from '../../kernel/calendar/periods.js';
import type { Db } from '../client.js';
import { transaction } from '../client.js';
import { agencyRow, mulberry32, networkIdsOf, networkName, seedActivities, seedSubmissions } from '../seed-data.js';
import { seedDuty, seedTemplate } from './seed-plan.js';
import { insertSubmissionRow, upsertPeriod } from './seed-rows.js';

// Bulk data for tests and benchmarks: prepared statements in one transaction, a seeded PRNG so every
// run writes the same rows. Not used by the bot itself.

export interface BigNetworkOptions {
  /** Networks in all: a parent (the first) and its children. */
  networks: number;
  agenciesPerNetwork: number;
  /** Agencies of the parent network itself (default: agenciesPerNetwork). */
  parentAgencies?: number;
  /** Activities in all, spread over every agency and the date range. */
  activities: number;
  /** Id prefix of networks, agencies and duties ("bench" gives networks bench, bench-01, ...). */
  prefix?: string;
  /** Activity dates, 'YYYY-MM-DD', inclusive. */
  from?: string;
  to?: string;
  /** The period (of the yearly duty each network gets) with submissions; none when omitted. */
  period?: Period;
  /** Share of agencies that submitted for `period`, and share of those that were late. */
  submittedShare?: number;
  lateShare?: number;
  seed?: number;
  at?: Date;
}

export interface SeededNetworks {
  parentId: string;
  networkIds: string[];
  /** Agency ids per network, in `networkIds` order. */
  agencyIds: number[][];
  personId: number;
  dutyIds: number[];
}

export function seedBigNetwork(db: Db, options: BigNetworkOptions): SeededNetworks {
  const o = {
    prefix: 'bench',
    from: '2025-01-01',
    to: '2026-11-20',
    submittedShare: 0.6,
    lateShare: 0.2,
    seed: 7,
    at: new Date(0),
    ...options,
  };
  // Rows are consistent by construction: skipping foreign key checks makes a million inserts much faster.
  db.sqlite.pragma('foreign_keys = OFF');
  try {
    return seedAll(db, o);
  } finally {
    db.sqlite.pragma('foreign_keys = ON');
  }
}

type SeedOptions = Required<Omit<BigNetworkOptions, 'period' | 'parentAgencies'>> &
  Pick<BigNetworkOptions, 'period' | 'parentAgencies'>;

function seedAll(db: Db, o: SeedOptions): SeededNetworks {
  return transaction(db, () => {
    const random = mulberry32(o.seed);
    const personId = insertPerson(db, `${o.prefix} seeder`, o.at);
    const networkIds = networkIdsOf(o.prefix, o.networks);
    networkIds.forEach((id, i) => insertNetwork(db, id, i === 0 ? undefined : networkIds[0], i, o.at));
    const agencyIds = networkIds.map((id, i) =>
      insertAgencies(db, id, i === 0 ? (o.parentAgencies ?? o.agenciesPerNetwork) : o.agenciesPerNetwork),
    );
    const dutyIds = networkIds.map((id) => seedDuty(db, id));
    networkIds.forEach((id) => seedTemplate(db, id));
    const insert = db.sqlite
      .prepare(`INSERT INTO activities (network_id, agency_id, author_person_id, type_id, date, title, attachments, created_at)
    VALUES (?, ?, ?, ?, ?, ?, '[]', ?)`);
    for (const a of seedActivities({ ...o, networkIds, agencyIds, random }))
      insert.run(a.networkId, a.agencyId, personId, a.typeId, a.date, a.title, o.at.getTime());
    const period = o.period;
    if (period)
      seedSubmissions(agencyIds, { ...o, random }).forEach((submitted, i) => {
        const periodId = upsertPeriod(db, dutyIds[i]!, period);
        for (const s of submitted) insertSubmissionRow(db, { ...s, periodId, personId, submittedAt: o.at });
      });
    return { parentId: networkIds[0]!, networkIds, agencyIds, personId, dutyIds };
  });
}

function insertPerson(db: Db, name: string, at: Date): number {
  const row = db.sqlite.prepare('INSERT INTO persons (name, created_at) VALUES (?, ?)').run(name, at.getTime());
  return Number(row.lastInsertRowid);
}

function insertNetwork(db: Db, id: string, parentId: string | undefined, index: number, at: Date): void {
  db.sqlite
    .prepare('INSERT INTO networks (id, name, level, parent_id, active, updated_at) VALUES (?, ?, ?, ?, 1, ?)')
    .run(id, networkName(index), parentId ? 'commune' : 'province', parentId ?? null, at.getTime());
}

function insertAgencies(db: Db, networkId: string, count: number): number[] {
  const insert = db.sqlite
    .prepare(`INSERT INTO agencies (network_id, slug, name, short_name, aliases, search_key, kind, active, sort_order)
    VALUES (?, ?, ?, NULL, '[]', ?, 'khac', 1, ?)`);
  return Array.from({ length: count }, (_, i) => {
    const a = agencyRow(i);
    return Number(insert.run(networkId, a.slug, a.name, a.searchKey, a.sortOrder).lastInsertRowid);
  });
}
