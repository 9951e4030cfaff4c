import { and, asc, eq, sql } from 'drizzle-orm';
import { parseDateKey, vnInstant } from '../../kernel/calendar/vn-time.js';
import type { ActivityType, PlanQuestion } from '../../kernel/plan.js';
import type { AnswerValue, ExportData, ExportQuestion, ExportSubmission, ExportTaskStatus, TaskStatus } from '../../kernel/export-data.js';
import type { ChosenPeriod } from '../../kernel/calendar/period-choice.js';
import { exportNetwork, exportPeriod, monthsSoFar } from './documents.js';
import type { Db } from '../../db/client.js';
import { agencies, tasks, templates } from '../../db/schema.js';
import { countNetworkActivitiesByMonth, countNetworkActivityCells, type DateWindow } from '../../db/queries/status.js';
import { findStatusNetwork, type StatusNetwork } from '../../db/queries/status-lookup.js';
import { loadNetworkStatus, typeNames, type NetworkStatus } from './summary.js';

// Everything the workbook, the report draft and the chart show for one network and period.

export interface ExportRequest {
  network: StatusNetwork;
  chosen: ChosenPeriod;
  now: Date;
  catalog: ActivityType[];
}

export async function loadExportData(db: Db, req: ExportRequest): Promise<ExportData> {
  const status = await loadNetworkStatus(db, req.network, req.chosen, req.now, req.catalog);
  const names = await agencyNames(db, req.network.id);
  const types = typeNames(req.network, req.catalog);
  const parent = req.network.parentId ? await findStatusNetwork(db, req.network.parentId) : undefined;
  return {
    network: exportNetwork(req.network, parent),
    period: exportPeriod(req.chosen),
    generatedAt: req.now,
    agencies: status.agencies.map((a) => ({ id: a.slug, name: a.name, status: a.status, submittedAt: a.submittedAt, submissionNo: a.number })),
    questions: await templateQuestions(db, req.network.id, req.chosen.duty?.spec.template),
    submissions: await exportSubmissions(db, status),
    activities: await listExportActivities(db, req.network.id, status.window, names, types),
    countsByType: status.byType.map((t) => ({ typeName: t.typeName, current: t.current, previous: t.previous })),
    countsByAgency: await countsByAgency(db, req.network.id, status.window, names, types),
    activitiesByMonth: monthsSoFar(status.window, req.now, await countNetworkActivitiesByMonth(db, req.network.id, status.window)),
    issues: status.issues.map((i) => ({ agencyName: names.get(i.agencyId) ?? i.agencyName, kind: i.kind, text: i.text })),
    children: status.children.length > 0
      ? status.children.map((c) => ({ name: c.name, submitted: c.submitted, expected: c.expected, activities: c.activities }))
      : undefined,
  };
}

async function agencyNames(db: Db, networkId: string): Promise<Map<number, string>> {
  const rows = db.orm.select({ id: agencies.id, name: agencies.name }).from(agencies).where(eq(agencies.networkId, networkId)).all();
  return new Map(rows.map((r) => [r.id, r.name]));
}

async function templateQuestions(db: Db, networkId: string, slug: string | undefined): Promise<ExportQuestion[]> {
  if (!slug) return [];
  const row = db.orm.select({ spec: templates.spec }).from(templates).where(and(eq(templates.networkId, networkId), eq(templates.slug, slug))).get();
  const questions = (row?.spec as { questions?: PlanQuestion[] } | undefined)?.questions ?? [];
  return questions.map((q) => ({ id: q.id, section: q.section, prompt: q.prompt, type: q.type, ...(q.marks ? { marks: q.marks } : {}) }));
}

async function exportSubmissions(db: Db, status: NetworkStatus): Promise<ExportSubmission[]> {
  const submitted = status.agencies.filter((a) => a.submissionId !== undefined);
  if (submitted.length === 0) return [];
  const answers = await submissionAnswers(db, submitted.map((a) => a.submissionId!));
  const taskTexts = await networkTasks(db, status.network.id);
  return submitted.map((a) => {
    const stored = answers.get(a.submissionId!) ?? {};
    return {
      agencyId: a.slug, agencyName: a.name, submittedAt: a.submittedAt!, late: a.status === 'late', version: a.version ?? 1,
      answers: plainAnswers(stored), taskStatuses: taskStatuses(stored, taskTexts),
    };
  });
}

async function submissionAnswers(db: Db, ids: number[]): Promise<Map<number, Record<string, unknown>>> {
  const rows = db.orm.all<{ id: number; answers: string }>(sql`SELECT id, answers FROM submissions WHERE id IN (${sql.join(ids, sql`, `)})`);
  return new Map(rows.map((r) => [r.id, JSON.parse(r.answers) as Record<string, unknown>]));
}

/** Answers stored as plain values (tasks answers are objects keyed by task slug: see taskStatuses). */
function plainAnswers(stored: Record<string, unknown>): Record<string, AnswerValue> {
  const out: Record<string, AnswerValue> = {};
  for (const [id, value] of Object.entries(stored)) {
    if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) out[id] = value as AnswerValue;
  }
  return out;
}

const TASK_STATUSES: readonly TaskStatus[] = ['done', 'in-progress', 'not-started'];

function taskStatuses(stored: Record<string, unknown>, taskTexts: Map<string, { section: string; text: string }>): ExportTaskStatus[] {
  const out: ExportTaskStatus[] = [];
  for (const value of Object.values(stored)) {
    if (typeof value !== 'object' || value === null) continue;
    for (const [slug, entry] of Object.entries(value as Record<string, { status?: unknown; note?: unknown }>)) {
      if (!TASK_STATUSES.includes(entry?.status as TaskStatus)) continue;
      const task = taskTexts.get(slug) ?? { section: '', text: slug };
      out.push({ ...task, status: entry.status as TaskStatus, ...(typeof entry.note === 'string' && entry.note ? { note: entry.note } : {}) });
    }
  }
  return out;
}

async function networkTasks(db: Db, networkId: string): Promise<Map<string, { section: string; text: string }>> {
  const rows = db.orm.select({ slug: tasks.slug, section: tasks.section, text: tasks.text }).from(tasks)
    .where(eq(tasks.networkId, networkId)).orderBy(asc(tasks.sortOrder)).all();
  return new Map(rows.map((r) => [r.slug, { section: r.section, text: r.text }]));
}

async function listExportActivities(db: Db, networkId: string, window: DateWindow, names: Map<number, string>, types: Map<string, string>): Promise<ExportData['activities']> {
  const rows = db.orm.all<{ id: number; agencyId: number; typeId: string; date: string; title: string; link: string | null; quantity: number | null; participants: number | null }>(sql`
    SELECT id, agency_id AS agencyId, type_id AS typeId, date, title, link, quantity, participants FROM activities
    WHERE network_id = ${networkId} AND date >= ${window.from} AND date <= ${window.to} AND deleted_at IS NULL
    ORDER BY date DESC, id DESC`);
  return rows.map((r) => ({
    id: String(r.id),
    agencyName: names.get(r.agencyId) ?? '',
    typeName: types.get(r.typeId) ?? r.typeId,
    date: vnInstant(parseDateKey(r.date)!),
    title: r.title,
    ...(r.link ? { link: r.link } : {}),
    ...(r.quantity !== null ? { quantity: r.quantity } : {}),
    ...(r.participants !== null ? { participants: r.participants } : {}),
  }));
}

async function countsByAgency(db: Db, networkId: string, window: DateWindow, names: Map<number, string>, types: Map<string, string>): Promise<ExportData['countsByAgency']> {
  const byAgency = new Map<number, { agencyName: string; byType: Record<string, number>; total: number }>();
  for (const cell of await countNetworkActivityCells(db, networkId, window)) {
    const entry = byAgency.get(cell.agencyId) ?? { agencyName: names.get(cell.agencyId) ?? '', byType: {}, total: 0 };
    const typeName = types.get(cell.typeId) ?? cell.typeId;
    entry.byType[typeName] = (entry.byType[typeName] ?? 0) + cell.count;
    entry.total += cell.count;
    byAgency.set(cell.agencyId, entry);
  }
  return [...byAgency.values()].sort((a, b) => b.total - a.total);
}
