import { createHash } from 'node:crypto';
import { and, eq, notInArray, sql } from 'drizzle-orm';
import type { Plan } from '../../kernel/plan.js';
import { normalize } from '../../kernel/text.js';
import { withSuccessors } from '../../kernel/succession.js';
import type { Db } from '../client.js';
import { transaction } from '../client.js';
import {
  activities,
  agencies,
  documents,
  duties,
  memberships,
  networks,
  periods,
  reportDrafts,
  submissions,
  taskAgencies,
  tasks,
  templates,
} from '../schema.js';
import { appendAudit } from './audit.js';

export class PlanImportRefused extends Error {
  override name = 'PlanImportRefused';
  readonly reason: 'agency-in-use' | 'task-in-use' | 'duty-in-use';
  readonly ids: string[];
  constructor(reason: 'agency-in-use' | 'task-in-use' | 'duty-in-use', ids: string[]) {
    super(`${reason}: ${ids.join(', ')}`);
    this.reason = reason;
    this.ids = ids;
  }
}

export interface ImportResult {
  networkId: string;
  unchanged: boolean;
  agencies: number;
  tasks: number;
  duties: number;
}

/** Upserts a plan: re-importing the same file changes nothing; removals of used rows are refused. */
export async function importPlan(db: Db, source: Plan, actorPersonId: number | null, at: Date): Promise<ImportResult> {
  return transaction(db, () => writePlan(db, source, actorPersonId, at));
}

/** The body of importPlan, for a caller that commits more rows with it. Call inside a transaction. */
export function writePlan(db: Db, source: Plan, actorPersonId: number | null, at: Date): ImportResult {
  // Stored with a merged agency's duties passed to its successor (the hash too: a changed routing re-imports).
  const plan = withSuccessors(source);
  const hash = createHash('sha256').update(JSON.stringify(plan)).digest('hex');
  const networkId = plan.network.id;
  const counts = { agencies: plan.agencies.length, tasks: plan.tasks.length, duties: plan.duties.length };
  const existing = db.orm
    .select({ planHash: networks.planHash })
    .from(networks)
    .where(eq(networks.id, networkId))
    .get();
  if (existing?.planHash === hash) return { networkId, unchanged: true, ...counts };
  refuseRemovals(db, plan);
  upsertNetwork(db, plan, hash, at);
  const docIds = upsertDocuments(db, plan);
  const agencyIds = upsertAgencies(db, plan);
  upsertTasks(db, plan, docIds, agencyIds);
  upsertSpecs(db, plan);
  rebuildTaskIndex(db, networkId);
  appendAudit(db, { actorPersonId, action: 'plan.import', detail: { networkId, hash, ...counts }, at });
  return { networkId, unchanged: false, ...counts };
}

function refuseRemovals(db: Db, plan: Plan): void {
  const networkId = plan.network.id;
  const keptAgencies = plan.agencies.map((a) => a.id);
  const goneAgencies = db.orm
    .select({ id: agencies.id, slug: agencies.slug })
    .from(agencies)
    .where(and(eq(agencies.networkId, networkId), notInArray(agencies.slug, keptAgencies)))
    .all();
  const usedAgencies = goneAgencies.filter((a) => agencyInUse(db, a.id)).map((a) => a.slug);
  if (usedAgencies.length > 0) throw new PlanImportRefused('agency-in-use', usedAgencies);
  const goneTasks = db.orm
    .select({ id: tasks.id, slug: tasks.slug })
    .from(tasks)
    .where(
      and(
        eq(tasks.networkId, networkId),
        notInArray(
          tasks.slug,
          plan.tasks.map((t) => t.id),
        ),
      ),
    )
    .all();
  const usedTasks = goneTasks.filter((t) =>
    db.orm.select({ id: activities.id }).from(activities).where(eq(activities.taskId, t.id)).limit(1).get(),
  );
  if (usedTasks.length > 0)
    throw new PlanImportRefused(
      'task-in-use',
      usedTasks.map((t) => t.slug),
    );
  const goneDuties = db.orm
    .select({ id: duties.id, slug: duties.slug })
    .from(duties)
    .where(
      and(
        eq(duties.networkId, networkId),
        notInArray(
          duties.slug,
          plan.duties.map((d) => d.id),
        ),
      ),
    )
    .all();
  // A duty with a submitted report or a draft in progress stays: deleting it would cascade to what officers typed.
  const usedDuties = goneDuties.filter(
    (d) =>
      db.orm
        .select({ id: submissions.id })
        .from(submissions)
        .innerJoin(periods, eq(periods.id, submissions.periodId))
        .where(eq(periods.dutyId, d.id))
        .limit(1)
        .get() ||
      db.orm
        .select({ id: reportDrafts.periodId })
        .from(reportDrafts)
        .innerJoin(periods, eq(periods.id, reportDrafts.periodId))
        .where(eq(periods.dutyId, d.id))
        .limit(1)
        .get(),
  );
  if (usedDuties.length > 0)
    throw new PlanImportRefused(
      'duty-in-use',
      usedDuties.map((d) => d.slug),
    );
}

function agencyInUse(db: Db, agencyId: number): boolean {
  const inActivities = db.orm
    .select({ id: activities.id })
    .from(activities)
    .where(eq(activities.agencyId, agencyId))
    .limit(1)
    .get();
  const inSubmissions = db.orm
    .select({ id: submissions.id })
    .from(submissions)
    .where(eq(submissions.agencyId, agencyId))
    .limit(1)
    .get();
  const inMembers = db.orm
    .select({ id: memberships.id })
    .from(memberships)
    .where(eq(memberships.agencyId, agencyId))
    .limit(1)
    .get();
  return Boolean(inActivities || inSubmissions || inMembers);
}

function upsertNetwork(db: Db, plan: Plan, hash: string, at: Date): void {
  const n = plan.network;
  const values = {
    name: n.name,
    level: n.level,
    parentId: n.parent ?? null,
    active: n.active,
    note: n.note ?? null,
    planHash: hash,
    activityTypes: plan.activityTypes ?? null,
    updatedAt: at,
  };
  db.orm
    .insert(networks)
    .values({ id: n.id, ...values })
    .onConflictDoUpdate({ target: networks.id, set: values })
    .run();
}

function upsertDocuments(db: Db, plan: Plan): Map<string, number> {
  const ids = new Map<string, number>();
  for (const d of plan.documents) {
    const values = { number: d.number, date: d.date ?? null, issuer: d.issuer, subject: d.subject };
    const row = db.orm
      .insert(documents)
      .values({ networkId: plan.network.id, slug: d.id, ...values })
      .onConflictDoUpdate({ target: [documents.networkId, documents.slug], set: values })
      .returning({ id: documents.id })
      .get();
    ids.set(d.id, row.id);
  }
  return ids;
}

function upsertAgencies(db: Db, plan: Plan): Map<string, number> {
  const networkId = plan.network.id;
  const ids = new Map<string, number>();
  plan.agencies.forEach((a, index) => {
    const values = {
      name: a.name,
      shortName: a.short ?? null,
      aliases: a.aliases,
      kind: a.kind,
      successor: a.successor ?? null,
      active: a.active,
      sortOrder: index,
      searchKey: normalize([a.name, a.short ?? '', ...a.aliases].join(' | ')),
    };
    const row = db.orm
      .insert(agencies)
      .values({ networkId, slug: a.id, ...values })
      .onConflictDoUpdate({ target: [agencies.networkId, agencies.slug], set: values })
      .returning({ id: agencies.id })
      .get();
    ids.set(a.id, row.id);
  });
  db.orm
    .delete(agencies)
    .where(and(eq(agencies.networkId, networkId), notInArray(agencies.slug, [...ids.keys()])))
    .run();
  return ids;
}

function upsertTasks(db: Db, plan: Plan, docIds: Map<string, number>, agencyIds: Map<string, number>): void {
  const networkId = plan.network.id;
  const kept: number[] = [];
  plan.tasks.forEach((t, index) => {
    const values = {
      documentId: docIds.get(t.document)!,
      section: t.section,
      forAll: t.agencies === 'all',
      role: t.role,
      text: t.text,
      deadline: t.deadline ?? null,
      recurrence: t.recurrence ?? null,
      sortOrder: index,
    };
    const row = db.orm
      .insert(tasks)
      .values({ networkId, slug: t.id, ...values })
      .onConflictDoUpdate({ target: [tasks.networkId, tasks.slug], set: values })
      .returning({ id: tasks.id })
      .get();
    kept.push(row.id);
    db.orm.delete(taskAgencies).where(eq(taskAgencies.taskId, row.id)).run();
    if (t.agencies !== 'all') {
      db.orm
        .insert(taskAgencies)
        .values(t.agencies.map((slug) => ({ taskId: row.id, agencyId: agencyIds.get(slug)! })))
        .run();
    }
  });
  db.orm
    .delete(tasks)
    .where(and(eq(tasks.networkId, networkId), notInArray(tasks.id, kept)))
    .run();
  db.orm
    .delete(documents)
    .where(and(eq(documents.networkId, networkId), notInArray(documents.id, [...docIds.values()])))
    .run();
}

function upsertSpecs(db: Db, plan: Plan): void {
  const networkId = plan.network.id;
  for (const d of plan.duties) {
    db.orm
      .insert(duties)
      .values({ networkId, slug: d.id, spec: d, active: true })
      .onConflictDoUpdate({ target: [duties.networkId, duties.slug], set: { spec: d, active: true } })
      .run();
  }
  db.orm
    .delete(duties)
    .where(
      and(
        eq(duties.networkId, networkId),
        notInArray(
          duties.slug,
          plan.duties.map((d) => d.id),
        ),
      ),
    )
    .run();
  for (const t of plan.templates) {
    db.orm
      .insert(templates)
      .values({ networkId, slug: t.id, spec: t })
      .onConflictDoUpdate({ target: [templates.networkId, templates.slug], set: { spec: t } })
      .run();
  }
  db.orm
    .delete(templates)
    .where(
      and(
        eq(templates.networkId, networkId),
        notInArray(
          templates.slug,
          plan.templates.map((t) => t.id),
        ),
      ),
    )
    .run();
}

function rebuildTaskIndex(db: Db, networkId: string): void {
  const rows = db.orm
    .select({ id: tasks.id, section: tasks.section, text: tasks.text })
    .from(tasks)
    .where(eq(tasks.networkId, networkId))
    .all();
  // Old rows of this network's tasks, including tasks just deleted (their ids no longer exist).
  db.orm.run(
    sql`DELETE FROM tasks_fts WHERE task_id NOT IN (SELECT id FROM tasks) OR task_id IN (SELECT id FROM tasks WHERE network_id = ${networkId})`,
  );
  const insert = db.sqlite.prepare('INSERT INTO tasks_fts (body, task_id) VALUES (?, ?)');
  for (const r of rows) insert.run(normalize(r.text), r.id);
}

export interface NetworkSummary {
  id: string;
  name: string;
  level: string;
  parentId: string | null;
  active: boolean;
  note: string | null;
  agencies: number;
  tasks: number;
}

export async function listNetworks(db: Db): Promise<NetworkSummary[]> {
  return db.orm
    .select({
      id: networks.id,
      name: networks.name,
      level: networks.level,
      parentId: networks.parentId,
      active: networks.active,
      note: networks.note,
      // Qualified by hand: drizzle renders a lone column of a single-table query as plain "id", which the subquery would read as its own.
      agencies: sql<number>`(SELECT count(*) FROM agencies a WHERE a.network_id = "networks"."id")`,
      tasks: sql<number>`(SELECT count(*) FROM tasks t WHERE t.network_id = "networks"."id")`,
    })
    .from(networks)
    .orderBy(networks.name)
    .all();
}

export async function countNetworks(db: Db): Promise<number> {
  return (
    db.orm
      .select({ n: sql<number>`count(*)` })
      .from(networks)
      .get()?.n ?? 0
  );
}
