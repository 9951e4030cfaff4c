import { addDays, diffDays, type VnDate } from './vn-time.js';
import { currentPeriod, periodsBetween, previousPeriod, type Period, type PeriodDuty } from './periods.js';
import type { Frequency } from '../plan.js';

// Which reporting period a leader's view is about. A network may have several duties: the view follows
// the open one with the nearest deadline, or the duty whose period a key such as "2026-Q4" names.

export interface DutyRef {
  id: number;
  slug: string;
  spec: PeriodDuty & { reporters?: unknown; receiverAgency?: string; template?: string };
}

export interface ChosenPeriod {
  /** Undefined when the network has no reporting duty: the window is then the calendar year. */
  duty?: DutyRef;
  period: Period;
  previous?: Period;
}

/** Stand-in duty for networks without one, so activities are still counted per calendar year. */
const calendarYear: PeriodDuty = {
  id: 'calendar-year', title: '', frequency: 'yearly', cutoff: 'calendar', deadline: { day: 31, month: 12, wording: '' },
};

const GRACE_DAYS = 7;

export function choosePeriod(duties: DutyRef[], today: VnDate): ChosenPeriod {
  const open = duties
    .map((duty) => ({ duty, period: currentPeriod(duty.spec, today, GRACE_DAYS) }))
    .filter((entry) => diffDays(addDays(entry.period.deadline, GRACE_DAYS), today) >= 0)
    .sort((a, b) => diffDays(a.period.deadline, b.period.deadline));
  const chosen = open[0] ?? (duties[0] ? { duty: duties[0], period: currentPeriod(duties[0].spec, today, GRACE_DAYS) } : undefined);
  if (!chosen) return withoutDuty(currentPeriod(calendarYear, today, 0));
  return { ...chosen, previous: previousPeriod(chosen.duty.spec, chosen.period) };
}

/** The frequency a period key is written in: "2026", "2026-H1", "2026-Q4", "2026-11" or "once". */
export function keyFrequency(key: string): Frequency | undefined {
  if (/^\d{4}$/.test(key)) return 'yearly';
  if (/^\d{4}-H[12]$/.test(key)) return 'half-year';
  if (/^\d{4}-Q[1-4]$/.test(key)) return 'quarterly';
  if (/^\d{4}-(0[1-9]|1[0-2])$/.test(key)) return 'monthly';
  return key === 'once' ? 'once' : undefined;
}

/** Upper-cases the letter of "2026-q4" so users may type either. */
export function normalizeKey(key: string): string {
  return key.trim().toUpperCase().replace('ONCE', 'once');
}

/** The period a key names, in the first duty of the key's frequency; undefined when there is none. */
export function periodByKey(duties: DutyRef[], rawKey: string): ChosenPeriod | undefined {
  const key = normalizeKey(rawKey);
  const frequency = keyFrequency(key);
  if (!frequency) return undefined;
  const duty = duties.find((d) => d.spec.frequency === frequency);
  if (!duty) return frequency === 'yearly' && duties.length === 0 ? yearWithoutDuty(key) : undefined;
  const period = findPeriod(duty.spec, key);
  return period ? { duty, period, previous: previousPeriod(duty.spec, period) } : undefined;
}

// A period's deadline lies within a few months of its last month, so a window around it finds the period.
function findPeriod(duty: PeriodDuty, key: string): Period | undefined {
  if (key === 'once') return periodsBetween(duty, { year: 1900, month: 1, day: 1 }, { year: 2999, month: 1, day: 1 })[0];
  const year = Number(key.slice(0, 4));
  const around: VnDate = { year, month: 1, day: 1 };
  return periodsBetween(duty, addDays(around, -120), addDays(around, 520)).find((p) => p.key === key);
}

function yearWithoutDuty(key: string): ChosenPeriod | undefined {
  const period = findPeriod(calendarYear, key);
  return period ? withoutDuty(period) : undefined;
}

function withoutDuty(period: Period): ChosenPeriod {
  return { period, previous: previousPeriod(calendarYear, period) };
}
