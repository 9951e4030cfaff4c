import { and, asc, desc, eq, gte, inArray, isNull, lte } from 'drizzle-orm';
import type { PlanQuestion } from '../../../kernel/plan.js';
import type { ActivityExportRow } from '../../queries/export-rows.js';
import type { DateWindow } from '../../queries/status.js';
import type { PgDb } from '../client.js';
import { activities, agencies, memberships, persons, submissions, tasks, templates } from '../schema.js';

// The rows behind the workbook and the report draft; the feature assembles them into ExportData.

export async function listAgencyNames(db: PgDb, networkId: string): Promise<Map<number, string>> {
  const rows = await db.orm
    .select({ id: agencies.id, name: agencies.name })
    .from(agencies)
    .where(eq(agencies.networkId, networkId))
    .orderBy(asc(agencies.id));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function listAgencyOfficerNames(db: PgDb, networkId: string): Promise<Map<number, string[]>> {
  const rows = await db.orm
    .select({ agencyId: memberships.agencyId, name: persons.name })
    .from(memberships)
    .innerJoin(persons, eq(persons.id, memberships.personId))
    .innerJoin(agencies, eq(agencies.id, memberships.agencyId))
    .where(and(eq(agencies.networkId, networkId), eq(memberships.status, 'active')))
    .orderBy(asc(memberships.id));
  const out = new Map<number, string[]>();
  for (const r of rows) out.set(r.agencyId, [...(out.get(r.agencyId) ?? []), r.name]);
  return out;
}

export async function findTemplateQuestions(db: PgDb, networkId: string, slug: string): Promise<PlanQuestion[]> {
  const [row] = await db.orm
    .select({ spec: templates.spec })
    .from(templates)
    .where(and(eq(templates.networkId, networkId), eq(templates.slug, slug)));
  return (row?.spec as { questions?: PlanQuestion[] } | undefined)?.questions ?? [];
}

export async function listSubmissionAnswers(db: PgDb, ids: number[]): Promise<Map<number, Record<string, unknown>>> {
  if (ids.length === 0) return new Map();
  const rows = await db.orm
    .select({ id: submissions.id, answers: submissions.answers })
    .from(submissions)
    .where(inArray(submissions.id, ids));
  return new Map(rows.map((r) => [r.id, r.answers]));
}

export async function listNetworkTaskTexts(
  db: PgDb,
  networkId: string,
): Promise<Map<string, { section: string; text: string }>> {
  const rows = await db.orm
    .select({ slug: tasks.slug, section: tasks.section, text: tasks.text })
    .from(tasks)
    .where(eq(tasks.networkId, networkId))
    .orderBy(asc(tasks.sortOrder));
  return new Map(rows.map((r) => [r.slug, { section: r.section, text: r.text }]));
}

export async function listActivityExportRows(
  db: PgDb,
  networkId: string,
  window: DateWindow,
): Promise<ActivityExportRow[]> {
  return db.orm
    .select({
      id: activities.id,
      agencyId: activities.agencyId,
      typeId: activities.typeId,
      date: activities.date,
      title: activities.title,
      link: activities.link,
      quantity: activities.quantity,
      participants: activities.participants,
    })
    .from(activities)
    .where(
      and(
        eq(activities.networkId, networkId),
        gte(activities.date, window.from),
        lte(activities.date, window.to),
        isNull(activities.deletedAt),
      ),
    )
    .orderBy(desc(activities.date), desc(activities.id));
}
