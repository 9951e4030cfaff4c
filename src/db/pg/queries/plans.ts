import { createHash } from 'node:crypto';
import { and, eq, inArray, notInArray, sql } from 'drizzle-orm';
import type { Plan } from '../../../kernel/plan.js';
import { normalize } from '../../../kernel/text.js';
import { withSuccessors } from '../../../kernel/succession.js';
import { PlanImportRefused, type ImportResult, type NetworkSummary } from '../../queries/plans.js';
import { pgTransaction, type PgDb, type PgExec } from '../client.js';
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
  taskSearch,
  tasks,
  templates,
} from '../schema.js';
import { appendAudit } from './audit.js';

/** Upserts a plan: re-importing the same file changes nothing; removals of used rows are refused. */
export async function importPlan(
  db: PgDb,
  source: Plan,
  actorPersonId: number | null,
  at: Date,
): Promise<ImportResult> {
  return pgTransaction(db, (tx) => writePlan(tx, source, actorPersonId, at));
}

/** The body of importPlan, for a caller that commits more rows with it. Call inside a transaction. */
export async function writePlan(
  ex: PgExec,
  source: Plan,
  actorPersonId: number | null,
  at: Date,
): Promise<ImportResult> {
  const plan = withSuccessors(source);
  const hash = createHash('sha256').update(JSON.stringify(plan)).digest('hex');
  const networkId = plan.network.id;
  const counts = { agencies: plan.agencies.length, tasks: plan.tasks.length, duties: plan.duties.length };
  const [existing] = await ex.select({ planHash: networks.planHash }).from(networks).where(eq(networks.id, networkId));
  if (existing?.planHash === hash) return { networkId, unchanged: true, ...counts };
  await refuseRemovals(ex, plan);
  await upsertNetwork(ex, plan, hash, at);
  const docIds = await upsertDocuments(ex, plan);
  const agencyIds = await upsertAgencies(ex, plan);
  await upsertTasks(ex, plan, docIds, agencyIds);
  await upsertSpecs(ex, plan);
  await rebuildTaskIndex(ex, networkId);
  await appendAudit(ex, { actorPersonId, action: 'plan.import', detail: { networkId, hash, ...counts }, at });
  return { networkId, unchanged: false, ...counts };
}

async function any(query: Promise<unknown[]>): Promise<boolean> {
  return (await query).length > 0;
}

async function refuseRemovals(ex: PgExec, plan: Plan): Promise<void> {
  const networkId = plan.network.id;
  const goneAgencies = await ex
    .select({ id: agencies.id, slug: agencies.slug })
    .from(agencies)
    .where(
      and(
        eq(agencies.networkId, networkId),
        notInArray(
          agencies.slug,
          plan.agencies.map((a) => a.id),
        ),
      ),
    );
  const usedAgencies: string[] = [];
  for (const a of goneAgencies) if (await agencyInUse(ex, a.id)) usedAgencies.push(a.slug);
  if (usedAgencies.length > 0) throw new PlanImportRefused('agency-in-use', usedAgencies);
  const goneTasks = await ex
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
    );
  const usedTasks: string[] = [];
  for (const t of goneTasks) {
    if (await any(ex.select({ id: activities.id }).from(activities).where(eq(activities.taskId, t.id)).limit(1)))
      usedTasks.push(t.slug);
  }
  if (usedTasks.length > 0) throw new PlanImportRefused('task-in-use', usedTasks);
  const goneDuties = await ex
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
    );
  // A duty with a submitted report or a draft in progress stays: deleting it would cascade to what officers typed.
  const usedDuties: string[] = [];
  for (const d of goneDuties) {
    const submitted = await any(
      ex
        .select({ id: submissions.id })
        .from(submissions)
        .innerJoin(periods, eq(periods.id, submissions.periodId))
        .where(eq(periods.dutyId, d.id))
        .limit(1),
    );
    const drafted = await any(
      ex
        .select({ id: reportDrafts.periodId })
        .from(reportDrafts)
        .innerJoin(periods, eq(periods.id, reportDrafts.periodId))
        .where(eq(periods.dutyId, d.id))
        .limit(1),
    );
    if (submitted || drafted) usedDuties.push(d.slug);
  }
  if (usedDuties.length > 0) throw new PlanImportRefused('duty-in-use', usedDuties);
}

async function agencyInUse(ex: PgExec, agencyId: number): Promise<boolean> {
  return (
    (await any(ex.select({ id: activities.id }).from(activities).where(eq(activities.agencyId, agencyId)).limit(1))) ||
    (await any(
      ex.select({ id: submissions.id }).from(submissions).where(eq(submissions.agencyId, agencyId)).limit(1),
    )) ||
    (await any(ex.select({ id: memberships.id }).from(memberships).where(eq(memberships.agencyId, agencyId)).limit(1)))
  );
}

async function upsertNetwork(ex: PgExec, plan: Plan, hash: string, at: Date): Promise<void> {
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
  await ex
    .insert(networks)
    .values({ id: n.id, ...values })
    .onConflictDoUpdate({ target: networks.id, set: values });
}

async function upsertDocuments(ex: PgExec, plan: Plan): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const d of plan.documents) {
    const values = { number: d.number, date: d.date ?? null, issuer: d.issuer, subject: d.subject };
    const [row] = await ex
      .insert(documents)
      .values({ networkId: plan.network.id, slug: d.id, ...values })
      .onConflictDoUpdate({ target: [documents.networkId, documents.slug], set: values })
      .returning({ id: documents.id });
    ids.set(d.id, row!.id);
  }
  return ids;
}

async function upsertAgencies(ex: PgExec, plan: Plan): Promise<Map<string, number>> {
  const networkId = plan.network.id;
  const ids = new Map<string, number>();
  for (const [index, a] of plan.agencies.entries()) {
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
    const [row] = await ex
      .insert(agencies)
      .values({ networkId, slug: a.id, ...values })
      .onConflictDoUpdate({ target: [agencies.networkId, agencies.slug], set: values })
      .returning({ id: agencies.id });
    ids.set(a.id, row!.id);
  }
  await ex.delete(agencies).where(and(eq(agencies.networkId, networkId), notInArray(agencies.slug, [...ids.keys()])));
  return ids;
}

async function upsertTasks(
  ex: PgExec,
  plan: Plan,
  docIds: Map<string, number>,
  agencyIds: Map<string, number>,
): Promise<void> {
  const networkId = plan.network.id;
  const kept: number[] = [];
  for (const [index, t] of plan.tasks.entries()) {
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
    const [row] = await ex
      .insert(tasks)
      .values({ networkId, slug: t.id, ...values })
      .onConflictDoUpdate({ target: [tasks.networkId, tasks.slug], set: values })
      .returning({ id: tasks.id });
    kept.push(row!.id);
    await ex.delete(taskAgencies).where(eq(taskAgencies.taskId, row!.id));
    if (t.agencies !== 'all' && t.agencies.length > 0) {
      await ex
        .insert(taskAgencies)
        .values(t.agencies.map((slug) => ({ taskId: row!.id, agencyId: agencyIds.get(slug)! })));
    }
  }
  await ex.delete(tasks).where(and(eq(tasks.networkId, networkId), notInArray(tasks.id, kept)));
  await ex
    .delete(documents)
    .where(and(eq(documents.networkId, networkId), notInArray(documents.id, [...docIds.values()])));
}

async function upsertSpecs(ex: PgExec, plan: Plan): Promise<void> {
  const networkId = plan.network.id;
  for (const d of plan.duties) {
    await ex
      .insert(duties)
      .values({ networkId, slug: d.id, spec: d, active: true })
      .onConflictDoUpdate({ target: [duties.networkId, duties.slug], set: { spec: d, active: true } });
  }
  await ex.delete(duties).where(
    and(
      eq(duties.networkId, networkId),
      notInArray(
        duties.slug,
        plan.duties.map((d) => d.id),
      ),
    ),
  );
  for (const t of plan.templates) {
    await ex
      .insert(templates)
      .values({ networkId, slug: t.id, spec: t })
      .onConflictDoUpdate({ target: [templates.networkId, templates.slug], set: { spec: t } });
  }
  await ex.delete(templates).where(
    and(
      eq(templates.networkId, networkId),
      notInArray(
        templates.slug,
        plan.templates.map((t) => t.id),
      ),
    ),
  );
}

/** The search rows of the network's tasks, rebuilt (deleted tasks took theirs with them: on delete cascade). */
async function rebuildTaskIndex(ex: PgExec, networkId: string): Promise<void> {
  const rows = await ex.select({ id: tasks.id, text: tasks.text }).from(tasks).where(eq(tasks.networkId, networkId));
  if (rows.length === 0) return;
  await ex.delete(taskSearch).where(
    inArray(
      taskSearch.taskId,
      rows.map((r) => r.id),
    ),
  );
  await ex.insert(taskSearch).values(rows.map((r) => ({ taskId: r.id, body: normalize(r.text) })));
}

export async function listNetworks(db: PgDb): Promise<NetworkSummary[]> {
  return db.orm
    .select({
      id: networks.id,
      name: networks.name,
      level: networks.level,
      parentId: networks.parentId,
      active: networks.active,
      note: networks.note,
      agencies: sql<number>`(SELECT count(*)::int FROM agencies a WHERE a.network_id = "networks"."id")`,
      tasks: sql<number>`(SELECT count(*)::int FROM tasks t WHERE t.network_id = "networks"."id")`,
    })
    .from(networks)
    .orderBy(networks.name);
}

export async function countNetworks(db: PgDb): Promise<number> {
  const [row] = await db.orm.select({ n: sql<number>`count(*)::int` }).from(networks);
  return row?.n ?? 0;
}
