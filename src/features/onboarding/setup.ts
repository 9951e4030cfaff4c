import { bindGroup, findGroup, listNetworks } from '../../db/index.js';
import { isAdmin, isAnyAdmin } from '../../kernel/actor.js';
import type { Command } from '../../bot/context.js';
import { UserError } from '../../bot/errors.js';
import { networkList, requireNetwork } from '../shared/caller.js';
import { onboarding } from '../../messages/index.js';

/** /thietlap <mạng lưới>: binds this group to a network. Bot admins only, and only administrators of the group. */
export const setup: Command = {
  name: 'thietlap',
  aliases: ['setup'],
  description: onboarding.commands.setup,
  inGroups: true,
  async run(ctx, args) {
    const { msg, services } = ctx;
    if (msg.chat.type !== 'group') throw new UserError(onboarding.setupGroupOnly);
    if (!isAnyAdmin(ctx.actor)) throw new UserError(onboarding.adminOnly);
    if (!args) throw new UserError(onboarding.setupUsage(networkList(await listNetworks(services.db))));
    const network = await requireNetwork(ctx, args);
    if (!isAdmin(ctx.actor, network.id)) throw new UserError(onboarding.notAdminOf(network.name));
    const platform = services.platforms[msg.platform];
    if (!platform) throw new UserError(onboarding.groupAdminUnknown);
    if (!(await platform.isChatAdmin(msg.chat.id, msg.sender.id))) throw new UserError(onboarding.notGroupAdmin);
    const previous = await findGroup(services.db, msg.platform, msg.chat.id);
    await bindGroup(
      services.db,
      { platform: msg.platform, chatId: msg.chat.id, networkId: network.id, title: msg.chat.title ?? null },
      ctx.actor.personId,
      ctx.now,
    );
    const moved = previous && previous.networkId !== network.id ? previous.networkId : undefined;
    const lines = [onboarding.bound(msg.chat.title, network.name), moved ? onboarding.rebound(moved) : ''];
    ctx.reply(lines.filter(Boolean).join('\n'));
  },
};
