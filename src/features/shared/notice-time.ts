import { vnHour } from '../../kernel/calendar/vn-time.js';
import { isQuiet } from '../../kernel/calendar/working-time.js';
import type { QuietHours } from '../../kernel/calendar/working-time.js';

/** Personal notices wait out the quiet hours (nobody wants a ping at night). */
export function noticeTime(now: Date, quiet: QuietHours): Date | undefined {
  if (!isQuiet(now, quiet)) return undefined;
  const hoursLeft = (quiet.end - vnHour(now) + 24) % 24;
  const next = new Date(now.getTime() + hoursLeft * 3_600_000);
  next.setUTCMinutes(0, 0, 0);
  return next;
}
