import type { Command } from '../../bot/context.js';
import { common } from '../../messages/index.js';

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
