import type { Command, Ctx } from '../../bot/context.js';
import { isAnyAdmin, ledNetworks, officerOf } from '../../kernel/actor.js';
import { common } from '../../messages/index.js';

export type Audience = 'everyone' | 'officer' | 'leader' | 'admin';

/**
 * Who each command is for, in /trogiup. A command missing here is listed for everyone; the help test fails on
 * it so a new command gets its audience. Permission itself is still checked by each command.
 */
export const audiences: Record<string, Audience> = {
  start: 'everyone',
  trogiup: 'everyone',
  huy: 'everyone',
  nhiemvu: 'everyone',
  timkiem: 'everyone',
  dangky: 'everyone',
  lienket: 'everyone',
  ghinhan: 'officer',
  nhatky: 'officer',
  sua: 'officer',
  xoa: 'officer',
  baocao: 'officer',
  hanbaocao: 'officer',
  tatnhac: 'officer',
  batnhac: 'officer',
  bangiao: 'officer',
  tinhhinh: 'leader',
  xuat: 'leader',
  web: 'leader',
  duyet: 'admin',
  moi: 'admin',
  thietlap: 'admin',
  capquyen: 'admin',
  xoacanbo: 'admin',
  chan: 'admin',
  bochan: 'admin',
  kehoach: 'admin',
};

const order: Audience[] = ['everyone', 'officer', 'leader', 'admin'];

/** The sections a person sees: an admin all of them, a leader who is no officer no officer section. */
function sectionsFor(ctx: Ctx): Audience[] {
  const admin = isAnyAdmin(ctx.actor);
  const leader = ledNetworks(ctx.actor).length > 0;
  const officer = officerOf(ctx.actor) !== undefined;
  return order.filter(
    (a) => a === 'everyone' || admin || (a === 'officer' && (officer || !leader)) || (a === 'leader' && leader),
  );
}

/** /trogiup lists the commands for the caller's roles; it reads the final list of the registry lazily. */
export function createHelp(list: () => Command[]): Command {
  return {
    name: 'trogiup',
    aliases: ['help'],
    description: common.commands.help,
    inGroups: true,
    async run(ctx) {
      const visible = list().filter((c) => !c.hidden);
      const lines: string[] = [common.helpTitle];
      for (const audience of sectionsFor(ctx)) {
        const commands = visible.filter((c) => (audiences[c.name] ?? 'everyone') === audience);
        if (commands.length === 0) continue;
        lines.push('', common.helpSections[audience]);
        lines.push(...commands.map((c) => `/${c.name}${c.aliases[0] ? ` (/${c.aliases[0]})` : ''} - ${c.description}`));
        lines.push(...common.helpExtras[audience]);
      }
      ctx.reply([...lines, '', common.helpFooter].join('\n'));
    },
  };
}
