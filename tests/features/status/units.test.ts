import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PeriodDuty } from '../../../src/kernel/calendar/periods.js';
import { monthsSoFar } from '../../../src/features/status/documents.js';
import { parseExportArgs } from '../../../src/features/status/export-args.js';
import { fitLists } from '../../../src/features/status/fit-lists.js';
import { statusIntent, statusQuestionArgs } from '../../../src/features/status/intent.js';
import { choosePeriod, periodByKey, type DutyRef } from '../../../src/kernel/calendar/period-choice.js';

const duty = (id: number, spec: Partial<PeriodDuty> & Pick<PeriodDuty, 'frequency'>): DutyRef => ({
  id,
  slug: `d${id}`,
  spec: {
    id: `d${id}`,
    title: `Báo cáo ${id}`,
    cutoff: 'nd09',
    deadline: { day: 15, month: 12, wording: '' },
    ...spec,
  },
});
const yearly = duty(1, { frequency: 'yearly' });
const quarterly = duty(2, { frequency: 'quarterly', deadline: { day: 5, monthsAfterCutoff: 0, wording: '' } });
const pastOnce = duty(3, { frequency: 'once', deadline: { date: '2022-04-29', wording: '' } });

describe('choosing the period of a status view', () => {
  it('follows the open duty with the nearest deadline, not a past one-off', () => {
    const chosen = choosePeriod([pastOnce, yearly], { year: 2026, month: 11, day: 21 });
    expect(chosen.duty?.id).toBe(1);
    expect(chosen.period.key).toBe('2026');
    expect(chosen.previous?.key).toBe('2025');
    expect(choosePeriod([yearly, quarterly], { year: 2026, month: 11, day: 21 }).period.key).toBe('2026-Q4');
  });

  it('counts a network without duties by calendar year', () => {
    const chosen = choosePeriod([], { year: 2026, month: 3, day: 1 });
    expect(chosen.duty).toBeUndefined();
    expect([chosen.period.label, chosen.period.start, chosen.period.end]).toEqual([
      'năm 2026',
      { year: 2026, month: 1, day: 1 },
      { year: 2026, month: 12, day: 31 },
    ]);
    expect(chosen.previous?.key).toBe('2025');
  });

  it('finds the period a key names in a duty of that frequency', () => {
    const q = periodByKey([yearly, quarterly], '2026-q4');
    expect([q?.duty?.id, q?.period.key, q?.period.label, q?.previous?.key]).toEqual([
      2,
      '2026-Q4',
      'quý IV/2026',
      '2026-Q3',
    ]);
    expect(periodByKey([yearly], '2025')?.period.start).toEqual({ year: 2024, month: 12, day: 15 });
    expect(periodByKey([yearly], '2026-11')).toBeUndefined();
    expect(periodByKey([yearly], 'năm ngoái')).toBeUndefined();
    expect(periodByKey([pastOnce], 'once')?.period.deadline).toEqual({ year: 2022, month: 4, day: 29 });
  });
});

describe('fitting lists into one screen', () => {
  const items = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);
  const more = (n: number) => `+${n}`;

  it('shares the lines, earlier lists first, and says how many are hidden', () => {
    const [a, b] = fitLists(
      [
        { items: items('a', 10), more },
        { items: items('b', 10), more },
      ],
      8,
    );
    expect(a).toEqual(['a1', 'a2', 'a3', '+7']);
    expect(b).toEqual(['b1', 'b2', 'b3', '+7']);
    expect(
      fitLists(
        [
          { items: items('a', 3), more },
          { items: [], more },
        ],
        8,
      ),
    ).toEqual([['a1', 'a2', 'a3'], []]);
  });

  it('never goes over the budget and hides nothing that fits', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(30), { minLength: 1, maxLength: 5 }), fc.nat(40), (sizes, extra) => {
        const lists = sizes.map((n, i) => ({ items: items(`l${i}-`, n), more }));
        const budget = sizes.filter((n) => n > 0).length + extra;
        const fitted = fitLists(lists, budget);
        const used = fitted.reduce((sum, lines) => sum + lines.length, 0);
        expect(used).toBeLessThanOrEqual(budget);
        const total = sizes.reduce((sum, n) => sum + n, 0);
        if (total <= budget) expect(fitted.flat()).toHaveLength(total);
        fitted.forEach((lines, i) => {
          const shown = lines.filter((line) => !line.startsWith('+')).length;
          if (shown < sizes[i]!) expect(lines.at(-1)).toBe(`+${sizes[i]! - shown}`);
        });
      }),
    );
  });
});

describe("reading leaders' requests", () => {
  it.each([
    ['tinh hinh bao cao the nao', ''],
    ['tinh hinh', ''],
    ['tinh hinh nop bao cao cua xa cam thanh the nao', 'xa cam thanh'],
    ['cho toi xem tinh hinh so tu phap', 'so tu phap'],
    ['ai chua nop bao cao', ''],
  ])('"%s" asks about "%s"', (normalized, args) => {
    expect(statusIntent.patterns.some((p) => p.test(normalized))).toBe(true);
    expect(statusQuestionArgs(normalized)).toBe(args);
  });

  it.each(['tong hop giup toi', 'con ai chua nop', 'nhung don vi nao chua gui bao cao', 'bao nhieu co quan da nop'])(
    'recognises "%s"',
    (text) => {
      expect(statusIntent.patterns.some((p) => p.test(text))).toBe(true);
    },
  );

  it.each(['toi chua nop bao cao', 'nop bao cao', 'tong hop hoat dong cua toi tuan nay'])(
    'leaves "%s" to other commands',
    (text) => {
      expect(statusIntent.patterns.some((p) => p.test(text))).toBe(false);
    },
  );

  it('takes formats, a period key and a network name in any order', () => {
    expect(parseExportArgs('excel vinh phuc 2026-q4')).toEqual({
      formats: ['xlsx'],
      periodKey: '2026-Q4',
      network: 'vinh phuc',
    });
    expect(parseExportArgs('')).toEqual({ formats: ['xlsx', 'docx'], periodKey: undefined, network: '' });
    expect(parseExportArgs('Word cam-thanh')).toEqual({
      formats: ['docx'],
      periodKey: undefined,
      network: 'cam-thanh',
    });
  });
});

describe('months on the chart', () => {
  it('lists every month of the period up to today, quiet ones as zero', () => {
    const months = monthsSoFar({ from: '2025-12-15', to: '2026-12-14' }, new Date('2026-03-02T09:00:00+07:00'), [
      { month: '2026-02', count: 4 },
    ]);
    expect(months).toEqual([
      { month: '2025-12', count: 0 },
      { month: '2026-01', count: 0 },
      { month: '2026-02', count: 4 },
      { month: '2026-03', count: 0 },
    ]);
  });
});
