import { and, asc, eq, inArray, or } from 'drizzle-orm';
import type { Period } from '../../../kernel/calendar/periods.js';
import { vnDateKey } from '../../../kernel/calendar/vn-time.js';
import type { ReportTask } from '../../../kernel/report-steps.js';
import type { PlanDuty, PlanTemplate } from '../../../kernel/plan.js';
import { toPeriodRow, type DutyRow, type PeriodRow } from '../../queries/reports.js';
import type { PgDb } from '../client.js';
import { duties, periods, taskAgencies, tasks, templates } from '../schema.js';
import { listPredecessors } from './succession.js';

/** Active duties of a network whose reporters include the agency (`all` or listed by slug). */
export async function listAgencyDuties(db: PgDb, networkId: string, agencySlug: string): Promise<DutyRow[]> {
  const rows = await db.orm
    .select({ id: duties.id, networkId: duties.networkId, slug: duties.slug, spec: duties.spec })
    .from(duties)
    .where(and(eq(duties.networkId, networkId), eq(duties.active, true)))
    .orderBy(asc(duties.id));
  return rows
    .map((r) => ({ ...r, spec: r.spec as PlanDuty }))
    .filter((d) => d.spec.reporters === 'all' || d.spec.reporters.includes(agencySlug));
}

/** Stores a computed period once (by duty and key) and returns its row; dates follow the current plan. */
export async function ensurePeriod(db: PgDb, dutyId: number, period: Period): Promise<PeriodRow> {
  const values = {
    label: period.label,
    start: vnDateKey(period.start),
    end: vnDateKey(period.end),
    deadline: vnDateKey(period.deadline),
  };
  const [existing] = await db.orm
    .select()
    .from(periods)
    .where(and(eq(periods.dutyId, dutyId), eq(periods.key, period.key)));
  if (
    existing &&
    existing.label === values.label &&
    existing.start === values.start &&
    existing.end === values.end &&
    existing.deadline === values.deadline
  )
    return toPeriodRow(existing);
  const [row] = await db.orm
    .insert(periods)
    .values({ dutyId, key: period.key, ...values })
    .onConflictDoUpdate({ target: [periods.dutyId, periods.key], set: values })
    .returning();
  return toPeriodRow(row!);
}

export async function findPeriodWithDuty(
  db: PgDb,
  periodId: number,
): Promise<{ period: PeriodRow; duty: DutyRow } | undefined> {
  const [row] = await db.orm
    .select({ period: periods, duty: duties })
    .from(periods)
    .innerJoin(duties, eq(duties.id, periods.dutyId))
    .where(eq(periods.id, periodId));
  if (!row) return undefined;
  const duty = { id: row.duty.id, networkId: row.duty.networkId, slug: row.duty.slug, spec: row.duty.spec as PlanDuty };
  return { period: toPeriodRow(row.period), duty };
}

export async function findTemplate(db: PgDb, networkId: string, slug: string): Promise<PlanTemplate | undefined> {
  const [row] = await db.orm
    .select({ spec: templates.spec })
    .from(templates)
    .where(and(eq(templates.networkId, networkId), eq(templates.slug, slug)));
  return row?.spec as PlanTemplate | undefined;
}

/** Tasks a report asks about: the agency's own and those for every agency, in plan order. */
export async function listReportTasks(db: PgDb, networkId: string, agencyId: number): Promise<ReportTask[]> {
  const predecessors = await listPredecessors(db, agencyId);
  const from = new Map(predecessors.map((p) => [p.id, p.name]));
  const assigned = await db.orm
    .select({ taskId: taskAgencies.taskId, agencyId: taskAgencies.agencyId })
    .from(taskAgencies)
    .where(inArray(taskAgencies.agencyId, [agencyId, ...from.keys()]));
  const inheritedFrom = new Map<number, string>();
  for (const a of assigned) if (a.agencyId !== agencyId) inheritedFrom.set(a.taskId, from.get(a.agencyId)!);
  for (const a of assigned) if (a.agencyId === agencyId) inheritedFrom.delete(a.taskId);
  const rows = await db.orm
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
    .orderBy(asc(tasks.sortOrder));
  return rows.map(({ id, ...task }) => {
    const name = inheritedFrom.get(id);
    return name ? { ...task, inheritedFrom: name } : task;
  });
}
