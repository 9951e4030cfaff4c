import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { preparedQuery } from '../prepared.js';
import { agencies, documents, networks, taskAgencies, tasks } from '../schema.js';
import { listPredecessors } from './succession.js';

export interface TaskView {
  id: number;
  networkId: string;
  section: string;
  text: string;
  role: string;
  forAll: boolean;
  deadline: string | null;
  recurrence: string | null;
  documentNumber: string;
  documentIssuer: string;
  /** Set when the task was assigned to an agency merged into this one: its name. */
  inheritedFrom?: string;
}

const taskColumns = {
  id: tasks.id,
  networkId: tasks.networkId,
  section: tasks.section,
  text: tasks.text,
  role: tasks.role,
  forAll: tasks.forAll,
  deadline: tasks.deadline,
  recurrence: tasks.recurrence,
  documentNumber: documents.number,
  documentIssuer: documents.issuer,
};

/** An agency's tasks in plan order: the ones assigned to it, then the ones for every agency of its network. */
export async function listAgencyTasks(db: Db, agencyId: number): Promise<{ own: TaskView[]; common: TaskView[] }> {
  const agency = preparedQuery(db, 'tasks.agencyNetwork', () =>
    db.orm
      .select({ networkId: agencies.networkId })
      .from(agencies)
      .where(eq(agencies.id, sql.placeholder('agencyId')))
      .prepare(),
  ).get({ agencyId });
  if (!agency) return { own: [], common: [] };
  const assigned = preparedQuery(db, 'tasks.own', () =>
    db.orm
      .select(taskColumns)
      .from(taskAgencies)
      .innerJoin(tasks, eq(tasks.id, taskAgencies.taskId))
      .innerJoin(documents, eq(documents.id, tasks.documentId))
      .where(eq(taskAgencies.agencyId, sql.placeholder('agencyId')))
      .orderBy(asc(tasks.sortOrder))
      .prepare(),
  );
  const own: TaskView[] = assigned.all({ agencyId });
  // A successor answers for the tasks of the agencies merged into it, after its own, marked as inherited.
  for (const predecessor of await listPredecessors(db, agencyId)) {
    const known = new Set(own.map((t) => t.id));
    const inherited = assigned.all({ agencyId: predecessor.id }).filter((t) => !known.has(t.id));
    own.push(...inherited.map((t) => ({ ...t, inheritedFrom: predecessor.name })));
  }
  const common = preparedQuery(db, 'tasks.common', () =>
    db.orm
      .select(taskColumns)
      .from(tasks)
      .innerJoin(documents, eq(documents.id, tasks.documentId))
      .where(and(eq(tasks.networkId, sql.placeholder('networkId')), eq(tasks.forAll, true)))
      .orderBy(asc(tasks.sortOrder))
      .prepare(),
  ).all({ networkId: agency.networkId });
  return { own, common };
}

export interface TaskHit extends TaskView {
  networkName: string;
  /** Names of the assigned agencies; empty when the task is for every agency. */
  agencies: string[];
}

/**
 * Full-text search over task texts (stored without diacritics), best first by bm25.
 * `words` are plain words; each is quoted so nothing a user types is read as FTS5 syntax.
 */
export async function searchTasks(
  db: Db,
  words: string[],
  options: { anyWord: boolean; limit: number },
): Promise<{ total: number; hits: TaskHit[] }> {
  const terms = words.filter(Boolean).map((w) => `"${w.replace(/"/g, '""')}"`);
  if (terms.length === 0) return { total: 0, hits: [] };
  const match = terms.join(options.anyWord ? ' OR ' : ' ');
  const total = (
    db.sqlite.prepare('SELECT count(*) AS n FROM tasks_fts WHERE tasks_fts MATCH ?').get(match) as { n: number }
  ).n;
  const ranked = db.sqlite
    .prepare('SELECT task_id AS id FROM tasks_fts WHERE tasks_fts MATCH ? ORDER BY bm25(tasks_fts) LIMIT ?')
    .all(match, options.limit) as { id: number }[];
  return {
    total,
    hits: loadHits(
      db,
      ranked.map((r) => r.id),
    ),
  };
}

// The hit ids travel as one JSON array parameter, so one prepared statement serves any number of hits.
const idIn = (column: typeof tasks.id | typeof taskAgencies.taskId) =>
  sql`${column} IN (SELECT value FROM json_each(${sql.placeholder('ids')}))`;

function loadHits(db: Db, ids: number[]): TaskHit[] {
  if (ids.length === 0) return [];
  const params = { ids: JSON.stringify(ids) };
  const rows = preparedQuery(db, 'tasks.hits', () =>
    db.orm
      .select({ ...taskColumns, networkName: networks.name })
      .from(tasks)
      .innerJoin(documents, eq(documents.id, tasks.documentId))
      .innerJoin(networks, eq(networks.id, tasks.networkId))
      .where(idIn(tasks.id))
      .prepare(),
  ).all(params);
  const assigned = preparedQuery(db, 'tasks.hitAgencies', () =>
    db.orm
      .select({ taskId: taskAgencies.taskId, name: agencies.name })
      .from(taskAgencies)
      .innerJoin(agencies, eq(agencies.id, taskAgencies.agencyId))
      .where(idIn(taskAgencies.taskId))
      .orderBy(asc(agencies.sortOrder))
      .prepare(),
  ).all(params);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [{ ...row, agencies: assigned.filter((a) => a.taskId === id).map((a) => a.name) }] : [];
  });
}

/** Sections of a network's tasks by plan id, to name tasks in messages. */
export async function findTaskSections(db: Db, networkId: string, slugs: string[]): Promise<Map<string, string>> {
  if (slugs.length === 0) return new Map();
  const rows = db.orm
    .select({ slug: tasks.slug, section: tasks.section })
    .from(tasks)
    .where(and(eq(tasks.networkId, networkId), inArray(tasks.slug, slugs)))
    .all();
  return new Map(rows.map((r) => [r.slug, r.section]));
}
