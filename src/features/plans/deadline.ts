import type { Ctx } from '../../bot/context.js';
import type { Frequency } from '../../kernel/plan.js';
import { planChatText as m } from '../../messages/plan-chat.js';
import { planDraftText } from '../../messages/plan-draft.js';
import { planEditText as e } from '../../messages/plan-edit.js';
import { frequencies } from '../../kernel/plan.js';
import { applyEdit } from './apply.js';
import { actionButton, dutyButton, frequencyButton } from './choices.js';
import { deadlineFor, newDuty, readDate, readFrequency, setDuty, withoutSettled } from './duty-edits.js';
import { planKind, type PlanState } from './state.js';

// "Hạn báo cáo": the deadline of the reporting duty (which one, when the draft has several), asked after its
// frequency when the document gave none. A document without any duty gets one, reported by all to the issuer.

const back = () => actionButton.choice(m.buttons.back, 'back');

export function askDuty(ctx: Ctx, state: PlanState, notes: string[] = []): void {
  const { duties } = state.draft!.plan;
  if (duties.length <= 1) return startDuty(ctx, state, duties[0]?.id ?? null);
  ctx.conversation.set(planKind, { ...state, step: 'duty', selected: null, frequency: null });
  ctx.reply([...notes, e.askDuty].join('\n'), [
    ...duties.map((d, i) => dutyButton.choice(d.title, i, duties.length)),
    back(),
  ]);
}

export async function onDuty(ctx: Ctx, state: PlanState): Promise<void> {
  const { duties } = state.draft!.plan;
  const [index, count] = dutyButton.parse(ctx.msg.choice) ?? [];
  const duty = count === duties.length ? duties[index!] : undefined;
  if (!duty) return askDuty(ctx, state, ctx.msg.choice ? [e.dutyGone] : []);
  startDuty(ctx, state, duty.id);
}

/** dutyId null: the draft has no duty yet. */
export function startDuty(ctx: Ctx, state: PlanState, dutyId: string | null): void {
  const { plan } = state.draft!;
  const duty = plan.duties.find((d) => d.id === dutyId);
  const next = { ...state, selected: dutyId, frequency: null };
  if (duty && !frequencyUnknown(state, dutyId)) return askDeadline(ctx, { ...next, frequency: duty.frequency });
  askFrequency(ctx, next, duty ? [] : [e.newDuty(newDuty(plan).receiver)]);
}

function askFrequency(ctx: Ctx, state: PlanState, notes: string[] = []): void {
  const title = dutyOf(state)?.title ?? e.newDutyTitle;
  ctx.conversation.set(planKind, { ...state, step: 'frequency' });
  ctx.reply([...notes, e.askFrequency(title)].join('\n'), [
    ...frequencies.map((f) => frequencyButton.choice(e.buttons.frequency(f), f)),
    back(),
  ]);
}

export async function onFrequency(ctx: Ctx, state: PlanState): Promise<void> {
  if (state.selected !== null && !dutyOf(state)) return askDuty(ctx, state, [e.dutyGone]);
  const frequency = frequencyButton.parse(ctx.msg.choice)?.[0] ?? (ctx.msg.choice ? undefined : readFrequency(ctx.msg.text));
  if (!frequency) return askFrequency(ctx, state, ctx.msg.text.trim() || ctx.msg.choice ? [e.badFrequency] : []);
  // "hằng năm, 13/12" answers both questions at once.
  if (readDate(ctx.msg.text)) return onDeadline(ctx, { ...state, frequency });
  askDeadline(ctx, { ...state, frequency });
}

function askDeadline(ctx: Ctx, state: PlanState, notes: string[] = []): void {
  const current = dutyOf(state)?.deadline.wording ?? planDraftText.defaultDeadlineWording;
  ctx.conversation.set(planKind, { ...state, step: 'deadline' });
  ctx.reply([...notes, e.askDeadline(state.frequency!, current)].join('\n'), [back()]);
}

export async function onDeadline(ctx: Ctx, state: PlanState): Promise<void> {
  const duty = dutyOf(state);
  if (state.selected !== null && !duty) return askDuty(ctx, state, [e.dutyGone]);
  const frequency: Frequency = state.frequency ?? duty?.frequency ?? 'yearly';
  if (await saveDeadline(ctx, state, duty?.id ?? null, frequency, ctx.msg.text)) return;
  askDeadline(ctx, { ...state, frequency }, ctx.msg.text.trim() ? [e.badDeadline(frequency)] : []);
}

/** Sets the duty's frequency and the deadline typed; false when the text gives no date fitting the frequency. */
export async function saveDeadline(
  ctx: Ctx,
  state: PlanState,
  dutyId: string | null,
  frequency: Frequency,
  text: string,
): Promise<boolean> {
  const { plan, doubts } = state.draft!;
  const date = readDate(text);
  const deadline = date && deadlineFor(frequency, date);
  if (!deadline) return false;
  const index = plan.duties.findIndex((d) => d.id === dutyId);
  const duty = plan.duties[index];
  const edited = duty ? setDuty(plan, index, frequency, deadline) : { ...plan, duties: [{ ...newDuty(plan), frequency, deadline }] };
  await applyEdit(ctx, state, {
    plan: edited,
    doubts: withoutSettled(doubts),
    note: e.deadlineSet(duty?.title ?? e.newDutyTitle, frequency, deadline.wording),
    edit: { action: 'duty.deadline', duty: duty?.id ?? 'new', frequency, deadline: deadline.wording },
  });
  return true;
}

/** Whether the document left the frequency to be chosen (or gave no duty at all). */
export const frequencyUnknown = (state: PlanState, dutyId: string | null): boolean =>
  dutyId === null || state.draft!.doubts.includes(planDraftText.doubt.dutyNoFrequency);

const dutyOf = (state: PlanState) => state.draft!.plan.duties.find((d) => d.id === state.selected);
