import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import type { Period } from '../../kernel/calendar/periods.js';
import { parseDateKey, vnDateKey } from '../../kernel/calendar/vn-time.js';
import type { ReportTask } from '../../kernel/report-steps.js';
import type { PlanDuty, PlanTemplate } from '../../kernel/plan.js';
import type { Db } from '../client.js';
import { preparedQuery } from '../prepared.js';
import { duties, periods, taskAgencies, tasks, templates } from '../schema.js';

// Reporting duties, their materialised periods, templates and the tasks a report asks about.

export interface DutyRow {
  id: number;
  networkId: string;
  slug: string;
  spec: PlanDuty;
}

export interface PeriodRow extends Period {
  id: number;
  dutyId: number;
}

/** Active duties of a network whose reporters include the agency (`all` or listed by slug). */
export async function listAgencyDuties(db: Db, networkId: string, agencySlug: string): Promise<DutyRow[]> {
  const rows = preparedQuery(db, 'reports.agencyDuties', () =>
    db.orm
      .select({ id: duties.id, networkId: duties.networkId, slug: duties.slug, spec: duties.spec })
      .from(duties)
      .where(and(eq(duties.networkId, sql.placeholder('networkId')), eq(duties.active, true)))
      .orderBy(asc(duties.id))
      .prepare(),
  ).all({ networkId });
  return rows
    .map((r) => ({ ...r, spec: r.spec as PlanDuty }))
    .filter((d) => d.spec.reporters === 'all' || d.spec.reporters.includes(agencySlug));
}

/** Stores a computed period once (by duty and key) and returns its row; dates follow the current plan. */
export async function ensurePeriod(db: Db, dutyId: number, period: Period): Promise<PeriodRow> {
  const values = {
    label: period.label,
    start: vnDateKey(period.start),
    end: vnDateKey(period.end),
    deadline: vnDateKey(period.deadline),
  };
  // Read first: asked on every /hanbaocao and /baocao, the period almost always exists unchanged.
  const existing = preparedQuery(db, 'reports.period', () =>
    db.orm
      .select()
      .from(periods)
      .where(and(eq(periods.dutyId, sql.placeholder('dutyId')), eq(periods.key, sql.placeholder('key'))))
      .prepare(),
  ).get({ dutyId, key: period.key });
  if (
    existing &&
    existing.label === values.label &&
    existing.start === values.start &&
    existing.end === values.end &&
    existing.deadline === values.deadline
  )
    return toPeriodRow(existing);
  const row = db.orm
    .insert(periods)
    .values({ dutyId, key: period.key, ...values })
    .onConflictDoUpdate({ target: [periods.dutyId, periods.key], set: values })
    .returning()
    .get();
  return toPeriodRow(row);
}

export async function findPeriodWithDuty(
  db: Db,
  periodId: number,
): Promise<{ period: PeriodRow; duty: DutyRow } | undefined> {
  const row = db.orm
    .select({ period: periods, duty: duties })
    .from(periods)
    .innerJoin(duties, eq(duties.id, periods.dutyId))
    .where(eq(periods.id, periodId))
    .get();
  if (!row) return undefined;
  const duty = { id: row.duty.id, networkId: row.duty.networkId, slug: row.duty.slug, spec: row.duty.spec as PlanDuty };
  return { period: toPeriodRow(row.period), duty };
}

export function toPeriodRow(row: typeof periods.$inferSelect): PeriodRow {
  return {
    id: row.id,
    dutyId: row.dutyId,
    key: row.key,
    label: row.label,
    start: parseDateKey(row.start)!,
    end: parseDateKey(row.end)!,
    deadline: parseDateKey(row.deadline)!,
  };
}

export async function findTemplate(db: Db, networkId: string, slug: string): Promise<PlanTemplate | undefined> {
  const row = db.orm
    .select({ spec: templates.spec })
    .from(templates)
    .where(and(eq(templates.networkId, networkId), eq(templates.slug, slug)))
    .get();
  return row?.spec as PlanTemplate | undefined;
}

/** Tasks a report asks about: the agency's own and those for every agency, in plan order. */
export async function listReportTasks(db: Db, networkId: string, agencyId: number): Promise<ReportTask[]> {
  const own = db.orm.select({ id: taskAgencies.taskId }).from(taskAgencies).where(eq(taskAgencies.agencyId, agencyId));
  return db.orm
    .select({ slug: tasks.slug, section: tasks.section, text: tasks.text })
    .from(tasks)
    .where(and(eq(tasks.networkId, networkId), or(eq(tasks.forAll, true), inArray(tasks.id, own))))
    .orderBy(asc(tasks.sortOrder))
    .all();
}
