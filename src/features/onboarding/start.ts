import type { Command } from '../../bot/context.js';
import { common } from '../../messages/index.js';
import { redeemCode } from './register.js';

/** /start greets; /start <mã> (a Telegram deep link from /moi) registers with the invite code. */
export const start: Command = {
  name: 'start',
  aliases: ['batdau'],
  description: common.commands.start,
  inGroups: true,
  async run(ctx, args) {
    if (!args) {
      ctx.reply(common.start(ctx.actor.name));
      return;
    }
    if (ctx.msg.chat.type === 'group') {
      ctx.reply(common.privateOnly('Đầu Mối'));
      return;
    }
    await redeemCode(ctx, args);
  },
};
