import type { Command } from '../../bot/context.js';
import { common, reportText } from '../../messages/index.js';
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
    const wasReport = ctx.conversation.current.kind === reportKind.kind;
    ctx.conversation.end();
    ctx.reply(wasReport ? reportText.stoppedDraftKept : common.cancelled);
  },
};
