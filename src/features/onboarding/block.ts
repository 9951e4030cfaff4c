import {
  blockPerson,
  ensureActor,
  findActorByPerson,
  findPersonByPlatformId,
  findPersonCard,
  unblockPerson,
  type PersonCard,
} from '../../db/index.js';
import { isAdmin, isAnyAdmin } from '../../kernel/actor.js';
import type { Command, Ctx } from '../../bot/context.js';
import { UserError } from '../../bot/errors.js';
import { accessText, onboarding } from '../../messages/index.js';
import { identifiedPerson, personLine, platformIdOf } from './target.js';

/**
 * /chan <người>: the router refuses the person before any command (told once). By reply or platform id only; a
 * platform id works before the person ever wrote to the bot.
 */
export const block: Command = {
  name: 'chan',
  aliases: ['block'],
  description: accessText.commands.block,
  inGroups: true,
  run: (ctx, args) => changeBlock(ctx, args, true),
};

/** /bochan <người>: lifts a block. */
export const unblock: Command = {
  name: 'bochan',
  aliases: ['unblock'],
  description: accessText.commands.unblock,
  inGroups: true,
  run: (ctx, args) => changeBlock(ctx, args, false),
};

async function changeBlock(ctx: Ctx, args: string, blocking: boolean): Promise<void> {
  if (!isAnyAdmin(ctx.actor)) throw new UserError(onboarding.adminOnly);
  const unseen = blocking ? await unseenPerson(ctx, args) : undefined;
  const card = unseen ?? (await identifiedPerson(ctx, args));
  if (!card) throw new UserError(accessText.personUsage);
  await requireAuthorityOver(ctx, card, blocking);
  const change = { personId: card.personId, actorPersonId: ctx.actor.personId, at: ctx.now };
  const { db } = ctx.services;
  if (blocking) {
    const done = await blockPerson(db, change);
    if (!done) ctx.reply(accessText.alreadyBlocked(card.name));
    else ctx.reply(unseen ? accessText.blockedBeforeContact(args.trim()) : accessText.blocked(personLine(card)));
    return;
  }
  ctx.reply((await unblockPerson(db, change)) ? accessText.unblocked(card.name) : accessText.notBlocked(card.name));
}

/** Admins are never blocked (their role goes first), and an admin acts only on people of their own networks. */
async function requireAuthorityOver(ctx: Ctx, card: PersonCard, blocking: boolean): Promise<void> {
  if (card.personId === ctx.actor.personId) throw new UserError(accessText.cannotBlockSelf);
  const target = await findActorByPerson(ctx.services.db, card.personId, ctx.services.config.admins);
  if (!target) return;
  if (blocking && isAnyAdmin(target)) throw new UserError(accessText.cannotBlockAdmin(card.name));
  const foreign = target.memberships.find((m) => !isAdmin(ctx.actor, m.networkId));
  if (foreign) throw new UserError(onboarding.notAdminOf(foreign.networkName));
  const foreignRole = target.roles.find((r) => !isAdmin(ctx.actor, r.networkId));
  if (foreignRole) throw new UserError(onboarding.notAdminOf(foreignRole.networkId));
}

/**
 * A platform id the bot has never seen (a number passed around by a spammer) can be blocked before its first
 * message: the person is recorded under that id, so the router refuses their very first message.
 */
async function unseenPerson(ctx: Ctx, args: string): Promise<PersonCard | undefined> {
  const id = platformIdOf(args);
  const { db, config } = ctx.services;
  if (!id || (await findPersonByPlatformId(db, id.platform, id.userId))) return undefined;
  const key = `${id.platform}:${id.userId}`;
  if (config.admins.includes(key)) throw new UserError(accessText.cannotBlockAdmin(key));
  const actor = await ensureActor(db, { platform: id.platform, userId: id.userId, name: key }, config.admins);
  return findPersonCard(db, actor.personId);
}
