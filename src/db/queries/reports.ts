import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import type { Period } from '../../kernel/calendar/periods.js';
import { parseDateKey, vnDateKey } from '../../kernel/calendar/vn-time.js';
import type { ReportTask } from '../../kernel/report-steps.js';
import type { PlanDuty, PlanTemplate } from '../../kernel/plan.js';
import type { Db } from '../client.js';
import { preparedQuery } from '../prepared.js';
import { duties, periods, taskAgencies, tasks, templates } from '../schema.js';
import { listPredecessors } from './succession.js';

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
  // The tasks of agencies merged into this one are its to report on too, marked with where they came from.
  const predecessors = await listPredecessors(db, agencyId);
  const from = new Map(predecessors.map((p) => [p.id, p.name]));
  const assigned = db.orm
    .select({ taskId: taskAgencies.taskId, agencyId: taskAgencies.agencyId })
    .from(taskAgencies)
    .where(inArray(taskAgencies.agencyId, [agencyId, ...from.keys()]))
    .all();
  const inheritedFrom = new Map<number, string>();
  for (const a of assigned) if (a.agencyId !== agencyId) inheritedFrom.set(a.taskId, from.get(a.agencyId)!);
  for (const a of assigned) if (a.agencyId === agencyId) inheritedFrom.delete(a.taskId);
  const rows = db.orm
    .select({ id: tasks.id, slug: tasks.slug, section: tasks.section, text: tasks.text })
    .from(tasks)
    .where(
      and(
        eq(tasks.networkId, networkId),
        or(
          eq(tasks.forAll, true),
          inArray(
            tasks.id,
            assigned.map((a) => a.taskId),
          ),
        ),
      ),
    )
    .orderBy(asc(tasks.sortOrder))
    .all();
  return rows.map(({ id, ...task }) => {
    const name = inheritedFrom.get(id);
    return name ? { ...task, inheritedFrom: name } : task;
  });
}
