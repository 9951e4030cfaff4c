import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { importPlan } from '../../../src/db/index.js';
import { runReminders } from '../../../src/features/reminders/job.js';
import { parsePlan } from '../../../src/plans/parse.js';
import { at, jobContext } from '../../support/reminders.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

let t: TestApp;
afterEach(async () => t?.close());

/** The minimal test plan with a one-off report due on Quốc khánh (2/9/2026) and a configured ladder. */
async function holidayPlan(reminders: string): Promise<void> {
  const yaml = readFileSync(new URL('../../fixtures/plans/minimal.yaml', import.meta.url), 'utf8')
    .replace('frequency: yearly', `frequency: once\n    reminders: ${reminders}`)
    .replace(
      /deadline:\n\s+day: 13\n\s+month: 12\n\s+wording: trước ngày 13\/12/,
      "deadline:\n      date: '2026-09-02'\n      wording: trước ngày 02/9/2026",
    );
  const parsed = parsePlan(yaml, 'holiday.yaml');
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  await importPlan(t.app.db, parsed.plan, null, t.clock.now);
}

const run = async (iso: string) =>
  (await runReminders(jobContext(t, at(iso)))).map((r) => `${r.message.chatId} ${r.key.step}`);

describe('reminders around public holidays', () => {
  it('sends what is due by a deadline on a holiday the last working morning before it, naming the holiday', async () => {
    t = await createTestApp({ now: at('2026-08-20T09:00:00+07:00') });
    await holidayPlan('[-7, -3, -1, 0, 1]');
    await t.registerOfficer('tuphap', 'thu-nghiem', 'cong-chuc-tu-phap');

    expect(await run('2026-08-26T08:00:00+07:00')).toEqual(['tuphap d-7']);
    // Sunday 30/8 (d-3), holiday 1/9 (d-1) and the deadline 2/9 (d0) all come due Monday 31/8: one message.
    expect(await run('2026-08-30T10:00:00+07:00')).toEqual([]);
    const monday = await runReminders(jobContext(t, at('2026-08-31T08:00:00+07:00')));
    expect(monday.map((r) => r.key.step)).toEqual(['d0']);
    expect(monday[0]!.message.text).toContain('Nhắc hạn báo cáo: Báo cáo kết quả hằng năm (Xã Thử Nghiệm).');
    expect(monday[0]!.message.text).toContain('Hạn nộp: Thứ Tư, 02/09/2026 - còn 2 ngày.');
    expect(monday[0]!.message.text).toContain('02/09/2026 là ngày nghỉ (Quốc khánh)');
    // The overdue step (3/9) is the first working day after the holidays.
    expect(await run('2026-09-03T08:00:00+07:00')).toEqual(['tuphap d+1']);
  });
});
