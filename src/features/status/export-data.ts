import { parseDateKey, vnInstant } from '../../kernel/calendar/vn-time.js';
import type { ActivityType } from '../../kernel/plan.js';
import type {
  AnswerValue,
  ExportData,
  ExportQuestion,
  ExportSubmission,
  ExportTaskStatus,
  TaskStatus,
} from '../../kernel/export-data.js';
import type { ChosenPeriod } from '../../kernel/calendar/period-choice.js';
import { exportNetwork, exportPeriod, monthsSoFar } from './documents.js';
import {
  countNetworkActivitiesByMonth,
  countNetworkActivityCells,
  findStatusNetwork,
  findTemplateQuestions,
  listActivityExportRows,
  listAgencyNames,
  listAgencyOfficerNames,
  listNetworkTaskTexts,
  listSubmissionAnswers,
  type DateWindow,
  type Db,
  type StatusNetwork,
} from '../../db/index.js';
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
  const names = await listAgencyNames(db, req.network.id);
  const officers = await listAgencyOfficerNames(db, req.network.id);
  const types = typeNames(req.network, req.catalog);
  const parent = req.network.parentId ? await findStatusNetwork(db, req.network.parentId) : undefined;
  return {
    network: exportNetwork(req.network, parent, req.chosen.duty?.spec),
    period: exportPeriod(req.chosen),
    generatedAt: req.now,
    agencies: status.agencies.map((a) => ({
      id: a.slug,
      name: a.name,
      status: a.status,
      submittedAt: a.submittedAt,
      submissionNo: a.number,
      officers: officers.get(a.id) ?? [],
    })),
    questions: await templateQuestions(db, req.network.id, req.chosen.duty?.spec.template),
    submissions: await exportSubmissions(db, status),
    activities: await listExportActivities(db, req.network.id, status.window, names, types),
    countsByType: status.byType.map((t) => ({ typeName: t.typeName, current: t.current, previous: t.previous })),
    countsByAgency: await countsByAgency(db, req.network.id, status.window, names, types),
    activitiesByMonth: monthsSoFar(
      status.window,
      req.now,
      await countNetworkActivitiesByMonth(db, req.network.id, status.window),
    ),
    issues: status.issues.map((i) => ({
      agencyName: names.get(i.agencyId) ?? i.agencyName,
      kind: i.kind,
      text: i.text,
    })),
    children:
      status.children.length > 0
        ? status.children.map((c) => ({
            name: c.name,
            submitted: c.submitted,
            expected: c.expected,
            activities: c.activities,
          }))
        : undefined,
  };
}

async function exportSubmissions(db: Db, status: NetworkStatus): Promise<ExportSubmission[]> {
  const submitted = status.agencies.filter((a) => a.submissionId !== undefined);
  if (submitted.length === 0) return [];
  const answers = await listSubmissionAnswers(
    db,
    submitted.map((a) => a.submissionId!),
  );
  const taskTexts = await listNetworkTaskTexts(db, status.network.id);
  return submitted.map((a) => {
    const stored = answers.get(a.submissionId!) ?? {};
    return {
      agencyId: a.slug,
      agencyName: a.name,
      submittedAt: a.submittedAt!,
      late: a.status === 'late',
      version: a.version ?? 1,
      answers: plainAnswers(stored),
      taskStatuses: taskStatuses(stored, taskTexts),
    };
  });
}

/** Answers stored as plain values (tasks answers are objects keyed by task slug: see taskStatuses). */
function plainAnswers(stored: Record<string, unknown>): Record<string, AnswerValue> {
  const out: Record<string, AnswerValue> = {};
  for (const [id, value] of Object.entries(stored)) {
    if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) out[id] = value as AnswerValue;
  }
  return out;
}

async function templateQuestions(db: Db, networkId: string, slug: string | undefined): Promise<ExportQuestion[]> {
  if (!slug) return [];
  const questions = await findTemplateQuestions(db, networkId, slug);
  return questions.map((q) => ({
    id: q.id,
    section: q.section,
    prompt: q.prompt,
    type: q.type,
    ...(q.marks ? { marks: q.marks } : {}),
  }));
}

const TASK_STATUSES: readonly TaskStatus[] = ['done', 'in-progress', 'not-started'];

function taskStatuses(
  stored: Record<string, unknown>,
  taskTexts: Map<string, { section: string; text: string }>,
): ExportTaskStatus[] {
  const out: ExportTaskStatus[] = [];
  for (const value of Object.values(stored)) {
    if (typeof value !== 'object' || value === null) continue;
    for (const [slug, entry] of Object.entries(value as Record<string, { status?: unknown; note?: unknown }>)) {
      if (!TASK_STATUSES.includes(entry?.status as TaskStatus)) continue;
      const task = taskTexts.get(slug) ?? { section: '', text: slug };
      out.push({
        ...task,
        status: entry.status as TaskStatus,
        ...(typeof entry.note === 'string' && entry.note ? { note: entry.note } : {}),
      });
    }
  }
  return out;
}

async function listExportActivities(
  db: Db,
  networkId: string,
  window: DateWindow,
  names: Map<number, string>,
  types: Map<string, string>,
): Promise<ExportData['activities']> {
  const rows = await listActivityExportRows(db, networkId, window);
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

async function countsByAgency(
  db: Db,
  networkId: string,
  window: DateWindow,
  names: Map<number, string>,
  types: Map<string, string>,
): Promise<ExportData['countsByAgency']> {
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
