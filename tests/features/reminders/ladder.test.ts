import { describe, expect, it } from 'vitest';
import {
  defaultReminderOffsets,
  digestTime,
  morningHour,
  reminderLadder,
} from '../../../src/features/reminders/ladder.js';
import { loadHolidayCalendar } from '../../../src/kernel/calendar/holidays.js';
import { defaultQuietHours } from '../../../src/kernel/calendar/working-time.js';

const calendar = loadHolidayCalendar();
const settings = { calendar, quietHours: defaultQuietHours };
const vn = (d: Date) => new Date(d.getTime() + 7 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
const ladder = (
  deadline: { year: number; month: number; day: number },
  offsets = defaultReminderOffsets,
  s = settings,
) => reminderLadder(deadline, offsets, s).map((step) => `${step.step} ${vn(step.at)}`);

describe('reminder ladder', () => {
  it('moves steps off days off, keeps steps due by a Sunday deadline before it, and drops overtaken steps', () => {
    expect(ladder({ year: 2026, month: 12, day: 13 })).toEqual([
      'd-7 2026-12-07 08:00', // Sunday 6/12 -> Monday morning
      'd-3 2026-12-10 08:00',
      // d-1 (Saturday) and d0 (the Sunday deadline) both go out the last working morning before it: d0 wins
      'd0 2026-12-11 08:00',
      'd+1 2026-12-14 08:00',
      'd+3 2026-12-16 08:00',
      'd+7 2026-12-21 08:00', // Sunday 20/12 -> Monday
    ]);
    expect(vn(digestTime({ year: 2026, month: 12, day: 13 }, settings))).toBe('2026-12-14 08:00');
  });

  it('pushes a step that falls in Tết to the first working morning after it', () => {
    // Tết 2026: 14/2 - 22/2. d-7 (18/2) and d-3 (22/2) both land on Monday 23/2: the later step is kept.
    expect(ladder({ year: 2026, month: 2, day: 25 })).toEqual([
      'd-3 2026-02-23 08:00',
      'd-1 2026-02-24 08:00',
      'd0 2026-02-25 08:00',
      'd+1 2026-02-26 08:00',
      'd+3 2026-03-02 08:00',
      'd+7 2026-03-04 08:00',
    ]);
  });

  it('follows the offsets a plan configures, whatever their order', () => {
    expect(ladder({ year: 2026, month: 12, day: 15 }, [0, -5, 2])).toEqual([
      'd-5 2026-12-10 08:00',
      'd0 2026-12-15 08:00',
      'd+2 2026-12-17 08:00',
    ]);
  });

  it('sends at the first hour after quiet hours when they end later than 8:00', () => {
    const late = { calendar, quietHours: { start: 20, end: 9 } };
    expect(morningHour(late.quietHours)).toBe(9);
    expect(ladder({ year: 2026, month: 12, day: 15 }, [-7], late)).toEqual(['d-7 2026-12-08 09:00']);
  });
});
