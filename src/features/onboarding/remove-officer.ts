import {
  endMembership,
  findActiveMembership,
  findPersonCard,
  listAgencyOfficers,
  listPrivateChats,
  type ActiveMembership,
} from '../../db/index.js';
import { isAdmin, isAnyAdmin } from '../../kernel/actor.js';
import { formatVnDate, toVnDate } from '../../kernel/calendar/vn-time.js';
import type { Command, Ctx } from '../../bot/context.js';
import { UserError } from '../../bot/errors.js';
import type { Choice } from '../../kernel/message.js';
import { agencyFromArgs } from '../shared/agency-args.js';
import { noticeTime } from '../shared/notice-time.js';
import { accessText, onboarding } from '../../messages/index.js';
import { personLine } from './target.js';

const BY_MEMBERSHIP = /^cb\s+(\d{1,9})$/i;

/**
 * /xoacanbo <cơ quan> lists the agency's officers with who they are (platform ids, first seen); the button
 * `/xoacanbo cb <membership>` ends that membership, re-checking the admin's right to the network.
 */
export const removeOfficer: Command = {
  name: 'xoacanbo',
  aliases: ['removeofficer'],
  description: accessText.commands.removeOfficer,
  async run(ctx, args) {
    if (!isAnyAdmin(ctx.actor)) throw new UserError(onboarding.adminOnly);
    if (!args.trim()) throw new UserError(accessText.removeUsage);
    const byMembership = BY_MEMBERSHIP.exec(args.trim());
    if (byMembership) return remove(ctx, Number(byMembership[1]));
    const agency = await agencyFromArgs(ctx, args, 'xoacanbo', {
      notFound: onboarding.agencyNotFound,
      pick: onboarding.pickAgency,
    });
    if (!agency) return;
    if (!isAdmin(ctx.actor, agency.networkId)) throw new UserError(onboarding.notAdminOf(agency.networkName));
    const officers = await listAgencyOfficers(ctx.services.db, agency.id);
    if (officers.length === 0) throw new UserError(accessText.noOfficers(agency.name));
    const lines: string[] = [];
    const choices: Choice[] = [];
    for (const officer of officers) {
      const card = await findPersonCard(ctx.services.db, officer.personId);
      if (!card) continue;
      lines.push(accessText.officerLine(personLine(card), formatVnDate(toVnDate(officer.since))));
      choices.push({ id: `/xoacanbo cb ${officer.membershipId}`, label: accessText.removeLabel(officer.name) });
    }
    ctx.reply(accessText.pickOfficer(agency.name, lines), choices);
  },
};

async function remove(ctx: Ctx, membershipId: number): Promise<void> {
  const { db, config } = ctx.services;
  const membership = await findActiveMembership(db, membershipId);
  if (!membership) throw new UserError(accessText.officerGone);
  if (!isAdmin(ctx.actor, membership.networkId)) throw new UserError(onboarding.notAdminOf(membership.networkName));
  const result = await endMembership(db, {
    membershipId,
    actorPersonId: ctx.actor.personId,
    at: ctx.now,
    notices: await notices(ctx, membership, config.quietHours),
  });
  if (!result) throw new UserError(accessText.officerGone);
  ctx.reply(accessText.removed(membership.name, membership.agencyName, result.draftsReleased));
}

async function notices(ctx: Ctx, m: ActiveMembership, quietHours: Parameters<typeof noticeTime>[1]) {
  const chats = await listPrivateChats(ctx.services.db, [m.personId]);
  const notBefore = noticeTime(ctx.now, quietHours);
  return chats.map((c) => ({
    platform: c.platform,
    chatId: c.chatId,
    isGroup: false,
    text: accessText.removedNotice(m.agencyName, m.networkName),
    notBefore,
    idemKey: `membership-end:${m.membershipId}:${c.platform}:${c.chatId}`,
  }));
}
