import { listPrivateChats, type OutgoingMessage } from '../../db/index.js';
import type { Ctx } from '../../bot/context.js';
import { noticeTime } from '../shared/notice-time.js';

/** One message to each private chat of these people, outside quiet hours, once per `key`. */
export async function privateNotices(
  ctx: Ctx,
  personIds: number[],
  text: string,
  key: string,
): Promise<OutgoingMessage[]> {
  const chats = await listPrivateChats(ctx.services.db, personIds);
  const notBefore = noticeTime(ctx.now, ctx.services.config.quietHours);
  return chats.map((c) => ({
    platform: c.platform,
    chatId: c.chatId,
    isGroup: false,
    text,
    notBefore,
    idemKey: `${key}:${c.platform}:${c.chatId}`,
  }));
}
