import {
  findAgencyBySlug,
  findAgencyWithNetwork,
  findGroup,
  listAgencyTasks,
  type AgencyWithNetwork,
} from '../../db/index.js';
import type { Command, Ctx } from '../../bot/context.js';
import { normalize } from '../../kernel/text.js';
import { agencyFromArgs } from '../shared/agency-args.js';
import { onboarding, taskText } from '../../messages/index.js';
import { taskPage } from './format.js';

const MEANS_ME = new Set(['toi', 'cua toi', 'minh', 'cua minh', 'em', 'cua em']);

/** /nhiemvu: the caller's agency tasks; /nhiemvu <cơ quan> any agency's; "... trang N" pages. */
export const tasks: Command = {
  name: 'nhiemvu',
  aliases: ['tasks'],
  description: taskText.commands.tasks,
  inGroups: true,
  async run(ctx, args) {
    const { target, page } = parseTaskArgs(args);
    const agency = target
      ? await agencyFromArgs(ctx, target, 'nhiemvu', { notFound: onboarding.agencyNotFound, pick: taskText.pickAgency })
      : await ownAgency(ctx);
    if (!agency) return;
    const { db } = ctx.services;
    const successorSlug = agency.active ? undefined : agency.successor?.agency;
    const successor = successorSlug ? await findAgencyBySlug(db, agency.networkId, successorSlug) : undefined;
    ctx.reply(taskPage(agency, await listAgencyTasks(db, agency.id), page, successor?.id));
  },
};

export function parseTaskArgs(args: string): { target: string; page: number } {
  const paged = /^(.*?)\s*\btrang\s+(\d{1,3})$/i.exec(args.trim());
  const target = (paged ? paged[1]! : args).trim();
  const page = paged ? Math.max(1, Number(paged[2])) : 1;
  return { target: MEANS_ME.has(normalize(target)) ? '' : target, page };
}

/** The agency the caller represents (in a bound group: in the group's network), or an answer saying how to register. */
async function ownAgency(ctx: Ctx): Promise<AgencyWithNetwork | undefined> {
  const { db } = ctx.services;
  const active = ctx.actor.memberships.filter((m) => m.status === 'active');
  if (active.length === 0) {
    const pending = ctx.actor.memberships.find((m) => m.status === 'pending');
    if (!pending) ctx.reply(onboarding.notRegistered);
    else
      ctx.reply(onboarding.pendingOnly(pending.agencyName, pending.networkName), [
        { id: `/nhiemvu #${pending.agencyId}`, label: onboarding.seeTasksOf(pending.agencyName) },
      ]);
    return undefined;
  }
  const group = ctx.msg.chat.type === 'group' ? await findGroup(db, ctx.msg.platform, ctx.msg.chat.id) : undefined;
  const chosen = active.length === 1 ? active[0] : active.find((m) => m.networkId === group?.networkId);
  if (chosen) return findAgencyWithNetwork(db, chosen.agencyId);
  ctx.reply(
    taskText.pickOwn,
    active.map((m) => ({ id: `/nhiemvu #${m.agencyId}`, label: onboarding.agencyLabel(m.agencyName, m.networkName) })),
  );
  return undefined;
}
