import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { TaskHit, TaskView } from '../../queries/tasks.js';
import type { PgDb } from '../client.js';
import { agencies, documents, networks, taskAgencies, taskSearch, tasks } from '../schema.js';
import { listPredecessors } from './succession.js';

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
export async function listAgencyTasks(db: PgDb, agencyId: number): Promise<{ own: TaskView[]; common: TaskView[] }> {
  const [agency] = await db.orm
    .select({ networkId: agencies.networkId })
    .from(agencies)
    .where(eq(agencies.id, agencyId));
  if (!agency) return { own: [], common: [] };
  const assigned = (id: number): Promise<TaskView[]> =>
    db.orm
      .select(taskColumns)
      .from(taskAgencies)
      .innerJoin(tasks, eq(tasks.id, taskAgencies.taskId))
      .innerJoin(documents, eq(documents.id, tasks.documentId))
      .where(eq(taskAgencies.agencyId, id))
      .orderBy(asc(tasks.sortOrder));
  const own = await assigned(agencyId);
  // A successor answers for the tasks of the agencies merged into it, after its own, marked as inherited.
  for (const predecessor of await listPredecessors(db, agencyId)) {
    const known = new Set(own.map((t) => t.id));
    const inherited = (await assigned(predecessor.id)).filter((t) => !known.has(t.id));
    own.push(...inherited.map((t) => ({ ...t, inheritedFrom: predecessor.name })));
  }
  const common = await db.orm
    .select(taskColumns)
    .from(tasks)
    .innerJoin(documents, eq(documents.id, tasks.documentId))
    .where(and(eq(tasks.networkId, agency.networkId), eq(tasks.forAll, true)))
    .orderBy(asc(tasks.sortOrder));
  return { own, common };
}

/**
 * The tsquery of plain words over the normalised task texts: each word through plainto_tsquery, so nothing a
 * user types is read as query syntax (SQLite quotes each word for FTS5 alike).
 */
export function wordsQuery(words: string[], anyWord: boolean, phrases = false): SQL | undefined {
  const terms = words
    .filter(Boolean)
    .map((w) => (phrases ? sql`phraseto_tsquery('simple', ${w})` : sql`plainto_tsquery('simple', ${w})`));
  if (terms.length === 0) return undefined;
  return sql.join(terms, anyWord ? sql` || ` : sql` && `);
}

/** Full-text search over task texts (stored without diacritics), best first (ts_rank, shorter texts first). */
export async function searchTasks(
  db: PgDb,
  words: string[],
  options: { anyWord: boolean; limit: number },
): Promise<{ total: number; hits: TaskHit[] }> {
  const query = wordsQuery(words, options.anyWord);
  if (!query) return { total: 0, hits: [] };
  const matches = sql`${taskSearch.words} @@ (${query})`;
  const [count] = await db.orm
    .select({ n: sql<number>`count(*)::int` })
    .from(taskSearch)
    .where(matches);
  const ranked = await db.orm
    .select({ id: taskSearch.taskId })
    .from(taskSearch)
    .where(matches)
    .orderBy(sql`ts_rank(${taskSearch.words}, ${query}, 1) DESC`, asc(taskSearch.taskId))
    .limit(options.limit);
  return {
    total: count?.n ?? 0,
    hits: await loadHits(
      db,
      ranked.map((r) => r.id),
    ),
  };
}

async function loadHits(db: PgDb, ids: number[]): Promise<TaskHit[]> {
  if (ids.length === 0) return [];
  const rows = await db.orm
    .select({ ...taskColumns, networkName: networks.name })
    .from(tasks)
    .innerJoin(documents, eq(documents.id, tasks.documentId))
    .innerJoin(networks, eq(networks.id, tasks.networkId))
    .where(inArray(tasks.id, ids));
  const assigned = await db.orm
    .select({ taskId: taskAgencies.taskId, name: agencies.name })
    .from(taskAgencies)
    .innerJoin(agencies, eq(agencies.id, taskAgencies.agencyId))
    .where(inArray(taskAgencies.taskId, ids))
    .orderBy(asc(agencies.sortOrder));
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [{ ...row, agencies: assigned.filter((a) => a.taskId === id).map((a) => a.name) }] : [];
  });
}

/** Sections of a network's tasks by plan id, to name tasks in messages. */
export async function findTaskSections(db: PgDb, networkId: string, slugs: string[]): Promise<Map<string, string>> {
  if (slugs.length === 0) return new Map();
  const rows = await db.orm
    .select({ slug: tasks.slug, section: tasks.section })
    .from(tasks)
    .where(and(eq(tasks.networkId, networkId), inArray(tasks.slug, slugs)));
  return new Map(rows.map((r) => [r.slug, r.section]));
}
