import type { Command, Ctx } from '../../bot/context.js';
import { UserError } from '../../bot/errors.js';
import { isAnyAdmin } from '../../kernel/actor.js';
import { normalize } from '../../kernel/text.js';
import { onboarding } from '../../messages/index.js';
import { planChatText as m } from '../../messages/plan-chat.js';
import { takeInput } from './intake.js';
import { receivesFiles } from './receive.js';
import { planKind, type PlanState } from './state.js';

const start: PlanState = { step: 'await', pasted: [], draft: null, selected: null, frequency: null };

/** /kehoach moi (/plan new): an admin drafts a network's plan from a document sent or pasted next. */
export const planCommand: Command = {
  name: 'kehoach',
  aliases: ['plan'],
  description: m.description,
  async run(ctx, args) {
    if (!isAnyAdmin(ctx.actor)) throw new UserError(onboarding.adminOnly);
    if (!['moi', 'new'].includes(normalize(args))) throw new UserError(m.usage);
    const open = ctx.conversation.current;
    // Another conversation holds what the admin typed there: it is not thrown away by starting this one.
    if (open && open.kind !== planKind.kind) throw new UserError(m.busy);
    await startDraft(ctx);
  },
};

/** Starts the conversation; a document sent with the command (as its caption) is read at once. */
export async function startDraft(ctx: Ctx): Promise<void> {
  if (ctx.msg.attachments.length > 0) return takeInput(ctx, start);
  ctx.conversation.set(planKind, start);
  ctx.reply(m.ask(receivesFiles(ctx)));
}
