import { calendarMessages } from '../../messages/calendar.js';
import type { PlanDuty } from '../plan.js';
import { addDays, daysInMonth, diffDays, parseDateKey, vnInstant, type VnDate } from './vn-time.js';

// Reporting periods of a duty. Cut-offs follow Nghị định 09/2019/NĐ-CP (data from the 15th of the month
// before a period to the 14th of its last month) unless the duty asks for natural calendar windows.

export interface Period {
  key: string;
  label: string;
  start: VnDate;
  end: VnDate;
  /** Last day to submit, inclusive. */
  deadline: VnDate;
}

export type PeriodDuty = Pick<PlanDuty, 'id' | 'title' | 'frequency' | 'cutoff' | 'deadline'>;

type Recurring = Exclude<PlanDuty['frequency'], 'once'>;
type RecurringDuty = PeriodDuty & { frequency: Recurring };

const monthsPerPeriod: Record<Recurring, number> = { monthly: 1, quarterly: 3, 'half-year': 6, yearly: 12 };
const labels = calendarMessages.period;

export function periodsBetween(duty: PeriodDuty, from: VnDate, to: VnDate): Period[] {
  if (!isRecurring(duty)) {
    const once = oncePeriod(duty);
    return inRange(once.deadline, from, to) ? [once] : [];
  }
  const periods: Period[] = [];
  for (let n = firstIndexDueFrom(duty, from); ; n++) {
    const period = recurringPeriod(duty, n);
    if (diffDays(period.deadline, to) > 0) return periods;
    periods.push(period);
  }
}

/** The earliest period still open: its deadline plus `graceDays` has not passed. */
export function currentPeriod(duty: PeriodDuty, today: VnDate, graceDays = 7): Period {
  if (!isRecurring(duty)) return oncePeriod(duty);
  return recurringPeriod(duty, firstIndexDueFrom(duty, addDays(today, -graceDays)));
}

export function previousPeriod(duty: PeriodDuty, period: Period): Period | undefined {
  if (!isRecurring(duty)) return undefined;
  return recurringPeriod(duty, indexOfMonth(duty.frequency, period.end) - 1);
}

/** 23:59:59 Vietnam time on the deadline day. */
export function deadlineInstant(period: Period): Date {
  return new Date(vnInstant(addDays(period.deadline, 1)).getTime() - 1000);
}

const isRecurring = (duty: PeriodDuty): duty is RecurringDuty => duty.frequency !== 'once';

const inRange = (d: VnDate, from: VnDate, to: VnDate): boolean => diffDays(d, from) >= 0 && diffDays(to, d) >= 0;

// Deadlines grow with the period index, so step back from a nearby index, then forward to the first one.
function firstIndexDueFrom(duty: RecurringDuty, from: VnDate): number {
  let n = indexOfMonth(duty.frequency, from);
  while (diffDays(recurringPeriod(duty, n - 1).deadline, from) >= 0) n--;
  while (diffDays(recurringPeriod(duty, n).deadline, from) < 0) n++;
  return n;
}

/** Periods are numbered continuously: year × periods-per-year + position in the year. */
function indexOfMonth(frequency: Recurring, d: VnDate): number {
  const length = monthsPerPeriod[frequency];
  return d.year * (12 / length) + Math.floor((d.month - 1) / length);
}

function recurringPeriod(duty: RecurringDuty, n: number): Period {
  const length = monthsPerPeriod[duty.frequency];
  const perYear = 12 / length;
  const year = Math.floor(n / perYear);
  const position = n - year * perYear;
  const lastMonth = (position + 1) * length;
  const firstMonth = lastMonth - length + 1;
  return {
    key: periodKey(duty.frequency, year, position + 1, lastMonth),
    label: periodLabel(duty.frequency, year, position + 1, lastMonth),
    ...window(duty.cutoff, year, firstMonth, lastMonth),
    deadline: recurringDeadline(duty, year, lastMonth),
  };
}

function window(cutoff: PeriodDuty['cutoff'], year: number, firstMonth: number, lastMonth: number) {
  if (cutoff === 'calendar') {
    const end = { year, month: lastMonth, day: daysInMonth(year, lastMonth) };
    return { start: { year, month: firstMonth, day: 1 }, end };
  }
  const start = firstMonth === 1 ? { year: year - 1, month: 12, day: 15 } : { year, month: firstMonth - 1, day: 15 };
  return { start, end: { year, month: lastMonth, day: 14 } };
}

function recurringDeadline(duty: RecurringDuty, year: number, lastMonth: number): VnDate {
  const { day, month, monthsAfterCutoff = 0 } = duty.deadline;
  if (day === undefined) throw new Error(calendarMessages.duty.missingDay(duty.id));
  if (duty.frequency === 'yearly' && month !== undefined) return clampedDate(year, month, day);
  const target = lastMonth - 1 + monthsAfterCutoff;
  return clampedDate(year + Math.floor(target / 12), (target % 12) + 1, day);
}

/** "Ngày 31" in a shorter month means its last day. */
function clampedDate(year: number, month: number, day: number): VnDate {
  return { year, month, day: Math.min(day, daysInMonth(year, month)) };
}

function oncePeriod(duty: PeriodDuty): Period {
  const date = duty.deadline.date === undefined ? undefined : parseDateKey(duty.deadline.date);
  if (!date) throw new Error(calendarMessages.duty.missingDate(duty.id));
  return { key: 'once', label: duty.title, start: date, end: date, deadline: date };
}

function periodKey(frequency: Recurring, year: number, position: number, lastMonth: number): string {
  if (frequency === 'yearly') return String(year);
  if (frequency === 'quarterly') return `${year}-Q${position}`;
  if (frequency === 'half-year') return `${year}-H${position}`;
  return `${year}-${String(lastMonth).padStart(2, '0')}`;
}

function periodLabel(frequency: Recurring, year: number, position: number, lastMonth: number): string {
  if (frequency === 'yearly') return labels.year(year);
  if (frequency === 'quarterly') return labels.quarter(position, year);
  if (frequency === 'half-year') return labels.halfYear(position, year);
  return labels.month(lastMonth, year);
}
