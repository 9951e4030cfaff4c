import { findAgencyBySlug, type AgencyWithNetwork } from '../../db/index.js';
import { isAdmin, isAnyAdmin } from '../../kernel/actor.js';
import { formatVnDate, toVnDate } from '../../kernel/calendar/vn-time.js';
import type { Command, Ctx } from '../../bot/context.js';
import { UserError } from '../../bot/errors.js';
import { agencyFromArgs } from '../shared/agency-args.js';
import { onboarding, successionText } from '../../messages/index.js';
import { INVITE_TTL_DAYS, storeInviteCode } from '../shared/invite-code.js';
import { manageInvites } from './invite-manage.js';
import { networkInvites } from '../network/index.js';

const DAY_MS = 86_400_000;

/** /moi <cơ quan>: a single-use invite code (and deep link) that registers an officer of the agency at once. */
export const invite: Command = {
  name: 'moi',
  aliases: ['invite'],
  description: onboarding.commands.invite,
  async run(ctx, args) {
    if (!isAnyAdmin(ctx.actor)) throw new UserError(onboarding.adminOnly);
    if (!args) throw new UserError(onboarding.inviteUsage);
    if (await manageInvites(ctx, args)) return;
    if (await networkInvites(ctx, args)) return;
    const agency = await agencyFromArgs(ctx, args, 'moi', {
      notFound: onboarding.agencyNotFound,
      pick: onboarding.pickAgency,
    });
    if (!agency) return;
    if (!isAdmin(ctx.actor, agency.networkId)) throw new UserError(onboarding.notAdminOf(agency.networkName));
    if (!agency.active) return offerSuccessor(ctx, agency);
    const expiresAt = new Date(ctx.now.getTime() + INVITE_TTL_DAYS * DAY_MS);
    const code = await storeNewCode(ctx, agency, expiresAt);
    const link = ctx.services.platforms[ctx.msg.platform]?.deepLink?.(code);
    ctx.reply(onboarding.inviteCreated(code, agency.name, agency.networkName, formatVnDate(toVnDate(expiresAt)), link));
  },
};

/** A dissolved agency gets no officers: the agency that took its work over is offered in its place. */
async function offerSuccessor(ctx: Ctx, agency: AgencyWithNetwork): Promise<void> {
  const note = agency.successor?.note ?? '';
  const slug = agency.successor?.agency;
  const successor = slug ? await findAgencyBySlug(ctx.services.db, agency.networkId, slug) : undefined;
  if (!successor?.active) throw new UserError(onboarding.agencyInactive(agency.name, note));
  ctx.reply(successionText.agencyReplaced(agency.name, note, successor.name), [
    { id: `/moi #${successor.id}`, label: successionText.inviteSuccessor(successor.name) },
  ]);
}

function storeNewCode(ctx: Ctx, agency: AgencyWithNetwork, expiresAt: Date): Promise<string> {
  return storeInviteCode(ctx.services.db, {
    networkId: agency.networkId,
    agencyId: agency.id,
    createdBy: ctx.actor.personId,
    expiresAt,
    at: ctx.now,
  });
}
