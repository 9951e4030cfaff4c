import type { Command } from '../../bot/context.js';
import { common } from '../../messages/index.js';

/** /trogiup lists every visible command; it reads the final list lazily. */
export function createHelp(list: () => Command[]): Command {
  return {
    name: 'trogiup',
    aliases: ['help'],
    description: common.commands.help,
    inGroups: true,
    async run(ctx) {
      const lines = list()
        .filter((c) => !c.hidden)
        .map((c) => `/${c.name}${c.aliases[0] ? ` (/${c.aliases[0]})` : ''} - ${c.description}`);
      ctx.reply([common.helpTitle, ...lines, '', common.helpFooter].join('\n'));
    },
  };
}
