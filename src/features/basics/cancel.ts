import type { Command } from '../../bot/context.js';
import { common, planChatText, reportText } from '../../messages/index.js';
import { planKind } from '../plans/index.js';
import { reportKind } from '../reports/index.js';

export const cancel: Command = {
  name: 'huy',
  aliases: ['cancel'],
  description: common.commands.cancel,
  inGroups: true,
  async run(ctx) {
    if (!ctx.conversation.current) {
      ctx.reply(common.nothingToCancel);
      return;
    }
    // A report's answers live in its draft, not in the conversation: stopping loses nothing, so say so.
    const { kind } = ctx.conversation.current;
    ctx.conversation.end();
    // A plan draft was never imported: stopping keeps nothing, so say that nothing was created.
    ctx.reply(
      kind === reportKind.kind
        ? reportText.stoppedDraftKept
        : kind === planKind.kind
          ? planChatText.cancelled
          : common.cancelled,
    );
  },
};
