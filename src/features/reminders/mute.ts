import { setMutedUntil } from '../../db/index.js';
import { parseVietnameseDate } from '../../kernel/calendar/parse-date.js';
import {
  addDays,
  dayOfWeek,
  diffDays,
  formatVnDate,
  isValidVnDate,
  toVnDate,
  vnDateKey,
  type VnDate,
} from '../../kernel/calendar/vn-time.js';
import type { Command } from '../../bot/context.js';
import { UserError } from '../../bot/errors.js';
import { normalize } from '../../kernel/text.js';
import { dateWithWeekday, muteText } from '../../messages/reminders.js';

// /tatnhac <đến ngày>: leave from reminders through that day (inclusive). Other officers of the agency are
// still reminded, and the agency stays on the group's missing list.

const MAX_DAYS = 90;

export const mute: Command = {
  name: 'tatnhac',
  aliases: ['mute'],
  description: muteText.descriptionMute,
  async run(ctx, args) {
    if (!args.trim()) {
      ctx.reply(muteText.usage);
      return;
    }
    const until = parseMuteUntil(args, ctx.now);
    await setMutedUntil(ctx.services.db, ctx.actor.personId, vnDateKey(until), ctx.now);
    ctx.reply(muteText.muted(dateWithWeekday(formatVnDate(until), dayOfWeek(until))));
  },
};

export function parseMuteUntil(text: string, now: Date): VnDate {
  const parsed = parseVietnameseDate(text, now);
  if (!parsed) throw new UserError(muteText.badDate(text.trim().slice(0, 40)));
  if (parsed.kind === 'invalid') throw new UserError(muteText.impossibleDate(parsed.text));
  const today = toVnDate(now);
  const until = towardFuture(parsed.date, today, normalize(text));
  if (diffDays(until, today) < 0) throw new UserError(muteText.datePassed(formatVnDate(until)));
  if (diffDays(until, today) === 0) throw new UserError(muteText.notFuture);
  const last = addDays(today, MAX_DAYS);
  if (diffDays(until, last) > 0) throw new UserError(muteText.tooFar(MAX_DAYS, formatVnDate(last)));
  return until;
}

const dayMonthOnly = /(?<!\d)\d{1,2}[/.-]\d{1,2}(?![/.-]?\d)|thang\s+\d{1,2}(?!\s+nam)/;
const bareWeekday = /(?<![\p{L}\p{N}])(thu\s+(hai|ba|tu|nam|sau|bay|[2-7])|chu\s+nhat)(?![\p{L}\p{N}])/u;

// The date parser reads a date without a year, or a bare weekday, as the latest one not after today (right for
// logging past work); leave is always ahead, so such a date means its next occurrence, unless that is beyond
// the longest pause: "20/11" typed on 2/12 is a day that has passed, not November next year.
function towardFuture(date: VnDate, today: VnDate, normalized: string): VnDate {
  if (diffDays(date, today) > 0) return date;
  if (dayMonthOnly.test(normalized)) {
    const next = { ...date, year: date.year + 1 };
    const reachable = isValidVnDate(next.year, next.month, next.day) && diffDays(next, today) <= MAX_DAYS;
    return reachable ? next : date;
  }
  if (bareWeekday.test(normalized) && !normalized.includes('tuan')) return addDays(date, 7);
  return date;
}
