import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { z } from 'zod';
import { calendarMessages } from '../../messages/calendar.js';
import { dayOfWeek, parseDateKey, vnDateKey, type VnDate } from './vn-time.js';

// Holidays and swapped working days come from an editable yearly table (calendar/holidays-vn.yaml),
// because the government fixes them each year: they cannot be computed from rules alone.

export interface HolidayCalendar {
  /** Weekend (unless a swapped workday) or a listed day off. */
  isDayOff(d: VnDate): boolean;
  holidayName(d: VnDate): string | undefined;
}

const msg = calendarMessages.holidayTable;

const entrySchema = z.object({
  date: z.string().refine((key) => parseDateKey(key) !== undefined, msg.badDate),
  name: z.string().min(1),
  type: z.enum(['off', 'workday']),
  estimated: z.boolean().default(false),
});

type HolidayEntry = z.infer<typeof entrySchema>;

const tableSchema = z.object({ days: z.array(entrySchema).min(1) }).superRefine((table, ctx) => {
  const seen = new Set<string>();
  table.days.forEach((entry, index) => {
    const path = ['days', index, 'date'];
    if (seen.has(entry.date)) ctx.addIssue({ code: 'custom', path, message: msg.duplicate(entry.date) });
    seen.add(entry.date);
    if (entry.type === 'workday' && !isWeekendKey(entry.date)) {
      ctx.addIssue({ code: 'custom', path, message: msg.workdayNotWeekend(entry.date) });
    }
  });
});

function isWeekendKey(key: string): boolean {
  const d = parseDateKey(key);
  return d !== undefined && isWeekend(d);
}

function isWeekend(d: VnDate): boolean {
  const dow = dayOfWeek(d);
  return dow === 0 || dow === 6;
}

const defaultHolidayTablePath = (): string =>
  fileURLToPath(new URL('../../../calendar/holidays-vn.yaml', import.meta.url));

export function loadHolidayCalendar(path = defaultHolidayTablePath()): HolidayCalendar {
  const parsed = tableSchema.safeParse(parse(readFileSync(path, 'utf8')));
  if (!parsed.success) throw new Error(msg.invalid(path, z.prettifyError(parsed.error)));
  return buildHolidayCalendar(parsed.data.days);
}

function buildHolidayCalendar(entries: HolidayEntry[]): HolidayCalendar {
  const byDate = new Map(entries.map((entry) => [entry.date, entry]));
  return {
    isDayOff(d) {
      const entry = byDate.get(vnDateKey(d));
      if (entry) return entry.type === 'off';
      return isWeekend(d);
    },
    holidayName(d) {
      const entry = byDate.get(vnDateKey(d));
      return entry?.type === 'off' ? entry.name : undefined;
    },
  };
}
