import type { Period } from '../../kernel/calendar/periods.js';
import type { Db } from '../client.js';
import { transaction } from '../client.js';
import { seedDuty, seedTemplate, seedTypeIds } from './seed-plan.js';
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
    const networkIds = Array.from({ length: o.networks }, (_, i) =>
      i === 0 ? o.prefix : `${o.prefix}-${String(i).padStart(2, '0')}`,
    );
    networkIds.forEach((id, i) => insertNetwork(db, id, i === 0 ? undefined : networkIds[0], i, o.at));
    const agencyIds = networkIds.map((id, i) =>
      insertAgencies(db, id, i === 0 ? (o.parentAgencies ?? o.agenciesPerNetwork) : o.agenciesPerNetwork),
    );
    const dutyIds = networkIds.map((id) => seedDuty(db, id));
    networkIds.forEach((id) => seedTemplate(db, id));
    insertActivities(db, { ...o, networkIds, agencyIds, personId, random });
    if (o.period) insertSubmissions(db, { ...o, period: o.period, dutyIds, agencyIds, personId, random });
    return { parentId: networkIds[0]!, networkIds, agencyIds, personId, dutyIds };
  });
}

function insertPerson(db: Db, name: string, at: Date): number {
  const row = db.sqlite.prepare('INSERT INTO persons (name, created_at) VALUES (?, ?)').run(name, at.getTime());
  return Number(row.lastInsertRowid);
}

function insertNetwork(db: Db, id: string, parentId: string | undefined, index: number, at: Date): void {
  const name = parentId ? `Xã Thử Nghiệm ${index}` : 'Tỉnh Thử Nghiệm';
  db.sqlite
    .prepare('INSERT INTO networks (id, name, level, parent_id, active, updated_at) VALUES (?, ?, ?, ?, 1, ?)')
    .run(id, name, parentId ? 'commune' : 'province', parentId ?? null, at.getTime());
}

function insertAgencies(db: Db, networkId: string, count: number): number[] {
  const insert = db.sqlite
    .prepare(`INSERT INTO agencies (network_id, slug, name, short_name, aliases, search_key, kind, active, sort_order)
    VALUES (?, ?, ?, NULL, '[]', ?, 'khac', 1, ?)`);
  return Array.from({ length: count }, (_, i) => {
    const n = String(i + 1).padStart(3, '0');
    return Number(insert.run(networkId, `co-quan-${n}`, `Cơ quan số ${n}`, `co quan so ${n}`, i).lastInsertRowid);
  });
}

interface ActivityPlan {
  networkIds: string[];
  agencyIds: number[][];
  personId: number;
  activities: number;
  from: string;
  to: string;
  at: Date;
  random: () => number;
}

function insertActivities(db: Db, p: ActivityPlan): void {
  const insert = db.sqlite
    .prepare(`INSERT INTO activities (network_id, agency_id, author_person_id, type_id, date, title, attachments, created_at)
    VALUES (?, ?, ?, ?, ?, ?, '[]', ?)`);
  const flat = p.networkIds.flatMap((networkId, i) => p.agencyIds[i]!.map((agencyId) => ({ networkId, agencyId })));
  if (flat.length === 0) return;
  const first = Date.parse(`${p.from}T00:00:00Z`);
  const days = Math.round((Date.parse(`${p.to}T00:00:00Z`) - first) / 86_400_000) + 1;
  const types = seedTypeIds;
  for (let i = 0; i < p.activities; i++) {
    // Skewed so the busiest agencies and the commonest types stand out, as in real logs.
    const who = flat[Math.floor(p.random() ** 1.5 * flat.length)]!;
    const type = types[Math.floor(p.random() ** 2 * types.length)]!;
    const date = new Date(first + Math.floor(p.random() * days) * 86_400_000).toISOString().slice(0, 10);
    insert.run(who.networkId, who.agencyId, p.personId, type, date, `Hoạt động thử nghiệm ${i + 1}`, p.at.getTime());
  }
}

interface SubmissionPlan {
  period: Period;
  dutyIds: number[];
  agencyIds: number[][];
  personId: number;
  submittedShare: number;
  lateShare: number;
  at: Date;
  random: () => number;
}

function insertSubmissions(db: Db, p: SubmissionPlan): void {
  p.dutyIds.forEach((dutyId, i) => {
    const periodId = upsertPeriod(db, dutyId, p.period);
    for (const agencyId of p.agencyIds[i]!) {
      if (p.random() >= p.submittedShare) continue;
      const late = p.random() < p.lateShare;
      const issues = [
        ...(p.random() < 0.2 ? [{ kind: 'difficulty' as const, text: `Khó khăn của cơ quan ${agencyId}` }] : []),
        ...(p.random() < 0.1 ? [{ kind: 'proposal' as const, text: `Đề xuất của cơ quan ${agencyId}` }] : []),
      ];
      insertSubmissionRow(db, {
        periodId,
        agencyId,
        personId: p.personId,
        answers: { 'so-tin-bai': Math.floor(p.random() * 50) },
        late,
        submittedAt: p.at,
        issues,
      });
    }
  });
}

/** Deterministic PRNG (mulberry32): the same seed gives the same database. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
