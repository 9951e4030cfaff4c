import type { ConversationDef, Ctx } from '../../bot/context.js';
import { planChatText as m } from '../../messages/plan-chat.js';
import { askAgencyRename, onAgencyName, onAgencyRename } from './agency-rename.js';
import { actionButton } from './choices.js';
import { confirmDraft } from './confirm.js';
import { askDuty, onDeadline, onDuty, onFrequency } from './deadline.js';
import { askDrop, onDrop } from './drop.js';
import { takeInput } from './intake.js';
import { askMergeFrom, onMergeFrom, onMergeInto } from './merge.js';
import { askMoveTask, onMoveTask, onMoveTo } from './move.js';
import { askRename, onRename } from './rename.js';
import { reviewChoices, showReview } from './review.js';
import { planKind, type PlanState, type PlanStep } from './state.js';
import { askTarget, onTarget } from './target.js';
import { typedFix } from './typed.js';

type Handler = (ctx: Ctx, state: PlanState) => void | Promise<void>;

/** What each review button starts. */
const starts: Record<string, Handler> = {
  confirm: confirmDraft,
  rename: (ctx, state) => askRename(ctx, state),
  target: (ctx, state) => askTarget(ctx, state),
  drop: (ctx, state) => askDrop(ctx, state),
  'agency-rename': (ctx, state) => askAgencyRename(ctx, state),
  merge: (ctx, state) => askMergeFrom(ctx, state),
  move: (ctx, state) => askMoveTask(ctx, state),
  deadline: (ctx, state) => askDuty(ctx, state),
};

/** The answer each step waits for. */
const steps: Record<Exclude<PlanStep, 'await' | 'review'>, Handler> = {
  rename: onRename,
  target: onTarget,
  drop: onDrop,
  'agency-rename': onAgencyRename,
  'agency-name': onAgencyName,
  'merge-from': onMergeFrom,
  'merge-into': onMergeInto,
  'move-task': onMoveTask,
  'move-to': onMoveTo,
  duty: onDuty,
  frequency: onFrequency,
  deadline: onDeadline,
};

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
    await steps[state.step](ctx, state);
  },
};

async function onReview(ctx: Ctx, state: PlanState, action: string | undefined): Promise<void> {
  const start = action ? starts[action] : undefined;
  if (start) return start(ctx, state);
  // A fix-up typed in one line: "gộp Sở VHTTDL vào Sở Văn hóa...", "chuyển 2.đ sang Sở Tư pháp", "hạn báo cáo 13/12".
  if (!ctx.msg.choice && (await typedFix(ctx, state))) return;
  ctx.reply(m.unknownAnswer, reviewChoices());
}
