import type { Ctx } from '../../bot/context.js';
import { planChatText as m } from '../../messages/plan-chat.js';
import { planEditText as e } from '../../messages/plan-edit.js';
import { mergeAgencies } from './agency-edits.js';
import { applyEdit } from './apply.js';
import { agencyChoices, pickedAgency } from './pick-agency.js';
import { showReview } from './review.js';
import { planKind, type PlanState } from './state.js';

/** "Gộp hai cơ quan": the agency to drop, then the one that keeps its tasks and duties. */
export async function askMergeFrom(ctx: Ctx, state: PlanState, notes: string[] = []): Promise<void> {
  if (state.draft!.plan.agencies.length < 2) return showReview(ctx, state, [m.lastAgency]);
  ctx.conversation.set(planKind, { ...state, step: 'merge-from', selected: null });
  ctx.reply([...notes, e.askMergeFrom].join('\n'), agencyChoices(state.draft!.plan, 'from'));
}

export async function onMergeFrom(ctx: Ctx, state: PlanState): Promise<void> {
  const picked = pickedAgency(ctx, state.draft!.plan, 'from');
  if (!picked.ok) return askMergeFrom(ctx, state, picked.notes);
  askMergeInto(ctx, { ...state, selected: picked.agency.id });
}

function askMergeInto(ctx: Ctx, state: PlanState, notes: string[] = []): void {
  const { plan } = state.draft!;
  const from = plan.agencies.find((a) => a.id === state.selected)!;
  ctx.conversation.set(planKind, { ...state, step: 'merge-into' });
  ctx.reply([...notes, e.askMergeInto(from.name)].join('\n'), agencyChoices(plan, 'into', [from.id]));
}

export async function onMergeInto(ctx: Ctx, state: PlanState): Promise<void> {
  const { plan } = state.draft!;
  const from = plan.agencies.find((a) => a.id === state.selected);
  if (!from) return askMergeFrom(ctx, state, [m.agencyGone]);
  const picked = pickedAgency(ctx, plan, 'into');
  if (!picked.ok) return askMergeInto(ctx, state, picked.notes);
  const into = picked.agency;
  if (into.id === from.id) return askMergeInto(ctx, state, [e.mergeSelf]);
  const result = mergeAgencies(plan, from.id, into.id);
  await applyEdit(ctx, state, {
    plan: result.plan,
    note: e.merged(from.name, into.name, result.tasks, result.duties),
    edit: { action: 'agency.merge', from: from.id, into: into.id },
  });
}
