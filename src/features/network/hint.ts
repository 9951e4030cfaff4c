import { findGroup, findStatusNetwork, isRegisteredIdentity, rememberGroupHint } from '../../db/index.js';
import type { GroupWatcher } from '../../bot/context.js';
import { adminKey } from '../../kernel/actor.js';
import { groupText } from '../../messages/index.js';

/**
 * Someone writes in a bound group and is not registered: tell them once, in the group (a bot cannot open a
 * private chat), how to register. Remembered per person, so a busy group is not flooded.
 */
export const registrationHint: GroupWatcher = {
  async run(msg, services, now) {
    if (msg.membership) return undefined;
    const { db, config } = services;
    const group = await findGroup(db, msg.platform, msg.chat.id);
    if (!group) return undefined;
    if (config.admins.includes(adminKey(msg.platform, msg.sender.id))) return undefined;
    if (await isRegisteredIdentity(db, msg.platform, msg.sender.id)) return undefined;
    const told = { platform: msg.platform, userId: msg.sender.id, chatId: msg.chat.id, at: now };
    if (!(await rememberGroupHint(db, told))) return undefined;
    const network = await findStatusNetwork(db, group.networkId);
    return { text: groupText.registerHint(msg.sender.name, network?.name ?? group.networkId) };
  },
};
