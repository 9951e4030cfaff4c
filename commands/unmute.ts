import { findMutedUntil, setMutedUntil } from '../db/index.js';
import { toVnDate, vnDateKey } from '../src/core/calendar/vn-time.js';
import type { Command } from '../src/core/context.js';
import { muteText } from '../src/messages/reminders.js';

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
