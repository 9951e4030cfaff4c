import { randomInt } from 'node:crypto';
import {
  createLinkCode,
  listLinkedChats,
  recordLinkDeclined,
  setPreferredPlatform,
  type LinkedChat,
} from '../../db/index.js';
import type { Command, Ctx } from '../../bot/context.js';
import type { Choice } from '../../kernel/message.js';
import { normalize } from '../../kernel/text.js';
import { appName, linkText } from '../../messages/index.js';
import { askToLink, confirmLink, CONFIRM_WORD, DECLINE_WORD } from './link-redeem.js';

// 31 symbols without look-alikes (0/O, 1/I/L): 8 of them are about 40 bits, far beyond 5 guesses an hour.
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const CODE_LENGTH = 8;
const CODE_MINUTES = 15;
const PREFERRED_WORDS = new Set(['nhan', 'receive']);
const PLATFORMS = ['telegram', 'zalo', 'console'];

/** /lienket: a code to type on the other app; /lienket <mã> shows both accounts and links once confirmed; /lienket nhan zalo picks where reminders go. */
export const link: Command = {
  name: 'lienket',
  aliases: ['link'],
  description: linkText.command,
  async run(ctx, args) {
    const words = normalize(args).split(' ').filter(Boolean);
    if (words.length === 0) return issueCode(ctx);
    if (PREFERRED_WORDS.has(words[0]!)) return choosePreferred(ctx, words[1]);
    if (words[0] === CONFIRM_WORD && words.length === 3) return confirmLink(ctx, words[1], words[2]);
    if (words[0] === DECLINE_WORD && words.length === 1) return decline(ctx);
    return askToLink(ctx, args);
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

async function decline(ctx: Ctx): Promise<void> {
  await recordLinkDeclined(ctx.services.db, { personId: ctx.actor.personId, at: ctx.now });
  ctx.reply(linkText.declined);
}
