import type { Command } from '../src/core/context.js';
import { common } from '../src/messages/index.js';

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
    ctx.conversation.end();
    ctx.reply(common.cancelled);
  },
};
