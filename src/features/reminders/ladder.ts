import type { HolidayCalendar } from '../../kernel/calendar/holidays.js';
import { addDays, diffDays, toVnDate, vnInstant, type VnDate } from '../../kernel/calendar/vn-time.js';
import { isQuiet, nextSendableInstant, type QuietHours } from '../../kernel/calendar/working-time.js';

// When each reminder of a period goes out. A step is a number of days from the deadline (negative before),
// sent at the working morning of that day; a day off or quiet hours push it to the next working morning.

export const defaultReminderOffsets = [-7, -3, -1, 0, 1, 3, 7];
export const digestStep = 'digest';

export interface LadderStep {
  /** 'd-7', 'd0', 'd+3', or 'digest' (the leaders' summary the morning after the deadline). */
  step: string;
  at: Date;
}

export interface LadderSettings {
  calendar: HolidayCalendar;
  quietHours: QuietHours;
}

const stepName = (offset: number): string => (offset > 0 ? `d+${offset}` : `d${offset}`);

/** The first hour from 8:00 that is not quiet (quiet hours may be configured to end after 8). */
export function morningHour(quiet: QuietHours): number {
  let hour = 8;
  while (hour < 23 && isQuiet(vnInstant({ year: 2026, month: 1, day: 5 }, hour), quiet)) hour++;
  return hour;
}

/** The officers' ladder, earliest first, with steps that another step overtakes removed. */
export function reminderLadder(deadline: VnDate, offsets: number[], settings: LadderSettings): LadderStep[] {
  const sorted = [...new Set(offsets)].sort((a, b) => a - b);
  const steps = sorted.map((offset) => ({ step: stepName(offset), at: stepTime(deadline, offset, settings) }));
  // After shifting, a later step may land at or before an earlier one: the later (more urgent) one wins.
  return steps.filter((s, i) => !steps.slice(i + 1).some((later) => later.at <= s.at));
}

export function digestTime(deadline: VnDate, settings: LadderSettings): Date {
  return forward(addDays(deadline, 1), settings);
}

/**
 * A step due by the deadline never moves past it ("trước ngày X" is not extended): when the next working
 * morning would be after the deadline day, it goes out the last working morning before instead.
 */
function stepTime(deadline: VnDate, offset: number, settings: LadderSettings): Date {
  const at = forward(addDays(deadline, offset), settings);
  if (offset > 0 || diffDays(toVnDate(at), deadline) <= 0) return at;
  return lastWorkingMorning(deadline, settings) ?? at;
}

function forward(day: VnDate, settings: LadderSettings): Date {
  const hour = morningHour(settings.quietHours);
  return nextSendableInstant(vnInstant(day, hour), settings.calendar, settings.quietHours, hour);
}

function lastWorkingMorning(day: VnDate, settings: LadderSettings): Date | undefined {
  for (let back = 0; back <= 30; back++) {
    const candidate = addDays(day, -back);
    if (!settings.calendar.isDayOff(candidate)) return vnInstant(candidate, morningHour(settings.quietHours));
  }
  return undefined;
}
