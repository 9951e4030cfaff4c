import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';

// Free text as officers and leaders write it, without a command.

let t: TestApp;
afterEach(async () => t?.close());

const TODAY = new Date('2026-12-02T09:00:00+07:00');

async function officerApp(): Promise<TestApp> {
  t = await createTestApp({ now: TODAY });
  await t.registerOfficer('an', 'vinh-phuc', 'so-tu-phap', 'Nguyễn Văn An');
  return t;
}

describe('free text', () => {
  it('"đăng 3 bài trên cổng thông tin tuần trước" starts logging an activity', async () => {
    await officerApp();
    const text = await t.sayText('an', 'đăng 3 bài trên cổng thông tin tuần trước');
    expect(text).not.toContain('Tôi chưa hiểu');
    expect(text).toContain('Số lượng: 3');
  });

  it('"tôi nghỉ phép đến 15/12, tắt nhắc giúp" mutes reminders until 15/12', async () => {
    await officerApp();
    expect(await t.sayText('an', 'tôi nghỉ phép đến 15/12, tắt nhắc giúp')).toContain('15/12/2026');
  });

  it('"tắt nhắc giúp" without a date says how to give one', async () => {
    await officerApp();
    expect(await t.sayText('an', 'tắt nhắc giúp')).toBe(await t.sayText('an', '/tatnhac'));
  });

  it('"xuất file excel" exports the workbook', async () => {
    t = await createTestApp({ now: TODAY });
    const replies = await t.say('admin', 'xuất file excel');
    expect(replies.map((r) => r.text).join('\n')).not.toContain('Tôi chưa hiểu');
    expect(replies.map((r) => r.text).join('\n')).toBe(
      (await t.say('admin', '/xuat excel')).map((r) => r.text).join('\n'),
    );
  });

  it('"cho tôi xem biểu đồ" shows the status with its chart', async () => {
    t = await createTestApp({ now: TODAY });
    const text = await t.sayText('admin', 'cho tôi xem biểu đồ');
    expect(text).not.toContain('Tôi chưa hiểu');
    expect(text).toBe(await t.sayText('admin', '/tinhhinh'));
  });

  it.each(['nv của tôi', 'nhiem vu cua toi la j'])('"%s" lists my tasks', async (typed) => {
    await officerApp();
    expect(await t.sayText('an', typed)).toBe(await t.sayText('an', '/nhiemvu'));
  });

  it('does not take a question about posting for an activity', async () => {
    await officerApp();
    expect(await t.sayText('an', 'đăng 3 bài thế nào')).toContain('Tôi chưa hiểu');
  });
});
