import { insertWebLogin } from '../../db/index.js';
import { officerOf } from '../../kernel/actor.js';
import type { Command } from '../../bot/context.js';
import { UserError } from '../../bot/errors.js';
import { webText as m } from '../../messages/web.js';
import { LOGIN_TTL_MINUTES, hashToken, newToken } from './tokens.js';

export const LOGIN_PATH = '/web/login/';

/** /web (/dashboard), in a private chat: a sign-in link for the web pages, once and for 10 minutes. */
export const webCommand: Command = {
  name: 'web',
  aliases: ['dashboard'],
  description: m.command,
  async run(ctx) {
    const { actor } = ctx;
    if (!actor.configAdmin && actor.roles.length === 0 && !officerOf(actor)) throw new UserError(m.notMember);
    const { publicUrl } = ctx.services.config;
    if (!publicUrl) throw new UserError(m.noPublicUrl);
    const token = newToken();
    await insertWebLogin(ctx.services.db, {
      tokenHash: hashToken(token),
      personId: actor.personId,
      platform: actor.platform,
      userId: actor.userId,
      expiresAt: new Date(ctx.now.getTime() + LOGIN_TTL_MINUTES * 60_000),
      at: ctx.now,
    });
    ctx.reply(m.link(`${publicUrl.replace(/\/+$/, '')}${LOGIN_PATH}${token}`, LOGIN_TTL_MINUTES));
  },
};
