import { z } from 'zod';
import type { Incoming } from '../../kernel/message.js';
import { stripControl } from '../../kernel/text.js';

// The bot's own membership of a group, from a `my_chat_member` update. Telegram also posts a service message
// (new_chat_members / left_chat_member) for the same change; that one carries no text and is ignored by the
// message mapper, so the group is greeted once.

const memberShape = z.object({ status: z.string(), user: z.object({ id: z.number() }) });
const updateShape = z.object({
  chat: z.object({ id: z.number(), type: z.string(), title: z.string().optional() }),
  from: z.object({
    id: z.number(),
    first_name: z.string().optional(),
    last_name: z.string().optional(),
    username: z.string().optional(),
  }),
  date: z.number(),
  old_chat_member: memberShape,
  new_chat_member: memberShape,
});

const OUT = new Set(['left', 'kicked']);

/** A bot-added or bot-removed event for a group; null for a private chat or a change of rights only. */
export function mapMyChatMember(raw: unknown, botId: number): Incoming | null {
  const parsed = updateShape.safeParse(raw);
  if (!parsed.success) return null;
  const { chat, from, date, old_chat_member: before, new_chat_member: after } = parsed.data;
  if (chat.type === 'private' || after.user.id !== botId) return null;
  const wasIn = !OUT.has(before.status);
  const isIn = !OUT.has(after.status);
  if (wasIn === isIn) return null;
  const name = stripControl([from.first_name, from.last_name].filter(Boolean).join(' ')).trim();
  return {
    platform: 'telegram',
    chat: { id: String(chat.id), type: 'group', title: chat.title },
    sender: { id: String(from.id), name: name || from.username || `Người dùng ${from.id}`, username: from.username },
    text: '',
    attachments: [],
    addressed: true,
    date: new Date(date * 1000),
    membership: { kind: isIn ? 'bot-added' : 'bot-removed' },
  };
}
