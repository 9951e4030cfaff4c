import { findMutedUntil, setMutedUntil } from '../../db/index.js';
import { toVnDate, vnDateKey } from '../../kernel/calendar/vn-time.js';
import type { Command } from '../../bot/context.js';
import { muteText } from '../../messages/reminders.js';

export const unmute: Command = {
  name: 'batnhac',
  aliases: ['unmute'],
  description: muteText.descriptionUnmute,
  async run(ctx) {
    const { db } = ctx.services;
    const until = await findMutedUntil(db, ctx.actor.personId);
    if (until === null) {
      ctx.reply(muteText.notMuted);
      return;
    }
    await setMutedUntil(db, ctx.actor.personId, null, ctx.now);
    ctx.reply(until >= vnDateKey(toVnDate(ctx.now)) ? muteText.unmuted : muteText.notMuted);
  },
};
