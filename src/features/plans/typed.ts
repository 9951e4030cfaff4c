import type { Ctx } from '../../bot/context.js';
import type { PlanAgency } from '../../kernel/plan.js';
import { planEditText as e } from '../../messages/plan-edit.js';
import { askAgencyRename, onAgencyName } from './agency-rename.js';
import { askDuty, frequencyUnknown, saveDeadline, startDuty } from './deadline.js';
import { readDate, readFrequency } from './duty-edits.js';
import { askMergeFrom, onMergeInto } from './merge.js';
import { askMoveTask, onMoveTo } from './move.js';
import { findAgency, findTasks } from './picks.js';
import type { PlanState } from './state.js';

// A fix-up typed in one line at the review, with or without diacritics: "đổi tên A thành B", "gộp A vào B",
// "chuyển 2.đ sang B", "hạn báo cáo 13/12". Each runs the same step as its buttons, with the typed part as answer.

const rename = /^(?:đổi|doi)\s+(?:tên|ten)\s+(?:cơ quan\s+|co quan\s+)?(.+)$/iu;
const merge = /^(?:gộp|gop)\s+(.+)$/iu;
const move = /^(?:chuyển|chuyen)\s+(?:(?:nhiệm vụ|nhiem vu)\s+)?(?:(?:mục|muc)\s+)?(.+)$/iu;
const deadline = /^(?:đặt\s+|dat\s+)?(?:hạn|han)\s+(?:(?:nộp\s+|nop\s+)?(?:báo cáo|bao cao)\s*)?(.+)$/iu;

/** "A <word> B" where A names exactly one agency: every place the word occurs is tried, first to last. */
function split(text: string, words: RegExp, ctxAgencies: readonly PlanAgency[]) {
  for (const m of text.matchAll(new RegExp(`\\s(?:${words.source})\\s`, 'giu'))) {
    const left = text.slice(0, m.index).trim();
    const found = findAgency(ctxAgencies, left);
    if (found.kind === 'one') return { agency: found.item, rest: text.slice(m.index + m[0].length).trim() };
  }
  return undefined;
}

/** Runs the fix-up the text asks for; false when the text is not one. */
export async function typedFix(ctx: Ctx, state: PlanState): Promise<boolean> {
  const text = ctx.msg.text.normalize('NFC').replace(/\s+/g, ' ').trim();
  const { plan } = state.draft!;
  const as = (answer: string) => ({ ...ctx, msg: { ...ctx.msg, text: answer } });
  let m = rename.exec(text);
  if (m?.[1]) {
    const parts = split(m[1], /thành|thanh/, plan.agencies);
    if (!parts) await askAgencyRename(ctx, state, [e.noAgencyNamed(m[1])]);
    else await onAgencyName(as(parts.rest), { ...state, step: 'agency-name', selected: parts.agency.id });
    return true;
  }
  if ((m = merge.exec(text))?.[1]) {
    const parts = split(m[1], /vào|vao/, plan.agencies);
    if (!parts) await askMergeFrom(ctx, state, [e.noAgencyNamed(m[1])]);
    else await onMergeInto(as(parts.rest), { ...state, step: 'merge-into', selected: parts.agency.id });
    return true;
  }
  if ((m = move.exec(text))?.[1]) return typedMove(ctx, state, m[1]);
  if ((m = deadline.exec(text))?.[1]) return typedDeadline(ctx, state, m[1]);
  return false;
}

async function typedMove(ctx: Ctx, state: PlanState, rest: string): Promise<boolean> {
  const { plan } = state.draft!;
  const m = /^(.+?)\s+(?:sang|cho|về|ve)\s+(.+)$/iu.exec(rest);
  const found = findTasks(plan, m?.[1] ?? rest);
  if (found.kind !== 'one') {
    askMoveTask(ctx, state, found.kind === 'none' ? [e.noSection(m?.[1] ?? rest)] : [], found.kind === 'many' ? found.items : undefined);
    return true;
  }
  const selected = plan.tasks[found.item]!.id;
  await onMoveTo({ ...ctx, msg: { ...ctx.msg, text: m?.[2] ?? '' } }, { ...state, step: 'move-to', selected });
  return true;
}

/**
 * The duty's frequency, when the document gave none, is the one typed with the date, else what the date implies
 * (with a year: once; day and month: yearly); the refreshed summary shows which.
 */
async function typedDeadline(ctx: Ctx, state: PlanState, rest: string): Promise<boolean> {
  const { duties } = state.draft!.plan;
  const date = readDate(rest);
  if (duties.length > 1 || !date) {
    askDuty(ctx, state);
    return true;
  }
  const duty = duties[0];
  const dutyId = duty?.id ?? null;
  const implied = date.year ? 'once' : date.month ? 'yearly' : undefined;
  const frequency = readFrequency(rest) ?? (frequencyUnknown(state, dutyId) ? implied : duty?.frequency);
  if (frequency && (await saveDeadline(ctx, state, dutyId, frequency, rest))) return true;
  startDuty(ctx, state, dutyId);
  return true;
}
