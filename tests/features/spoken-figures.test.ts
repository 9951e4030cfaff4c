import { afterEach, describe, expect, it } from 'vitest';
import { parseCounts } from '../../src/features/activities/numbers.js';
import { chatAs, OPENING, TASK_ANSWERS, textOf } from '../support/report-chat.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { sqlGet } from '../support/sql.js';

// Figures as officers type them: approximately, in words, or by mistake below zero.

let t: TestApp;
afterEach(async () => t?.close());

const TODAY = new Date('2026-12-02T09:00:00+07:00');

describe('figures in the report conversation', () => {
  it('reads "khoảng 250 lượt" and "năm mươi lăm", and refuses "-3" as negative', async () => {
    t = await createTestApp({ now: TODAY });
    await t.registerOfficer('tp', 'cam-thanh', 'cong-chuc-tu-phap');
    const say = chatAs(t, 'tp');
    await say('/baocao');
    for (const answer of [...OPENING, ...TASK_ANSWERS]) await say(answer);
    const negative = textOf(await say('-3'));
    expect(negative).toContain('Con số không thể âm');
    expect(negative).not.toContain('không phải là một số');
    const first = textOf(await say('khoảng 250 lượt'));
    expect(first).not.toContain('không phải là một số');
    const second = textOf(await say('năm mươi lăm'));
    expect(second).not.toContain('không phải là một số');
    expect(second).not.toBe(first);
    await say('/huy');
    const draft = (await sqlGet(t.app.db, 'SELECT answers FROM report_drafts')) as { answers: string };
    const figures = Object.values(JSON.parse(draft.answers) as Record<string, unknown>).filter(
      (v) => typeof v === 'number',
    );
    expect(figures).toEqual([250, 55]);
  });
});

describe('figures in the activity log', () => {
  it('reads number words and refuses "âm 5" as negative', () => {
    expect(parseCounts('năm mươi lăm người', 'hop-bao')).toEqual({
      ok: true,
      counts: { quantity: null, participants: 55 },
    });
    expect(parseCounts('khoảng 250 lượt', null)).toEqual({ ok: true, counts: { quantity: 250, participants: null } });
    expect(parseCounts('âm 5', null)).toEqual({ ok: false, error: 'Số lượng không thể âm.' });
  });
});
