import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadHolidayCalendar } from '../../src/kernel/calendar/holidays.js';
import { parseVietnameseDate } from '../../src/kernel/calendar/parse-date.js';
import {
  currentPeriod,
  deadlineInstant,
  periodsBetween,
  previousPeriod,
  type Period,
  type PeriodDuty,
} from '../../src/kernel/calendar/periods.js';
import {
  addDays,
  dayOfWeek,
  diffDays,
  formatVnDate,
  parseDateKey,
  toVnDate,
  vnDateKey,
  vnHour,
  vnInstant,
  type VnDate,
} from '../../src/kernel/calendar/vn-time.js';
import { isQuiet, nextSendableInstant } from '../../src/kernel/calendar/working-time.js';

const date = (key: string): VnDate => {
  const d = parseDateKey(key);
  if (!d) throw new Error(`bad test date ${key}`);
  return d;
};
const at = (iso: string) => new Date(`${iso}+07:00`);

describe('vn-time', () => {
  it('reads the Vietnam calendar day of an instant, not the machine one', () => {
    // 17:30 UTC on 31/12 is already 00:30 on 1/1 in Vietnam.
    const instant = new Date('2026-12-31T17:30:00Z');
    expect(toVnDate(instant)).toEqual({ year: 2027, month: 1, day: 1 });
    expect(vnHour(instant)).toBe(0);
  });

  it('builds instants at a Vietnam wall-clock time', () => {
    expect(vnInstant(date('2027-01-01'), 8, 30).toISOString()).toBe('2027-01-01T01:30:00.000Z');
    expect(vnInstant(date('2027-01-01')).toISOString()).toBe('2026-12-31T17:00:00.000Z');
  });

  it('formats and parses date keys, rejecting days that do not exist', () => {
    expect(vnDateKey({ year: 2027, month: 3, day: 5 })).toBe('2027-03-05');
    expect(formatVnDate({ year: 2027, month: 3, day: 5 })).toBe('05/03/2027');
    expect(parseDateKey('2028-02-29')).toEqual({ year: 2028, month: 2, day: 29 });
    expect(parseDateKey('2027-02-29')).toBeUndefined();
    expect(parseDateKey('2026-4-1')).toBeUndefined();
  });

  it('steps across month, year and leap-day boundaries', () => {
    expect(addDays(date('2026-12-31'), 1)).toEqual(date('2027-01-01'));
    expect(addDays(date('2028-03-01'), -1)).toEqual(date('2028-02-29'));
    expect(diffDays(date('2027-01-03'), date('2026-12-28'))).toBe(6);
    expect(dayOfWeek(date('2026-12-06'))).toBe(0);
    expect(dayOfWeek(date('2026-11-21'))).toBe(6);
  });

  it('round-trips any day through an instant at any hour', () => {
    const day = fc.record({
      year: fc.integer({ min: 2000, max: 2100 }),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 28 }),
    });
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 23 }), fc.integer({ min: -400, max: 400 }), (d, hour, shift) => {
        const instant = vnInstant(d, hour);
        expect(toVnDate(instant)).toEqual(d);
        expect(vnHour(instant)).toBe(hour);
        expect(diffDays(addDays(d, shift), d)).toBe(shift);
      }),
    );
  });

  describe('with the machine in another time zone', () => {
    const saved = process.env.TZ;
    beforeAll(() => {
      process.env.TZ = 'America/New_York';
    });
    afterAll(() => {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    });

    it('gives the same Vietnam dates, hours and sendable instants', () => {
      // Sanity check that the zone really changed: New York's local date differs here.
      const instant = new Date('2026-12-06T01:00:00Z');
      expect(instant.getDate()).toBe(5);
      expect(toVnDate(instant)).toEqual(date('2026-12-06'));
      expect(vnHour(instant)).toBe(8);
      expect(vnInstant(date('2026-12-07'), 8).toISOString()).toBe('2026-12-07T01:00:00.000Z');
      expect(nextSendableInstant(instant, loadHolidayCalendar())).toEqual(at('2026-12-07T08:00:00'));
      expect(parseVietnameseDate('hôm qua', at('2027-01-01T00:30:00'))).toMatchObject({ date: date('2026-12-31') });
    });
  });
});

describe('holiday calendar', () => {
  const cal = loadHolidayCalendar();
  const off = (key: string) => cal.isDayOff(date(key));

  it('keeps the whole official Tết 2026 off (14/2 to 22/2) and the days around it working', () => {
    for (let d = date('2026-02-14'); diffDays(d, date('2026-02-22')) <= 0; d = addDays(d, 1)) {
      expect(off(vnDateKey(d))).toBe(true);
      expect(cal.holidayName(d)).toBe('Tết Nguyên đán');
    }
    expect(off('2026-02-13')).toBe(false);
    expect(off('2026-02-23')).toBe(false);
  });

  it('gives Monday 27/4/2026 off for Giỗ Tổ Hùng Vương falling on Sunday', () => {
    expect(off('2026-04-27')).toBe(true);
    expect(cal.holidayName(date('2026-04-27'))).toMatch(/Giỗ Tổ/);
    expect(off('2026-04-28')).toBe(false);
  });

  it('covers 1/1, Giỗ Tổ, 30/4, 1/5, 2/9 and its adjacent day every year 2025-2030', () => {
    const gioTo: Record<number, string> = {
      2025: '04-07',
      2026: '04-26',
      2027: '04-16',
      2028: '04-04',
      2029: '04-23',
      2030: '04-12',
    };
    for (let year = 2025; year <= 2030; year++) {
      for (const day of ['01-01', gioTo[year], '04-30', '05-01', '09-02']) {
        expect(cal.holidayName(date(`${year}-${day}`)), `${year}-${day}`).toBeDefined();
      }
      const adjacent = [date(`${year}-09-01`), date(`${year}-09-03`)].filter((d) => cal.holidayName(d) !== undefined);
      expect(adjacent.length, `2/9/${year}`).toBeGreaterThanOrEqual(1);
    }
  });

  it('covers the lunar new year day of every year 2025-2030', () => {
    for (const key of ['2025-01-29', '2026-02-17', '2027-02-06', '2028-01-26', '2029-02-13', '2030-02-03']) {
      expect(cal.holidayName(date(key)), key).toBe('Tết Nguyên đán');
    }
  });

  it('treats weekends as days off and ordinary weekdays as working days', () => {
    expect(off('2026-12-05')).toBe(true);
    expect(off('2026-12-06')).toBe(true);
    expect(off('2026-12-07')).toBe(false);
    expect(cal.holidayName(date('2026-12-06'))).toBeUndefined();
  });

  it('makes a swapped Saturday a working day and its exchanged weekday a day off', () => {
    expect(off('2025-04-26')).toBe(false);
    expect(cal.holidayName(date('2025-04-26'))).toBeUndefined();
    expect(off('2025-05-02')).toBe(true);
  });

  it('gives the next working day off when a holiday falls on a weekend', () => {
    expect(off('2028-01-03')).toBe(true); // 1/1/2028 is a Saturday
    expect(off('2027-05-03')).toBe(true); // 1/5/2027 is a Saturday
  });

  describe('an edited table', () => {
    let dir: string;
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'daumoi-holidays-'));
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    const write = (name: string, body: string) => {
      const path = join(dir, name);
      writeFileSync(path, body);
      return path;
    };

    it('loads a valid custom table', () => {
      const path = write('ok.yaml', "days:\n  - { date: '2031-01-01', name: 'Tết Dương lịch', type: off }\n");
      expect(loadHolidayCalendar(path).holidayName(date('2031-01-01'))).toBe('Tết Dương lịch');
    });

    it('rejects a day that does not exist, a duplicate and a swapped workday on a weekday', () => {
      const cases = {
        'bad-date.yaml': "days:\n  - { date: '2027-02-29', name: 'X', type: off }\n",
        'dup.yaml':
          "days:\n  - { date: '2027-01-01', name: 'X', type: off }\n" +
          "  - { date: '2027-01-01', name: 'Y', type: off }\n",
        'weekday.yaml': "days:\n  - { date: '2027-01-04', name: 'Làm bù', type: workday }\n",
        'type.yaml': "days:\n  - { date: '2027-01-04', name: 'X', type: holiday }\n",
      };
      const expected = [/YYYY-MM-DD/, /nhiều lần/, /không phải thứ Bảy/, /type/];
      Object.entries(cases).forEach(([name, body], i) => {
        expect(() => loadHolidayCalendar(write(name, body))).toThrow(expected[i]);
      });
    });
  });
});

describe('working time', () => {
  const cal = loadHolidayCalendar();

  it('marks 21:00 to 06:59 as quiet', () => {
    expect(isQuiet(at('2026-12-07T21:00:00'))).toBe(true);
    expect(isQuiet(at('2026-12-07T06:59:00'))).toBe(true);
    expect(isQuiet(at('2026-12-07T07:00:00'))).toBe(false);
    expect(isQuiet(at('2026-12-07T20:59:00'))).toBe(false);
    expect(isQuiet(at('2026-12-07T13:00:00'), { start: 12, end: 14 })).toBe(true);
  });

  it('moves a Sunday morning reminder to Monday 08:00', () => {
    expect(nextSendableInstant(at('2026-12-06T08:00:00'), cal)).toEqual(at('2026-12-07T08:00:00'));
  });

  it('moves a Friday night reminder to Monday 08:00', () => {
    expect(nextSendableInstant(at('2026-12-04T22:30:00'), cal)).toEqual(at('2026-12-07T08:00:00'));
  });

  it('moves an early Tuesday reminder to 08:00 the same day', () => {
    expect(nextSendableInstant(at('2026-12-08T06:00:00'), cal)).toEqual(at('2026-12-08T08:00:00'));
  });

  it('sends at once during working hours on a working day', () => {
    const instant = at('2026-12-08T07:30:00');
    expect(nextSendableInstant(instant, cal)).toBe(instant);
  });

  it('skips the whole Tết holiday and honours a custom morning hour', () => {
    expect(nextSendableInstant(at('2026-02-13T21:15:00'), cal, undefined, 9)).toEqual(at('2026-02-23T09:00:00'));
  });

  it('sends on a swapped working Saturday', () => {
    expect(nextSendableInstant(at('2025-04-25T23:00:00'), cal)).toEqual(at('2025-04-26T08:00:00'));
  });
});

describe('parseVietnameseDate', () => {
  const saturday = at('2026-11-21T10:00:00');
  const ok = (text: string, now: Date = saturday) => {
    const parsed = parseVietnameseDate(text, now);
    if (parsed?.kind !== 'ok') throw new Error(`no date in "${text}": ${JSON.stringify(parsed)}`);
    return { date: vnDateKey(parsed.date), rest: parsed.rest };
  };

  it('reads relative days', () => {
    expect(ok('hôm nay').date).toBe('2026-11-21');
    expect(ok('Hôm qua').date).toBe('2026-11-20');
    expect(ok('hôm kia').date).toBe('2026-11-19');
    expect(ok('ngày mai').date).toBe('2026-11-22');
    expect(ok('ngày hôm qua').date).toBe('2026-11-20');
  });

  it('reads numeric dates with slashes, dashes and dots', () => {
    expect(ok('12/11/2026').date).toBe('2026-11-12');
    expect(ok('12-11-2026').date).toBe('2026-11-12');
    expect(ok('12.11').date).toBe('2026-11-12');
    expect(ok('1/3/25').date).toBe('2025-03-01');
  });

  it('reads "ngày 12 tháng 11" with or without a year', () => {
    expect(ok('ngày 12 tháng 11').date).toBe('2026-11-12');
    expect(ok('Ngày 5 tháng 3 năm 2025 họp').date).toBe('2025-03-05');
  });

  it('takes a day without a year as the most recent one not after today', () => {
    const jan3 = at('2027-01-03T09:00:00');
    expect(ok('28/12', jan3).date).toBe('2026-12-28');
    expect(ok('3/1', jan3).date).toBe('2027-01-03');
    expect(ok('ngày 4 tháng 1', jan3).date).toBe('2026-01-04');
  });

  it('accepts 29/2 only in leap years', () => {
    expect(ok('29/2/2028').date).toBe('2028-02-29');
    expect(parseVietnameseDate('29/2/2027', saturday)).toEqual({ kind: 'invalid', text: '29/2/2027' });
    expect(parseVietnameseDate('họp ngày 31/4', saturday)).toEqual({ kind: 'invalid', text: 'ngày 31/4' });
  });

  it('reads weekdays relative to the Monday-to-Sunday week', () => {
    expect(ok('thứ hai tuần trước').date).toBe('2026-11-09');
    expect(ok('Thứ 6 tuần này').date).toBe('2026-11-20');
    expect(ok('chủ nhật tuần trước').date).toBe('2026-11-15');
    expect(ok('chủ nhật tuần này').date).toBe('2026-11-22');
    expect(ok('thứ ba').date).toBe('2026-11-17');
    expect(ok('thứ bảy').date).toBe('2026-11-21');
    expect(ok('thứ 2 tuần sau').date).toBe('2026-11-23');
  });

  it('reads relative days: parts of a day, "n ngày trước", "tuần trước" alone (a week ago)', () => {
    expect(ok('họp báo sáng nay').date).toBe('2026-11-21');
    expect(ok('Họp báo chiều qua về học phí').rest).toBe('Họp báo về học phí');
    expect(ok('chiều qua').date).toBe('2026-11-20');
    expect(ok('tối hôm qua').date).toBe('2026-11-20');
    expect(ok('đăng 3 bài 3 ngày trước').date).toBe('2026-11-18');
    expect(ok('hai tuần trước').date).toBe('2026-11-07');
    expect(ok('tuần trước họp báo').date).toBe('2026-11-14');
    expect(ok('đăng 3 bài trên cổng thông tin tuần trước').rest).toBe('đăng 3 bài trên cổng thông tin');
    expect(ok('thứ hai tuần trước').date).toBe('2026-11-09');
    expect(parseVietnameseDate('tôi qua Sở Tư pháp', saturday)).toBeNull();
  });

  it('finds nothing in ordinals or document numbers', () => {
    const texts = ['Hội nghị lần thứ hai', 'Nghị định 09/2019/NĐ-CP', 'đạt 3/45 đơn vị', ''];
    for (const text of texts) {
      expect(parseVietnameseDate(text, saturday), text).toBeNull();
    }
  });

  it('matches without diacritics or case', () => {
    expect(ok('HOM QUA hop bao').date).toBe('2026-11-20');
    expect(ok('thu hai tuan truoc').date).toBe('2026-11-09');
  });

  it("returns the rest of the text with the user's diacritics", () => {
    expect(ok('Hôm qua, họp báo về chính sách mới')).toEqual({ date: '2026-11-20', rest: 'họp báo về chính sách mới' });
    expect(ok('Đăng tin ngày 12/11 trên Cổng TTĐT.').rest).toBe('Đăng tin trên Cổng TTĐT.');
    expect(ok('Tập huấn thứ Hai tuần trước cho 40 cán bộ').rest).toBe('Tập huấn cho 40 cán bộ');
    expect(ok('Trả lời phỏng vấn\nhôm nay\nvề Đề án 06').rest).toBe('Trả lời phỏng vấn\nvề Đề án 06');
  });

  it('maps positions back through decomposed (NFD) input', () => {
    // "tư" decomposes to "tu" + U+031B: the mark after the last matched letter goes with the date.
    const text = 'Họp báo thứ tư về đất đai'.normalize('NFD');
    const parsed = ok(text);
    expect(parsed.date).toBe('2026-11-18');
    expect(parsed.rest).toBe('Họp báo về đất đai'.normalize('NFD'));
    expect(ok('Tọa đàm thứ bảy tuần trước'.normalize('NFD')).rest).toBe('Tọa đàm'.normalize('NFD'));
  });
});

describe('reporting periods', () => {
  type Deadline = Partial<PeriodDuty['deadline']>;
  const duty = (
    frequency: PeriodDuty['frequency'],
    deadline: Deadline,
    cutoff: PeriodDuty['cutoff'] = 'nd09',
  ): PeriodDuty => ({
    id: 'bao-cao',
    title: 'Báo cáo rà soát nhân sự',
    frequency,
    cutoff,
    deadline: { wording: 'trước ngày', ...deadline },
  });
  const span = (p: Period) => `${vnDateKey(p.start)}..${vnDateKey(p.end)} -> ${vnDateKey(p.deadline)}`;

  it('monthly (NĐ 09) runs from the 15th of the previous month across the year end', () => {
    const monthly = duty('monthly', { day: 18 });
    const periods = periodsBetween(monthly, date('2026-12-01'), date('2027-01-31'));
    expect(periods.map((p) => [p.key, p.label, span(p)])).toEqual([
      ['2026-12', 'tháng 12/2026', '2026-11-15..2026-12-14 -> 2026-12-18'],
      ['2027-01', 'tháng 1/2027', '2026-12-15..2027-01-14 -> 2027-01-18'],
    ]);
  });

  it('monthly with a calendar cut-off and a deadline in the next month', () => {
    const monthly = duty('monthly', { day: 5, monthsAfterCutoff: 1 }, 'calendar');
    const [dec] = periodsBetween(monthly, date('2027-01-01'), date('2027-01-31'));
    expect(dec && [dec.key, span(dec)]).toEqual(['2026-12', '2026-12-01..2026-12-31 -> 2027-01-05']);
  });

  it('quarterly Q1 (NĐ 09) runs from 15/12 of the previous year to 14/3', () => {
    const quarterly = duty('quarterly', { day: 20 });
    const periods = periodsBetween(quarterly, date('2026-10-01'), date('2027-03-31'));
    expect(periods.map((p) => [p.key, p.label, span(p)])).toEqual([
      ['2026-Q4', 'quý IV/2026', '2026-09-15..2026-12-14 -> 2026-12-20'],
      ['2027-Q1', 'quý I/2027', '2026-12-15..2027-03-14 -> 2027-03-20'],
    ]);
  });

  it('half-year (NĐ 09) splits at 15/6 and 15/12; calendar halves at 1/7', () => {
    const periods = periodsBetween(duty('half-year', { day: 16 }), date('2026-06-01'), date('2027-06-30'));
    expect(periods.map((p) => [p.key, p.label, span(p)])).toEqual([
      ['2026-H1', '6 tháng đầu năm 2026', '2025-12-15..2026-06-14 -> 2026-06-16'],
      ['2026-H2', '6 tháng cuối năm 2026', '2026-06-15..2026-12-14 -> 2026-12-16'],
      ['2027-H1', '6 tháng đầu năm 2027', '2026-12-15..2027-06-14 -> 2027-06-16'],
    ]);
    const calendarDuty = duty('half-year', { day: 10, monthsAfterCutoff: 1 }, 'calendar');
    const calendarHalf = periodsBetween(calendarDuty, date('2027-01-01'), date('2027-01-31'));
    expect(calendarHalf.map(span)).toEqual(['2026-07-01..2026-12-31 -> 2027-01-10']);
  });

  it('yearly 2026 runs 15/12/2025 to 14/12/2026 with the Cẩm Thành deadline 13/12/2026', () => {
    const camThanh = duty('yearly', { day: 13, month: 12 });
    const periods = periodsBetween(camThanh, date('2026-01-01'), date('2026-12-31'));
    expect(periods.map((p) => [p.key, p.label, span(p)])).toEqual([
      ['2026', 'năm 2026', '2025-12-15..2026-12-14 -> 2026-12-13'],
    ]);
    expect(deadlineInstant(periods[0]!).toISOString()).toBe('2026-12-13T16:59:59.000Z');
  });

  it('one-off duties have a single period on their date', () => {
    const once = duty('once', { date: '2022-04-29' });
    const day = date('2022-04-29');
    const expected = { key: 'once', label: 'Báo cáo rà soát nhân sự', start: day, end: day, deadline: day };
    expect(currentPeriod(once, date('2026-01-01'))).toEqual(expected);
    expect(periodsBetween(once, date('2022-01-01'), date('2022-12-31'))).toEqual([expected]);
    expect(periodsBetween(once, date('2023-01-01'), date('2023-12-31'))).toEqual([]);
    expect(previousPeriod(once, expected)).toBeUndefined();
  });

  it('includes deadlines exactly on the range bounds', () => {
    const monthly = duty('monthly', { day: 18 });
    const keys = periodsBetween(monthly, date('2026-12-18'), date('2027-01-18')).map((p) => p.key);
    expect(keys).toEqual(['2026-12', '2027-01']);
    expect(periodsBetween(monthly, date('2026-12-19'), date('2027-01-17'))).toEqual([]);
  });

  it('keeps the current period open for the grace days after its deadline', () => {
    const monthly = duty('monthly', { day: 18 });
    expect(currentPeriod(monthly, date('2026-12-25')).key).toBe('2026-12');
    expect(currentPeriod(monthly, date('2026-12-26')).key).toBe('2027-01');
    expect(currentPeriod(monthly, date('2026-12-19'), 0).key).toBe('2027-01');
    expect(currentPeriod(duty('yearly', { day: 13, month: 12 }), date('2027-01-03')).key).toBe('2027');
  });

  it('steps back to the previous period across year ends', () => {
    const keysBack = (d: PeriodDuty, today: VnDate) => {
      const current = currentPeriod(d, today);
      return [current.key, previousPeriod(d, current)?.key];
    };
    const jan = date('2027-01-03');
    expect(keysBack(duty('monthly', { day: 18 }), jan)).toEqual(['2027-01', '2026-12']);
    expect(keysBack(duty('quarterly', { day: 20 }), jan)).toEqual(['2027-Q1', '2026-Q4']);
    expect(keysBack(duty('half-year', { day: 16 }), jan)).toEqual(['2027-H1', '2026-H2']);
    expect(keysBack(duty('yearly', { day: 15, monthsAfterCutoff: 1 }), jan)).toEqual(['2026', '2025']);
  });

  it('clamps a day beyond the month end to its last day', () => {
    const endOfMonth = duty('monthly', { day: 31 }, 'calendar');
    const [feb] = periodsBetween(endOfMonth, date('2028-02-01'), date('2028-02-29'));
    expect(feb && vnDateKey(feb.deadline)).toBe('2028-02-29');
  });

  it('reports a duty without the deadline day it needs', () => {
    expect(() => currentPeriod(duty('monthly', {}), date('2027-01-03'))).toThrow(/deadline\.day/);
    expect(() => currentPeriod(duty('once', {}), date('2027-01-03'))).toThrow(/deadline\.date/);
  });
});
