import type { HolidayCalendar } from './holidays.js';
import { addDays, toVnDate, vnHour, vnInstant } from './vn-time.js';

// Users complain about bot pings at night and on days off: messages wait for the next working morning.

export interface QuietHours {
  /** First quiet hour (Vietnam time, 0-23). */
  start: number;
  /** First hour after the quiet period. */
  end: number;
}

export const defaultQuietHours: QuietHours = { start: 21, end: 7 };

// A broken table marking everything off must fail loudly rather than loop forever.
const maxDaysAhead = 60;

export function isQuiet(at: Date, quiet: QuietHours = defaultQuietHours): boolean {
  const hour = vnHour(at);
  if (quiet.start <= quiet.end) return hour >= quiet.start && hour < quiet.end;
  return hour >= quiet.start || hour < quiet.end;
}

/** `at` itself when it is outside quiet hours on a working day, else the first working morning after it. */
export function nextSendableInstant(
  at: Date,
  cal: HolidayCalendar,
  quiet: QuietHours = defaultQuietHours,
  morningHour = 8,
): Date {
  const today = toVnDate(at);
  if (!isQuiet(at, quiet) && !cal.isDayOff(today)) return at;
  for (let offset = 0; offset <= maxDaysAhead; offset++) {
    const day = addDays(today, offset);
    const morning = vnInstant(day, morningHour);
    if (morning >= at && !cal.isDayOff(day)) return morning;
  }
  throw new Error(`No working day within ${maxDaysAhead} days after ${at.toISOString()}`);
}
