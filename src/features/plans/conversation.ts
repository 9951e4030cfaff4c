import type { ConversationDef, Ctx } from '../../bot/context.js';
import { planChatText as m } from '../../messages/plan-chat.js';
import { actionButton } from './choices.js';
import { confirmDraft } from './confirm.js';
import { askDrop, onDrop } from './drop.js';
import { takeInput } from './intake.js';
import { askRename, onRename } from './rename.js';
import { reviewChoices, showReview } from './review.js';
import { planKind, type PlanState } from './state.js';
import { askTarget, onTarget } from './target.js';

/** /kehoach: waiting for a document, then the review of the draft and the admin's edits until confirmed. */
export const planConversation: ConversationDef<PlanState> = {
  ...planKind,
  async step(ctx, state) {
    const action = actionButton.parse(ctx.msg.choice)?.[0];
    if (action === 'cancel') {
      ctx.conversation.end();
      ctx.reply(m.cancelled);
      return;
    }
    // A new document at any point replaces the draft (the previous one was never imported).
    if (state.step === 'await' || ctx.msg.attachments.length > 0) return takeInput(ctx, state);
    if (action === 'back') return showReview(ctx, state);
    if (state.step === 'review') return onReview(ctx, state, action);
    if (state.step === 'rename') return onRename(ctx, state);
    if (state.step === 'target') return onTarget(ctx, state);
    return onDrop(ctx, state);
  },
};

async function onReview(ctx: Ctx, state: PlanState, action: string | undefined): Promise<void> {
  if (action === 'confirm') return confirmDraft(ctx, state);
  if (action === 'rename') return askRename(ctx, state);
  if (action === 'target') return askTarget(ctx, state);
  if (action === 'drop') return askDrop(ctx, state);
  ctx.reply(m.unknownAnswer, reviewChoices());
}
