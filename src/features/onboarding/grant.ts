import {
  findActorByPerson,
  grantRole,
  listPrivateChats,
  revokeRole,
  type NetworkSummary,
  type RoleChange,
} from '../../db/index.js';
import { isAdmin, isAnyAdmin } from '../../kernel/actor.js';
import type { Command, Ctx } from '../../bot/context.js';
import { UserError } from '../../bot/errors.js';
import { requireNetwork } from '../shared/caller.js';
import { onboarding } from '../../messages/index.js';
import { parseGrantArgs, type GrantArgs } from './grant-args.js';
import { noticeTime } from '../shared/notice-time.js';
import { resolvePerson } from './person.js';

/** /capquyen <người> lanhdao|quantri <mạng lưới>; "/capquyen thu ..." revokes (documented in the help line). */
export const grant: Command = {
  name: 'capquyen',
  aliases: ['grant'],
  description: onboarding.commands.grant,
  inGroups: true,
  async run(ctx, args) {
    if (!isAnyAdmin(ctx.actor)) throw new UserError(onboarding.adminOnly);
    const parsed = parseGrantArgs(args);
    if (!parsed || (!parsed.person && !ctx.msg.replyTo)) throw new UserError(onboarding.grantUsage);
    const network = await requireNetwork(ctx, parsed.network);
    if (!isAdmin(ctx.actor, network.id)) throw new UserError(onboarding.notAdminOf(network.name));
    const person = await resolvePerson(ctx, parsed.person);
    const change = await roleChange(ctx, parsed, network, person.personId);
    const { db } = ctx.services;
    if (!parsed.revoke) {
      const granted = await grantRole(db, change);
      ctx.reply((granted ? onboarding.granted : onboarding.alreadyHas)(person.name, parsed.role, network.name));
      return;
    }
    if (await revokeRole(db, change)) {
      ctx.reply(onboarding.revoked(person.name, parsed.role, network.name));
      return;
    }
    const target = await findActorByPerson(db, person.personId, ctx.services.config.admins);
    const fromConfig = parsed.role === 'admin' && target?.configAdmin;
    ctx.reply(
      fromConfig ? onboarding.configAdmin(person.name) : onboarding.notHeld(person.name, parsed.role, network.name),
    );
  },
};

/** The change plus a notice to the person's private chats (sent only if the change is written). */
async function roleChange(ctx: Ctx, parsed: GrantArgs, network: NetworkSummary, personId: number): Promise<RoleChange> {
  const text = (parsed.revoke ? onboarding.noticeRevoked : onboarding.noticeGranted)(parsed.role, network.name);
  const chats = await listPrivateChats(ctx.services.db, [personId]);
  const notBefore = noticeTime(ctx.now, ctx.services.config.quietHours);
  const what = `${parsed.revoke ? 'revoke' : 'grant'}:${parsed.role}:${network.id}:${personId}:${ctx.now.getTime()}`;
  return {
    personId,
    networkId: network.id,
    role: parsed.role,
    actorPersonId: ctx.actor.personId,
    at: ctx.now,
    notices: chats.map((c) => ({
      platform: c.platform,
      chatId: c.chatId,
      isGroup: false,
      text,
      notBefore,
      idemKey: `role:${what}:${c.platform}:${c.chatId}`,
    })),
  };
}
