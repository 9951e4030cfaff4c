import { and, eq, max } from 'drizzle-orm';
import type { Period } from '../../../kernel/calendar/periods.js';
import { vnDateKey } from '../../../kernel/calendar/vn-time.js';
import type { BigNetworkOptions, SeededNetworks } from '../../queries/seed.js';
import { SEED_DUTY, SEED_TEMPLATE, seedDutySpec, seedTemplateSpec } from '../../queries/seed-plan.js';
import type { SeedActivityRow, SeedSubmissionRow } from '../../queries/seed-rows.js';
import {
  agencyRow,
  mulberry32,
  networkIdsOf,
  networkName,
  seedActivities,
  seedSubmissions,
  type SeedActivity,
} from '../../seed-data.js';
import { pgTransaction, type PgDb, type PgExec } from '../client.js';
import {
  activities,
  agencies,
  duties,
  networks,
  periods,
  persons,
  reportIssues,
  submissions,
  templates,
} from '../schema.js';

// Bulk data for tests and benchmarks on PostgreSQL, the same rows as the SQLite seeder (../../queries/seed.ts)
// writes: multi-row inserts in one transaction. Not used by the bot itself.

/** Rows per insert statement: well under PostgreSQL's 65,535 parameters. */
const BATCH = 2000;

export async function seedBigNetwork(db: PgDb, options: BigNetworkOptions): Promise<SeededNetworks> {
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
  return pgTransaction(db, async (tx) => {
    const random = mulberry32(o.seed);
    const [person] = await tx
      .insert(persons)
      .values({ name: `${o.prefix} seeder`, createdAt: o.at })
      .returning({ id: persons.id });
    const personId = person!.id;
    const networkIds = networkIdsOf(o.prefix, o.networks);
    await tx.insert(networks).values(
      networkIds.map((id, i) => ({
        id,
        name: networkName(i),
        level: i === 0 ? 'province' : 'commune',
        parentId: i === 0 ? null : networkIds[0]!,
        active: true,
        updatedAt: o.at,
      })),
    );
    const agencyIds: number[][] = [];
    for (const [i, networkId] of networkIds.entries()) {
      const count = i === 0 ? (o.parentAgencies ?? o.agenciesPerNetwork) : o.agenciesPerNetwork;
      const values = Array.from({ length: count }, (_, n) => ({
        networkId,
        ...agencyRow(n),
        aliases: [],
        kind: 'khac',
        active: true,
      }));
      agencyIds.push(
        count === 0 ? [] : (await tx.insert(agencies).values(values).returning({ id: agencies.id })).map((r) => r.id),
      );
    }
    const dutyRows = await tx
      .insert(duties)
      .values(networkIds.map((networkId) => ({ networkId, slug: SEED_DUTY, spec: seedDutySpec, active: true })))
      .returning({ id: duties.id });
    const dutyIds = dutyRows.map((r) => r.id);
    await tx
      .insert(templates)
      .values(networkIds.map((networkId) => ({ networkId, slug: SEED_TEMPLATE, spec: seedTemplateSpec })));
    let batch: SeedActivity[] = [];
    const flush = async () => {
      if (batch.length === 0) return;
      await tx
        .insert(activities)
        .values(batch.map((a) => ({ ...a, authorPersonId: personId, attachments: [], createdAt: o.at })));
      batch = [];
    };
    for (const a of seedActivities({ ...o, networkIds, agencyIds, random })) {
      batch.push(a);
      if (batch.length >= BATCH) await flush();
    }
    await flush();
    const period = o.period;
    if (period)
      for (const [i, submitted] of seedSubmissions(agencyIds, { ...o, random }).entries()) {
        const periodId = await upsertPeriodIn(tx, dutyIds[i]!, period);
        for (const s of submitted) await insertSubmissionIn(tx, { ...s, periodId, personId, submittedAt: o.at });
      }
    return { parentId: networkIds[0]!, networkIds, agencyIds, personId, dutyIds };
  });
}

export async function upsertPeriod(db: PgDb, dutyId: number, period: Period): Promise<number> {
  return upsertPeriodIn(db.orm, dutyId, period);
}

async function upsertPeriodIn(ex: PgExec, dutyId: number, period: Period): Promise<number> {
  await ex
    .insert(periods)
    .values({
      dutyId,
      key: period.key,
      label: period.label,
      start: vnDateKey(period.start),
      end: vnDateKey(period.end),
      deadline: vnDateKey(period.deadline),
    })
    .onConflictDoNothing();
  const [row] = await ex
    .select({ id: periods.id })
    .from(periods)
    .where(and(eq(periods.dutyId, dutyId), eq(periods.key, period.key)));
  return row!.id;
}

/** A new current version of an agency's submission; the previous version stays, no longer current. */
export async function insertSubmissionRow(db: PgDb, row: SeedSubmissionRow): Promise<number> {
  return pgTransaction(db, (tx) => insertSubmissionIn(tx, row));
}

async function insertSubmissionIn(ex: PgExec, row: SeedSubmissionRow): Promise<number> {
  const here = and(eq(submissions.periodId, row.periodId), eq(submissions.agencyId, row.agencyId));
  const [last] = await ex
    .select({ v: max(submissions.version) })
    .from(submissions)
    .where(here);
  const version = (last?.v ?? 0) + 1;
  await ex.update(submissions).set({ current: false }).where(here);
  const [inserted] = await ex
    .insert(submissions)
    .values({
      periodId: row.periodId,
      agencyId: row.agencyId,
      version,
      current: true,
      number: `${row.periodId}.${row.agencyId}.${version}`,
      personId: row.personId,
      answers: row.answers,
      attachments: [],
      submittedAt: row.submittedAt,
      late: row.late,
    })
    .returning({ id: submissions.id });
  const id = inserted!.id;
  const issues = row.issues ?? [];
  if (issues.length > 0) await ex.insert(reportIssues).values(issues.map((i) => ({ submissionId: id, ...i })));
  return id;
}

export async function insertActivityRows(db: PgDb, rows: SeedActivityRow[], at: Date): Promise<void> {
  if (rows.length === 0) return;
  await db.orm.insert(activities).values(
    rows.map((r) => ({
      networkId: r.networkId,
      agencyId: r.agencyId,
      authorPersonId: r.personId,
      typeId: r.typeId,
      date: r.date,
      title: r.title ?? r.typeId,
      attachments: [],
      createdAt: at,
      deletedAt: r.deleted ? at : null,
    })),
  );
}
