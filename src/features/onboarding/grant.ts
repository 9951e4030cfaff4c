import {
  findActorByPerson,
  grantRole,
  listPrivateChats,
  revokeRole,
  type NetworkSummary,
  type PersonCard,
  type RoleChange,
} from '../../db/index.js';
import { isAdmin, isAnyAdmin } from '../../kernel/actor.js';
import type { Command, Ctx } from '../../bot/context.js';
import { UserError } from '../../bot/errors.js';
import { requireNetwork } from '../shared/caller.js';
import { accessText, grantText, onboarding } from '../../messages/index.js';
import { parseGrantArgs, type GrantArgs } from './grant-args.js';
import { noticeTime } from '../shared/notice-time.js';
import { candidatesByHandle } from './person.js';
import { identifiedPerson, personLine } from './target.js';

/**
 * /capquyen <người> lanhdao|quantri <mạng lưới>; "/capquyen thu ..." revokes (documented in the help line).
 * The person is the replied-to message's author or a platform id; a typed name or @username only brings up
 * the people behind it, with buttons that carry the chosen person's id.
 */
export const grant: Command = {
  name: 'capquyen',
  aliases: ['grant'],
  description: onboarding.commands.grant,
  inGroups: true,
  async run(ctx, args) {
    if (!isAnyAdmin(ctx.actor)) throw new UserError(onboarding.adminOnly);
    const parsed = parseGrantArgs(args);
    if (!parsed || (!parsed.person && !ctx.msg.replyTo)) throw new UserError(grantText.usage);
    const network = await requireNetwork(ctx, parsed.network);
    if (!isAdmin(ctx.actor, network.id)) throw new UserError(onboarding.notAdminOf(network.name));
    const person = await identifiedPerson(ctx, parsed.person);
    if (!person) {
      await askWhichPerson(ctx, parsed, network);
      return;
    }
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

async function askWhichPerson(ctx: Ctx, parsed: GrantArgs, network: NetworkSummary): Promise<void> {
  const cards = await candidatesByHandle(ctx, parsed.person);
  const role = onboarding.roleNames[parsed.role];
  const words = `${parsed.role === 'admin' ? 'quantri' : 'lanhdao'} ${network.id}`;
  ctx.reply(
    grantText.confirm(
      !parsed.revoke,
      role,
      network.name,
      cards.map((c) => accessText.who(personLine(c))),
    ),
    cards.map((card) => ({
      id: `/capquyen ${parsed.revoke ? 'thu ' : ''}#${card.personId} ${words}`,
      label: grantText.pickLabel(card.name, firstId(card)),
    })),
  );
}

const firstId = (card: PersonCard): string => {
  const id = card.identities[0];
  return id ? accessText.identity(id.platform, id.userId, id.username) : `#${card.personId}`;
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
