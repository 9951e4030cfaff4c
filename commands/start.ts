import type { Command } from '../src/core/context.js';
import { common } from '../src/messages/index.js';

export const start: Command = {
  name: 'start',
  aliases: ['batdau'],
  description: common.commands.start,
  inGroups: true,
  async run(ctx) {
    ctx.reply(common.start(ctx.actor.name));
  },
};
