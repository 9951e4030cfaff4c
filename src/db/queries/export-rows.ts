import { and, asc, eq, sql } from 'drizzle-orm';
import type { PlanQuestion } from '../../kernel/plan.js';
import type { Db } from '../client.js';
import { agencies, memberships, persons, tasks, templates } from '../schema.js';
import type { DateWindow } from './status.js';

// The rows behind the workbook and the report draft; the feature assembles them into ExportData.

export async function listAgencyNames(db: Db, networkId: string): Promise<Map<number, string>> {
  const rows = db.orm
    .select({ id: agencies.id, name: agencies.name })
    .from(agencies)
    .where(eq(agencies.networkId, networkId))
    .all();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Names of each agency's active officers in the network, keyed by agency id, longest-serving first. */
export async function listAgencyOfficerNames(db: Db, networkId: string): Promise<Map<number, string[]>> {
  const rows = db.orm
    .select({ agencyId: memberships.agencyId, name: persons.name })
    .from(memberships)
    .innerJoin(persons, eq(persons.id, memberships.personId))
    .innerJoin(agencies, eq(agencies.id, memberships.agencyId))
    .where(and(eq(agencies.networkId, networkId), eq(memberships.status, 'active')))
    .orderBy(asc(memberships.id))
    .all();
  const out = new Map<number, string[]>();
  for (const r of rows) out.set(r.agencyId, [...(out.get(r.agencyId) ?? []), r.name]);
  return out;
}

export async function findTemplateQuestions(db: Db, networkId: string, slug: string): Promise<PlanQuestion[]> {
  const row = db.orm
    .select({ spec: templates.spec })
    .from(templates)
    .where(and(eq(templates.networkId, networkId), eq(templates.slug, slug)))
    .get();
  return (row?.spec as { questions?: PlanQuestion[] } | undefined)?.questions ?? [];
}

export async function listSubmissionAnswers(db: Db, ids: number[]): Promise<Map<number, Record<string, unknown>>> {
  const rows = db.orm.all<{ id: number; answers: string }>(
    sql`SELECT id, answers FROM submissions WHERE id IN (${sql.join(ids, sql`, `)})`,
  );
  return new Map(rows.map((r) => [r.id, JSON.parse(r.answers) as Record<string, unknown>]));
}

export async function listNetworkTaskTexts(
  db: Db,
  networkId: string,
): Promise<Map<string, { section: string; text: string }>> {
  const rows = db.orm
    .select({ slug: tasks.slug, section: tasks.section, text: tasks.text })
    .from(tasks)
    .where(eq(tasks.networkId, networkId))
    .orderBy(asc(tasks.sortOrder))
    .all();
  return new Map(rows.map((r) => [r.slug, { section: r.section, text: r.text }]));
}

export interface ActivityExportRow {
  id: number;
  agencyId: number;
  typeId: string;
  date: string;
  title: string;
  link: string | null;
  quantity: number | null;
  participants: number | null;
}

export async function listActivityExportRows(
  db: Db,
  networkId: string,
  window: DateWindow,
): Promise<ActivityExportRow[]> {
  return db.orm.all<ActivityExportRow>(sql`
    SELECT id, agency_id AS agencyId, type_id AS typeId, date, title, link, quantity, participants FROM activities
    WHERE network_id = ${networkId} AND date >= ${window.from} AND date <= ${window.to} AND deleted_at IS NULL
    ORDER BY date DESC, id DESC`);
}
