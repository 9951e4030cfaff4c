// Pure mapping from a Zalo Bot Platform update (webhook or poll body) to our Incoming message.
import { z } from 'zod';
import { stripControl } from '../../kernel/text.js';
import type { ChatType, Incoming } from '../../kernel/message.js';
import { foldCommandName } from '../../bot/parse-command.js';

export interface ZaloBotInfo {
  id: string;
  account_name?: string;
  /** The name users see and mention in groups; getMe may omit it, so it can come from config. */
  display_name?: string;
}

const id = z.union([z.string().min(1), z.number()]).transform(String);

const messageSchema = z.object({
  message_id: id,
  from: z.object({
    id,
    display_name: z.string().optional(),
    // Older samples name the sender differently; take whichever is present.
    first_name: z.string().optional(),
    name: z.string().optional(),
    is_bot: z.boolean().optional(),
  }),
  chat: z.object({ id, chat_type: z.string() }),
  date: z.union([z.number(), z.string().regex(/^\d+$/).transform(Number)]),
  text: z.string().optional(),
  photo_url: z.string().optional(),
  photo: z.unknown().optional(),
  caption: z.string().optional(),
});

export const zaloUpdateSchema = z.object({ event_name: z.string().optional(), message: messageSchema });
export type ZaloUpdate = z.infer<typeof zaloUpdateSchema>;
type ZaloMessage = ZaloUpdate['message'];

/** Webhooks send `{ ok, result: update }` or the bare update; polls return the bare update. */
export const zaloBodySchema = z
  .union([z.object({ ok: z.boolean().optional(), result: zaloUpdateSchema }), zaloUpdateSchema])
  .transform((body) => ('result' in body ? body.result : body));

const CHAT_TYPES: Record<string, ChatType> = { PRIVATE: 'private', GROUP: 'group' };

export function parseZaloBody(body: unknown): ZaloUpdate | null {
  const parsed = zaloBodySchema.safeParse(body);
  return parsed.success ? parsed.data : null;
}

/** Zalo has no update offset: the message id is what repeats when an update is delivered twice. */
export function dedupeKey(body: unknown): string | null {
  return parseZaloBody(body)?.message.message_id ?? null;
}

/** Returns null for shapes and events we do not handle (stickers, voice, ...); the caller logs them. */
export function mapZaloUpdate(body: unknown, botInfo: ZaloBotInfo): Incoming | null {
  const update = parseZaloBody(body);
  if (!update) return null;
  const { message } = update;
  const chatType = CHAT_TYPES[message.chat.chat_type];
  if (!chatType || message.from.is_bot === true || message.from.id === botInfo.id) return null;
  const content = contentOf(update.event_name, message);
  if (!content) return null;
  const { text, mentioned } = stripMention(stripControl(content.text), botNames(botInfo));
  const command = parseCommand(text);
  const incoming: Incoming = {
    platform: 'zalo',
    chat: { id: message.chat.id, type: chatType },
    sender: { id: message.from.id, name: senderName(message) },
    text,
    attachments: content.photoUrl ? [{ kind: 'photo', fileId: content.photoUrl }] : [],
    addressed: chatType === 'private' || mentioned || command !== undefined,
    date: dateOf(message.date),
  };
  if (command) incoming.command = command;
  return incoming;
}

function contentOf(eventName: string | undefined, message: ZaloMessage): { text: string; photoUrl?: string } | null {
  const photoUrl = message.photo_url ?? (typeof message.photo === 'string' ? message.photo : undefined);
  // Some documented samples omit event_name; fall back to what the message carries.
  const event = eventName ?? (message.text !== undefined ? 'message.text.received' : 'message.image.received');
  if (event === 'message.text.received') return message.text === undefined ? null : { text: message.text };
  if (event === 'message.image.received')
    return photoUrl ? { text: message.caption ?? message.text ?? '', photoUrl } : null;
  return null;
}

function senderName(message: ZaloMessage): string {
  const { display_name, first_name, name } = message.from;
  return stripControl(display_name ?? first_name ?? name ?? '').trim() || message.from.id;
}

/** Values below 1e11 cannot be millisecond timestamps after 1973, so they are seconds. */
function dateOf(value: number): Date {
  return new Date(value < 1e11 ? value * 1000 : value);
}

function botNames(botInfo: ZaloBotInfo): string[] {
  return [botInfo.display_name, botInfo.account_name]
    .filter((name): name is string => typeof name === 'string' && name.trim() !== '')
    .map((name) => name.trim().normalize('NFC'));
}

function escapeRegExp(input: string): string {
  return input.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function stripMention(raw: string, names: string[]): { text: string; mentioned: boolean } {
  let text = raw.normalize('NFC');
  let mentioned = false;
  for (const name of names) {
    const pattern = new RegExp(`[ \\t]*@${escapeRegExp(name)}(?![\\p{L}\\p{N}_])[ \\t]*`, 'giu');
    const stripped = text.replace(pattern, ' ');
    mentioned ||= stripped !== text;
    text = stripped;
  }
  return { text: mentioned ? text.trim() : raw, mentioned };
}

function parseCommand(text: string): Incoming['command'] {
  const match = /^\/([\p{L}\p{M}\p{N}_]+)(?:@\S*)?(?:\s+([\s\S]*))?$/u.exec(text.trimStart());
  if (!match?.[1]) return undefined;
  return { name: foldCommandName(match[1]), args: (match[2] ?? '').trim() };
}
