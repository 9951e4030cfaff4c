import { findGroupBinding, findStatusNetwork, markGroupLeft } from '../../db/index.js';
import type { MembershipHandler } from '../../bot/context.js';
import { groupText } from '../../messages/index.js';

/**
 * Added to a group: say what the bot is and how an admin binds the group. Removed: the binding goes inactive,
 * so reminders stop going there (nothing can be delivered) until /thietlap binds it again.
 */
export const groupMembership: MembershipHandler = {
  async run(ctx, event) {
    const { msg, services } = ctx;
    if (msg.chat.type !== 'group') return;
    if (event.kind === 'bot-removed') {
      const input = { platform: msg.platform, chatId: msg.chat.id, actorPersonId: ctx.actor.personId, at: ctx.now };
      const left = await markGroupLeft(services.db, input);
      services.log.info({ platform: msg.platform, chat: msg.chat.id, bound: left }, 'bot removed from a group');
      return;
    }
    const binding = await findGroupBinding(services.db, msg.platform, msg.chat.id);
    const lines = [groupText.greeting(msg.chat.title)];
    const network = binding && !binding.active ? await findStatusNetwork(services.db, binding.networkId) : undefined;
    if (network) lines.push(groupText.wasBound(network.name, network.id));
    ctx.reply(lines.join('\n\n'));
  },
};
