import { deadlineInstant, periodsBetween, type Period, type PeriodDuty } from '../../kernel/calendar/periods.js';
import { addDays, diffDays, type VnDate } from '../../kernel/calendar/vn-time.js';

// Which periods of a duty take reports today. A recurring period opens when its data window starts and
// stays open until LATE_WINDOW_DAYS after its deadline (late reports are still taken, flagged late).
// A one-off duty is open from the moment it exists until the same window after its date.

export const LATE_WINDOW_DAYS = 30;

// A year and a bit: enough to reach the next yearly period from anywhere in the current one.
const LOOK_AHEAD_DAYS = 400;

export function openPeriods(duty: PeriodDuty, today: VnDate): Period[] {
  return candidates(duty, today).filter((p) => isOpen(duty, p, today));
}

/** The first period that is not open yet (none for one-off duties). */
export function upcomingPeriod(duty: PeriodDuty, today: VnDate): Period | undefined {
  if (duty.frequency === 'once') return undefined;
  return candidates(duty, today).find((p) => diffDays(p.start, today) > 0);
}

export function isOpen(duty: PeriodDuty, period: Period, today: VnDate): boolean {
  const started = duty.frequency === 'once' || diffDays(today, period.start) >= 0;
  return started && diffDays(addDays(period.deadline, LATE_WINDOW_DAYS), today) >= 0;
}

/** A submission after the deadline day (Vietnam time) is late. */
export function isLate(period: Period, at: Date): boolean {
  return at.getTime() > deadlineInstant(period).getTime();
}

function candidates(duty: PeriodDuty, today: VnDate): Period[] {
  return periodsBetween(duty, addDays(today, -LATE_WINDOW_DAYS), addDays(today, LOOK_AHEAD_DAYS));
}
