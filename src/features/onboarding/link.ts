import { randomInt } from 'node:crypto';
import {
  createLinkCode,
  listLinkedChats,
  redeemLinkCode,
  setPreferredPlatform,
  type LinkedChat,
  type LinkResult,
} from '../../db/index.js';
import type { Command, Ctx } from '../../bot/context.js';
import type { Choice } from '../../kernel/message.js';
import { normalize } from '../../kernel/text.js';
import { appName, linkText } from '../../messages/index.js';

// 31 symbols without look-alikes (0/O, 1/I/L): 8 of them are about 40 bits, far beyond 5 guesses an hour.
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const CODE_LENGTH = 8;
const CODE_MINUTES = 15;
const MAX_FAILURES_PER_HOUR = 5;
const PREFERRED_WORDS = new Set(['nhan', 'receive']);
const PLATFORMS = ['telegram', 'zalo', 'console'];

/** /lienket: a code to type on the other app; /lienket <mã> links; /lienket nhan zalo picks where reminders go. */
export const link: Command = {
  name: 'lienket',
  aliases: ['link'],
  description: linkText.command,
  async run(ctx, args) {
    const words = normalize(args).split(' ').filter(Boolean);
    if (words.length === 0) return issueCode(ctx);
    if (PREFERRED_WORDS.has(words[0]!)) return choosePreferred(ctx, words[1]);
    return redeem(ctx, args);
  },
};

function newCode(): string {
  return Array.from({ length: CODE_LENGTH }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
}

async function issueCode(ctx: Ctx): Promise<void> {
  const { db } = ctx.services;
  const code = newCode();
  await createLinkCode(db, {
    personId: ctx.actor.personId,
    code,
    expiresAt: new Date(ctx.now.getTime() + CODE_MINUTES * 60_000),
  });
  const { chats, preferred } = await listLinkedChats(db, ctx.actor.personId);
  const lines = [linkText.code(`${code.slice(0, 4)}-${code.slice(4)}`, CODE_MINUTES)];
  if (chats.length > 1) lines.push(linkText.linkedApps(chats.map((c) => appName(c.platform))));
  if (chats.length > 1 && preferred) lines.push(linkText.remindersVia(appName(preferred)));
  const choices = reminderChoices(chats);
  if (choices.length > 1) lines.push(linkText.chooseReminders);
  ctx.reply(lines.join('\n\n'), choices.length > 1 ? choices : undefined);
}

function reminderChoices(chats: LinkedChat[]): Choice[] {
  return chats
    .filter((c) => c.privateChatId)
    .map((c) => ({ id: `/lienket nhan ${c.platform}`, label: linkText.receiveVia(appName(c.platform)) }));
}

async function choosePreferred(ctx: Ctx, word: string | undefined): Promise<void> {
  const platform = PLATFORMS.find((p) => p === word);
  if (!platform) {
    ctx.reply(linkText.preferredUsage);
    return;
  }
  const done = await setPreferredPlatform(ctx.services.db, ctx.actor.personId, platform, ctx.now);
  ctx.reply(done ? linkText.preferredSet(appName(platform)) : linkText.preferredUnreachable(appName(platform)));
}

async function redeem(ctx: Ctx, args: string): Promise<void> {
  const code = args.toUpperCase().replace(/[^A-Z0-9]/g, '');
  const here = appName(ctx.msg.platform);
  const result = await redeemLinkCode(ctx.services.db, {
    code,
    personId: ctx.actor.personId,
    at: ctx.now,
    maxFailuresPerHour: MAX_FAILURES_PER_HOUR,
    notices: (chats) =>
      chats
        .filter((c) => c.privateChatId)
        .map((c) => ({
          platform: c.platform,
          chatId: c.privateChatId!,
          isGroup: false,
          text: linkText.linkedNotice(here, ctx.msg.sender.name),
          idemKey: `link:${code}:${c.platform}:${c.userId}`,
        })),
  });
  ctx.reply(resultText(result, here));
}

function resultText(result: LinkResult, here: string): string {
  switch (result.kind) {
    case 'linked':
      return linkText.linked(result.name, here);
    case 'invalid':
      return linkText.invalid;
    case 'expired':
      return linkText.expired;
    case 'same':
      return linkText.same;
    case 'tooManyAttempts':
      return linkText.tooManyAttempts;
    case 'platformTaken':
      return linkText.platformTaken(appName(result.platform));
    case 'agencyConflict':
      return linkText.agencyConflict(result.networkName, result.kept, result.other);
  }
}
