import type { Ctx } from '../../bot/context.js';
import { listNetworks } from '../../db/index.js';
import type { Choice } from '../../kernel/message.js';
import { planChatText as m } from '../../messages/plan-chat.js';
import { planEditText as e } from '../../messages/plan-edit.js';
import { summarize } from '../../plans/draft/index.js';
import { actionButton } from './choices.js';
import { planKind, type PlanDraft, type PlanState } from './state.js';

const b = m.buttons;

export const reviewChoices = (): Choice[] => [
  actionButton.choice(b.confirm, 'confirm'),
  actionButton.choice(b.rename, 'rename'),
  actionButton.choice(b.target, 'target'),
  actionButton.choice(e.buttons.renameAgency, 'agency-rename'),
  actionButton.choice(e.buttons.merge, 'merge'),
  actionButton.choice(e.buttons.move, 'move'),
  actionButton.choice(e.buttons.deadline, 'deadline'),
  actionButton.choice(b.drop, 'drop'),
  actionButton.choice(b.cancel, 'cancel'),
];

/** What confirming would do: create a new network, replace an existing one, or neither while the id is taken. */
export async function targetLine(ctx: Ctx, draft: PlanDraft): Promise<string> {
  const { id } = draft.plan.network;
  const existing = (await listNetworks(ctx.services.db)).find((n) => n.id === id);
  if (draft.replaces && existing) return m.targetReplace(existing.name, existing.id);
  if (existing) return m.idTaken(id, existing.name);
  return m.targetNew(id);
}

/** The summary of the draft with the admin's edits, what confirming does, and the buttons. */
export async function showReview(ctx: Ctx, state: PlanState, notes: string[] = []): Promise<void> {
  const draft = state.draft!;
  ctx.conversation.set(planKind, { ...state, step: 'review', selected: null });
  const text = [...notes, summarize(draft.plan, draft.doubts), '', await targetLine(ctx, draft), m.actions, e.typedHint];
  ctx.reply(text.join('\n'), reviewChoices());
}
