import { findTaskForAgency, listAgencyTasks } from '../../db/index.js';
import { parseVietnameseDate } from '../../kernel/calendar/parse-date.js';
import { addDays, toVnDate, vnDateKey } from '../../kernel/calendar/vn-time.js';
import type { Ctx } from '../../bot/context.js';
import { normalize } from '../../kernel/text.js';
import { activityText as m } from '../../messages/index.js';
import { detectType, findTypeByName } from './detect-type.js';
import { markAsked, type Draft, type DraftStep } from './draft.js';
import { parseCounts } from './numbers.js';
import { skipButton, skipsOptional } from '../shared/answers.js';
import { dateButton, noTaskButton, taskButton, typeButton } from './choices.js';
import { cleanTitle } from './parse-log.js';
import { dateProblem, extractLink } from './validate.js';
import type { ActivityType } from '../../kernel/plan.js';

// Reads the answer to one question into the draft. Returns what was wrong (the question is asked
// again) or undefined once the draft took the answer.

export interface Answer {
  /** The picked choice id, if any. */
  choice?: string;
  text: string;
}

type Reader = (ctx: Ctx, draft: Draft, answer: Answer, types: ActivityType[]) => Promise<string | undefined>;

const readType: Reader = async (_ctx, draft, { choice, text }, types) => {
  const typeId = typeButton.parse(choice)?.[0];
  const picked = typeId ? types.find((t) => t.id === typeId) : undefined;
  const type = picked ?? findTypeByName(text, types) ?? detectType(text, types)?.type;
  if (!type) return m.unknownType(text || choice || '');
  draft.typeId = type.id;
  return undefined;
};

const readDate: Reader = async (ctx, draft, { choice, text }) => {
  const today = toVnDate(ctx.now);
  const quick = dateButton.parse(choice)?.[0];
  const parsed = quick
    ? { kind: 'ok' as const, date: quick === 'today' ? today : addDays(today, -1) }
    : parseVietnameseDate(text, ctx.now);
  if (!parsed) return m.unreadableDate;
  if (parsed.kind === 'invalid') return m.impossibleDate(parsed.text);
  const problem = dateProblem(parsed.date, ctx.now);
  if (problem) return problem;
  draft.date = vnDateKey(parsed.date);
  return undefined;
};

const readTitle: Reader = async (_ctx, draft, { text }) => {
  const { link, rest } = extractLink(text);
  const title = cleanTitle(rest);
  if (!title) return m.emptyTitle;
  draft.title = title;
  if (link) {
    draft.link = link;
    markAsked(draft, 'link');
  }
  return undefined;
};

const readLink: Reader = async (_ctx, draft, { choice, text }) => {
  if (skipButton.is(choice) || skipsOptional(text)) {
    draft.link = null;
    return undefined;
  }
  const { link } = extractLink(text);
  if (!link) return m.badLink;
  draft.link = link;
  return undefined;
};

const readNumbers: Reader = async (_ctx, draft, { text }) => {
  const result = parseCounts(text, draft.typeId);
  if (!result.ok) return result.error;
  draft.quantity = result.counts.quantity;
  draft.participants = result.counts.participants;
  return undefined;
};

const readTask: Reader = async (ctx, draft, { choice, text }) => {
  if (noTaskButton.is(choice) || skipsOptional(text)) {
    draft.taskId = null;
    return undefined;
  }
  const id = choice ? taskButton.parse(choice)?.[0] : await taskIdBySection(ctx, draft, text);
  const task = id ? await findTaskForAgency(ctx.services.db, draft.agencyId, id) : undefined;
  if (!task) return m.unknownTask;
  draft.taskId = task.id;
  return undefined;
};

const sectionKey = (text: string) =>
  text
    .normalize('NFC')
    .toLowerCase()
    .replace(/^(mục|muc|nhiệm vụ|nhiem vu)\s+/, '')
    .replace(/[.\s]/g, '');

/** "4.a", "mục 4a", "1.đ" → the agency's task with that section; "1.đ" is 1.đ, not 1.d; without diacritics the first match. */
async function taskIdBySection(ctx: Ctx, draft: Draft, text: string): Promise<number | undefined> {
  const wanted = sectionKey(text.trim());
  if (!wanted) return undefined;
  const { own, common } = await listAgencyTasks(ctx.services.db, draft.agencyId);
  const tasks = [...own, ...common];
  const exact = tasks.find((t) => sectionKey(t.section) === wanted);
  if (exact) return exact.id;
  const plain = normalize(wanted);
  return tasks.find((t) => normalize(sectionKey(t.section)) === plain)?.id;
}

export const readers: Record<Exclude<DraftStep, 'confirm'>, Reader> = {
  type: readType,
  date: readDate,
  title: readTitle,
  link: readLink,
  numbers: readNumbers,
  task: readTask,
};
