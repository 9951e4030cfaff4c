import type { Ctx } from '../../bot/context.js';
import { planChatText as m } from '../../messages/plan-chat.js';
import { actionButton, dropButton } from './choices.js';
import { applyEdit } from './apply.js';
import { dropAgency } from './edits.js';
import { showReview } from './review.js';
import { planKind, type PlanState } from './state.js';

/** "Bỏ một cơ quan": one button per agency of the draft. */
export function askDrop(ctx: Ctx, state: PlanState, notes: string[] = []): void {
  const { agencies } = state.draft!.plan;
  ctx.conversation.set(planKind, { ...state, step: 'drop' });
  ctx.reply([...notes, m.askDrop].join('\n'), [
    ...agencies.map((a, i) => dropButton.choice(a.name, i, agencies.length)),
    actionButton.choice(m.buttons.back, 'back'),
  ]);
}

export async function onDrop(ctx: Ctx, state: PlanState): Promise<void> {
  const draft = state.draft!;
  const [index, count] = dropButton.parse(ctx.msg.choice) ?? [];
  // A button from before an earlier drop would now point at another agency.
  if (index === undefined || count !== draft.plan.agencies.length || !draft.plan.agencies[index])
    return askDrop(ctx, state, ctx.msg.choice ? [m.agencyGone] : []);
  const name = draft.plan.agencies[index].name;
  const result = dropAgency(draft.plan, index);
  if (!result.ok) return showReview(ctx, state, [result.reason === 'last-agency' ? m.lastAgency : m.lastTasks]);
  await applyEdit(ctx, state, {
    plan: result.plan,
    note: m.dropped(name, result.droppedTasks),
    edit: { action: 'agency.drop', agency: draft.plan.agencies[index].id },
  });
}
