import { and, asc, eq, exists, or, sql } from 'drizzle-orm';
import { normalize } from '../../../kernel/text.js';
import type { TaskOption } from '../../queries/activity-tasks.js';
import type { PgDb } from '../client.js';
import { agencies, taskAgencies, taskSearch, tasks } from '../schema.js';
import { wordsQuery } from './tasks.js';

// The plan tasks an activity can serve: those of the officer's agency and those for every agency.

const option = { id: tasks.id, section: tasks.section, text: tasks.text, forAll: tasks.forAll };

function applicable(db: PgDb, agencyId: number) {
  return and(
    eq(tasks.networkId, sql`(SELECT a.network_id FROM ${agencies} a WHERE a.id = ${agencyId})`),
    or(
      eq(tasks.forAll, true),
      exists(
        db.orm
          .select({ one: sql`1` })
          .from(taskAgencies)
          .where(and(eq(taskAgencies.taskId, tasks.id), eq(taskAgencies.agencyId, agencyId))),
      ),
    ),
  );
}

/** A task the agency's activity may serve (its own or one for every agency), by id. */
export async function findTaskForAgency(db: PgDb, agencyId: number, taskId: number): Promise<TaskOption | undefined> {
  const [row] = await db.orm
    .select(option)
    .from(tasks)
    .where(and(eq(tasks.id, taskId), applicable(db, agencyId)));
  return row;
}

/** Tasks whose text shares two-syllable words with `text`, best first (see the SQLite version). */
export async function suggestTasksForAgency(
  db: PgDb,
  agencyId: number,
  text: string,
  limit: number,
): Promise<TaskOption[]> {
  const query = wordsQuery(phrases(text), true, true);
  if (!query) return [];
  return db.orm
    .select(option)
    .from(taskSearch)
    .innerJoin(tasks, eq(tasks.id, taskSearch.taskId))
    .where(and(sql`${taskSearch.words} @@ (${query})`, applicable(db, agencyId)))
    .orderBy(sql`ts_rank(${taskSearch.words}, ${query}, 1) DESC`, asc(tasks.forAll), asc(tasks.sortOrder))
    .limit(limit);
}

/** Pairs too common in this domain to say which task is meant (the SQLite module's list). */
const genericPairs = new Set([
  'truyen thong',
  'chinh sach',
  'thong tin',
  'co quan',
  'don vi',
  'thuc hien',
  'to chuc',
  'cong tac',
  'nhiem vu',
]);

function phrases(text: string): string[] {
  const words = normalize(text)
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
  const pairs = new Set<string>();
  for (let i = 0; i + 1 < words.length; i++) {
    const pair = `${words[i]} ${words[i + 1]}`;
    if (!genericPairs.has(pair) && !/^\d+ \d+$/.test(pair)) pairs.add(pair);
  }
  return [...pairs].slice(0, 20);
}
