import { normalize } from '../../kernel/text.js';
import type { Db } from '../client.js';

// The plan tasks an activity can serve: those of the officer's agency and those for every agency.

export interface TaskOption {
  id: number;
  section: string;
  text: string;
  forAll: boolean;
}

const applicable = `t.network_id = (SELECT a.network_id FROM agencies a WHERE a.id = @agencyId)
  AND (t.for_all = 1 OR EXISTS (SELECT 1 FROM task_agencies ta WHERE ta.task_id = t.id AND ta.agency_id = @agencyId))`;

interface RawTask {
  id: number;
  section: string;
  text: string;
  for_all: number;
}

const toOption = (r: RawTask): TaskOption => ({ id: r.id, section: r.section, text: r.text, forAll: r.for_all === 1 });

/** A task the agency's activity may serve (its own or one for every agency), by id. */
export async function findTaskForAgency(db: Db, agencyId: number, taskId: number): Promise<TaskOption | undefined> {
  const row = db.sqlite
    .prepare(`SELECT t.id, t.section, t.text, t.for_all FROM tasks t WHERE t.id = @taskId AND ${applicable}`)
    .get({ agencyId, taskId }) as RawTask | undefined;
  return row ? toOption(row) : undefined;
}

/**
 * Tasks whose text shares two-syllable words with `text`, best first. Vietnamese words are mostly two
 * syllables, so adjacent pairs ("du thao", "hoc phi") carry the meaning; single syllables match everything.
 */
export async function suggestTasksForAgency(
  db: Db,
  agencyId: number,
  text: string,
  limit: number,
): Promise<TaskOption[]> {
  const query = phraseQuery(text);
  if (!query) return [];
  const rows = db.sqlite
    .prepare(
      `SELECT t.id, t.section, t.text, t.for_all FROM tasks_fts f JOIN tasks t ON t.id = f.task_id
    WHERE tasks_fts MATCH @query AND ${applicable} ORDER BY bm25(tasks_fts), t.for_all, t.sort_order LIMIT @limit`,
    )
    .all({ agencyId, query, limit }) as RawTask[];
  return rows.map(toOption);
}

/** Pairs too common in this domain to say which task is meant. */
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

function phraseQuery(text: string): string {
  const words = normalize(text)
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
  const pairs = new Set<string>();
  for (let i = 0; i + 1 < words.length; i++) {
    const pair = `${words[i]} ${words[i + 1]}`;
    if (!genericPairs.has(pair) && !/^\d+ \d+$/.test(pair)) pairs.add(pair);
  }
  return [...pairs]
    .slice(0, 20)
    .map((p) => `"${p}"`)
    .join(' OR ');
}
