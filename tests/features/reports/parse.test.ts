import { describe, expect, it } from 'vitest';
import { interpret } from '../../../src/features/reports/answer.js';
import { isLate, openPeriods } from '../../../src/features/reports/open-periods.js';
import { parseFigure, parseTaskStatus, parseYesNo } from '../../../src/features/shared/answers.js';
import type { PlanQuestion } from '../../../src/kernel/plan.js';

describe('reading report answers', () => {
  it('reads counts and amounts written the Vietnamese way and refuses anything else', () => {
    const read = ['3', '12 cuộc', '15.000.000', '15 000 000', '15,000,000', '15 triệu', '1,5 tỷ đồng', '2k', '0'].map(
      (text) => parseFigure(text),
    );
    expect(read).toEqual([3, 12, 15_000_000, 15_000_000, 15_000_000, 15_000_000, 1_500_000_000, 2000, 0]);
    for (const bad of ['ba', '-3', '3.5', '2,5', '3 hoặc 4', '', '10000000000000'])
      expect(parseFigure(bad)).toBeUndefined();
  });

  it('reads a task status with an optional note that keeps its diacritics', () => {
    expect(parseTaskStatus('Đang thực hiện: đã tổ chức 2 hội nghị')).toEqual({
      status: 'in-progress',
      note: 'đã tổ chức 2 hội nghị',
    });
    expect(parseTaskStatus('xong - đúng tiến độ')).toEqual({ status: 'done', note: 'đúng tiến độ' });
    expect(parseTaskStatus('chưa thực hiện')).toEqual({ status: 'not-started' });
    expect(parseTaskStatus('tốt')).toBeUndefined();
    expect([parseYesNo('Có'), parseYesNo('chưa'), parseYesNo('có lẽ')]).toEqual([true, false, undefined]);
  });

  it('takes a figure typed over a prefill offer as the answer where typed numbers do not pick options', () => {
    const question = {
      id: 'so-hop-bao',
      type: 'number',
      prompt: 'Số cuộc họp báo',
      optional: false,
      prefill: ['hop-bao'],
    } as PlanQuestion;
    expect(interpret(question, false, { text: '5' }, 'ask')).toEqual({ kind: 'value', value: 5 });
    expect(interpret(question, false, { text: 'Giữ 3', choice: 'keep:3' }, 'ask')).toEqual({ kind: 'value', value: 3 });
    expect(interpret(question, false, { text: '', choice: 'keep:3' }, 'typing')).toMatchObject({ kind: 'error' });
  });
});

describe('which periods take reports', () => {
  const yearly = {
    id: 'nam',
    title: 'Năm',
    frequency: 'yearly',
    cutoff: 'nd09',
    deadline: { day: 13, month: 12, wording: 'x' },
  } as const;

  it('keeps a yearly period open 30 days after its deadline while the next one opens on 15/12', () => {
    const keys = (year: number, month: number, day: number) =>
      openPeriods(yearly, { year, month, day }).map((p) => p.key);
    expect(keys(2026, 12, 14)).toEqual(['2026']);
    expect(keys(2026, 12, 15)).toEqual(['2026', '2027']);
    expect(keys(2027, 1, 12)).toEqual(['2026', '2027']);
    expect(keys(2027, 1, 13)).toEqual(['2027']);
  });

  it('counts a submission late only after the deadline day ends in Vietnam', () => {
    const [period] = openPeriods(yearly, { year: 2026, month: 12, day: 1 });
    expect(isLate(period!, new Date('2026-12-13T23:59:59+07:00'))).toBe(false);
    expect(isLate(period!, new Date('2026-12-14T00:00:00+07:00'))).toBe(true);
  });
});
