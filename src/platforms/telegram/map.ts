import type { Update } from 'telegraf/types';
import { z } from 'zod';
import type { AttachmentRef, Incoming } from '../../kernel/message.js';
import { parseCommand } from '../../bot/parse-command.js';
import { stripControl } from '../../kernel/text.js';
import { mapMyChatMember } from './membership.js';

export interface BotIdentity {
  id: number;
  username: string;
}

const entity = z.object({ type: z.string(), offset: z.number(), length: z.number() });
const user = z.object({
  id: z.number(),
  first_name: z.string().optional(),
  last_name: z.string().optional(),
  username: z.string().optional(),
  is_bot: z.boolean().optional(),
});
const chat = z.object({ id: z.number(), type: z.string(), title: z.string().optional() });
// Only the fields the bot reads are checked; anything else in an update is ignored.
const messageShape = z.object({
  message_id: z.number(),
  date: z.number(),
  chat,
  from: user.optional(),
  text: z.string().optional(),
  caption: z.string().optional(),
  entities: z.array(entity).optional(),
  caption_entities: z.array(entity).optional(),
  photo: z.array(z.object({ file_id: z.string(), file_size: z.number().optional() })).optional(),
  document: z
    .object({ file_id: z.string(), file_name: z.string().optional(), file_size: z.number().optional() })
    .optional(),
  reply_to_message: z.object({ from: user.optional() }).optional(),
  migrate_to_chat_id: z.number().optional(),
});
const callbackShape = z.object({
  id: z.string(),
  from: user,
  data: z.string().optional(),
  message: messageShape.optional(),
});

type AnyMessage = {
  message_id: number;
  date: number;
  chat: { id: number; type: string; title?: string };
  from?: { id: number; first_name?: string; last_name?: string; username?: string; is_bot?: boolean };
  text?: string;
  caption?: string;
  entities?: { type: string; offset: number; length: number }[];
  caption_entities?: { type: string; offset: number; length: number }[];
  photo?: { file_id: string; file_size?: number }[];
  document?: { file_id: string; file_name?: string; file_size?: number };
  reply_to_message?: {
    from?: { id: number; first_name?: string; last_name?: string; username?: string; is_bot?: boolean };
  };
  migrate_to_chat_id?: number;
};

/** Maps a Telegram update to the core message, or null for updates the bot does not handle. */
export function mapTelegramUpdate(update: Update, bot: BotIdentity): Incoming | null {
  if (typeof update !== 'object' || update === null) return null;
  if ('my_chat_member' in update) return mapMyChatMember(update.my_chat_member, bot.id);
  if ('callback_query' in update) {
    const query = callbackShape.safeParse(update.callback_query);
    return query.success ? mapCallback(query.data as never) : null;
  }
  if (!('message' in update)) return null;
  const parsed = messageShape.safeParse(update.message);
  if (!parsed.success) return null;
  const message = parsed.data as AnyMessage;
  if (!message.from || message.from.is_bot) return null;
  const rawText = stripControl(message.text ?? message.caption ?? '');
  const attachments = mapAttachments(message);
  if (!rawText && attachments.length === 0) return null;
  const isGroup = message.chat.type !== 'private';
  const mention = `@${bot.username}`.toLowerCase();
  const mentioned = rawText.toLowerCase().includes(mention);
  const command = rawText.startsWith('/') ? parseCommand(rawText, bot.username) : undefined;
  const addressedCommand = Boolean(command) || (rawText.startsWith('/') && !/^\/\S+@/.test(rawText));
  const text = mentioned ? removeMention(rawText, mention) : rawText;
  return {
    platform: 'telegram',
    chat: { id: String(message.chat.id), type: isGroup ? 'group' : 'private', title: message.chat.title },
    sender: senderOf(message.from),
    text,
    command: command ?? (mentioned && text.startsWith('/') ? parseCommand(text, bot.username) : undefined),
    attachments,
    replyTo: replyAuthor(message, bot),
    addressed: !isGroup || addressedCommand || mentioned || message.reply_to_message?.from?.id === bot.id,
    date: new Date(message.date * 1000),
  };
}

function mapCallback(query: {
  id: string;
  from: AnyMessage['from'];
  data?: string;
  message?: AnyMessage;
}): Incoming | null {
  if (!query.from || !query.data || !query.message) return null;
  const isGroup = query.message.chat.type !== 'private';
  return {
    platform: 'telegram',
    chat: { id: String(query.message.chat.id), type: isGroup ? 'group' : 'private', title: query.message.chat.title },
    sender: senderOf(query.from),
    text: '',
    choice: query.data,
    attachments: [],
    addressed: true,
    date: new Date(),
  };
}

function replyAuthor(message: AnyMessage, bot: BotIdentity): Incoming['replyTo'] {
  const from = message.reply_to_message?.from;
  if (!from || from.is_bot || from.id === bot.id) return undefined;
  return senderOf(from);
}

function senderOf(from: NonNullable<AnyMessage['from']>): Incoming['sender'] {
  const name = stripControl([from.first_name, from.last_name].filter(Boolean).join(' ')).trim();
  return { id: String(from.id), name: name || from.username || `Người dùng ${from.id}`, username: from.username };
}

function mapAttachments(message: AnyMessage): AttachmentRef[] {
  const refs: AttachmentRef[] = [];
  const largest = message.photo?.[message.photo.length - 1];
  if (largest) refs.push({ kind: 'photo', fileId: largest.file_id });
  if (message.document)
    refs.push({
      kind: 'document',
      fileId: message.document.file_id,
      name: message.document.file_name,
      ...(message.document.file_size ? { size: message.document.file_size } : {}),
    });
  return refs;
}

function removeMention(text: string, mention: string): string {
  const index = text.toLowerCase().indexOf(mention);
  return `${text.slice(0, index)}${text.slice(index + mention.length)}`.replace(/\s+/g, ' ').trim();
}

/** The chat id a group moved to when it became a supergroup, if this update says so. */
export function migrationOf(update: Update): { from: string; to: string } | null {
  if (typeof update !== 'object' || update === null || !('message' in update)) return null;
  const parsed = messageShape.safeParse(update.message);
  if (!parsed.success || !parsed.data.migrate_to_chat_id) return null;
  return { from: String(parsed.data.chat.id), to: String(parsed.data.migrate_to_chat_id) };
}
