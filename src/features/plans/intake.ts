import type { Ctx } from '../../bot/context.js';
import { planChatText as m } from '../../messages/plan-chat.js';
import { actionButton } from './choices.js';
import { draftFromText, pastedName } from './draft.js';
import { receiveDocument, receivesFiles, type Received } from './receive.js';
import { reviewChoices, showReview } from './review.js';
import { planKind, type PlanState } from './state.js';

// The document or text a draft is made from. A chat app cuts a long paste into several messages (Telegram at
// 4,096 characters), so a part that long is kept and more is awaited; shorter text is drafted at once.

/** A pasted part at least this long was probably cut by the app. */
const SPLIT_HINT = 3500;
/** About 60 printed pages: beyond that it is not a pasted plan. */
export const MAX_PASTE_CHARS = 200_000;

const total = (parts: string[]) => parts.reduce((n, p) => n + p.length, 0);

export async function takeInput(ctx: Ctx, state: PlanState): Promise<void> {
  const first = ctx.msg.attachments.find((a) => a.kind === 'document') ?? ctx.msg.attachments[0];
  if (first) {
    const received = await receiveDocument(ctx, first);
    if (!received.ok) return refuse(ctx, state, received.error);
    const notes = [m.reading(received.fileName), ...(ctx.msg.attachments.length > 1 ? [m.oneFile] : [])];
    return draftAndShow(ctx, state, received, notes);
  }
  if (actionButton.parse(ctx.msg.choice)?.[0] === 'draft' && state.pasted.length > 0)
    return draftPasted(ctx, state, state.pasted);
  const text = ctx.msg.text;
  if (!text.trim()) {
    ctx.reply(m.askAgain(receivesFiles(ctx)));
    return;
  }
  if (total(state.pasted) + text.length > MAX_PASTE_CHARS) {
    ctx.reply(m.pasteTooLong(MAX_PASTE_CHARS));
    return;
  }
  const pasted = [...state.pasted, text];
  if (text.length < SPLIT_HINT) return draftPasted(ctx, state, pasted);
  ctx.conversation.set(planKind, { ...state, step: 'await', pasted });
  ctx.reply(m.pasteMore(pasted.length, total(pasted)), [
    actionButton.choice(m.draftButton, 'draft'),
    actionButton.choice(m.buttons.cancel, 'cancel'),
  ]);
}

async function draftPasted(ctx: Ctx, state: PlanState, pasted: string[]): Promise<void> {
  const drafted = draftFromText(pasted.join('\n'), pastedName(ctx));
  if (drafted.ok) return showReview(ctx, { step: 'review', pasted: [], draft: drafted.draft, selected: null, frequency: null }, replacedNote(state));
  // Nothing typed is lost: the parts stay, in case the rest of the text is still to come.
  ctx.conversation.set(planKind, { ...state, pasted });
  ctx.reply([drafted.error, m.pasteKept(pasted.length, total(pasted))].join('\n'));
}

async function draftAndShow(ctx: Ctx, state: PlanState, file: Received & { ok: true }, notes: string[]) {
  const drafted = draftFromText(file.text, file.fileName, file.listLabels);
  if (!drafted.ok) return refuse(ctx, state, drafted.error);
  await showReview(ctx, { step: 'review', pasted: [], draft: drafted.draft, selected: null, frequency: null }, [...notes, ...replacedNote(state)]);
}

const replacedNote = (state: PlanState): string[] => (state.draft ? [m.replaced] : []);

/** The file cannot be used: said plainly, and the conversation (a draft under review too) stays as it was. */
function refuse(ctx: Ctx, state: PlanState, error: string): void {
  if (state.draft) ctx.reply([error, m.refusedKept].join('\n'), reviewChoices());
  // A file sent outside /kehoach opened no conversation, so the next message is not taken for a paste.
  else ctx.reply([error, ctx.conversation.current ? m.tryAnother : m.startOver].join('\n'));
}
