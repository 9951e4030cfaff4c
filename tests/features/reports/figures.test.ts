import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { OPENING, TASK_ANSWERS, chatAs, labelsOf, sendAll, textOf } from '../../support/report-chat.js';
import { makeLeader } from '../../support/status-data.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { sqlGet } from '../../support/sql.js';

// The figures a report and a leader's view give are the sums of what was logged: "đăng 3 bài" is 3 posts,
// "55 người tham dự" is 55 attendees, an activity with no quantity counts 1.

let t: TestApp;
afterEach(async () => t?.close());

async function logged(): Promise<void> {
  t = await createTestApp({ now: new Date('2026-12-02T09:00:00+07:00') });
  await t.registerOfficer('tuphap', 'cam-thanh', 'cong-chuc-tu-phap', 'Lê Thị Tư Pháp');
  await makeLeader(t, 'lanhdao', 'cam-thanh');
  const send = chatAs(t, 'tuphap');
  const preview = textOf(await send('/ghinhan đăng 3 bài trên cổng thông tin tuần trước'));
  expect(preview).toContain('Số lượng: 3');
  await send('lưu');
  expect(textOf(await send('/ghinhan tập huấn kỹ năng phát ngôn hôm qua, 55 người tham dự'))).toContain(
    'Số người tham dự: 55',
  );
  await send('lưu');
  await send('/ghinhan tập huấn cho tuyên truyền viên cơ sở ngày 20/11');
  await send('lưu');
  await send('/ghinhan đăng 1 bài trên cổng thông tin hôm qua');
  await send('lưu');
}

describe('logged figures', () => {
  it('prefill the report with the sum of quantities and of attendees, not the number of entries', async () => {
    await logged();
    const send = chatAs(t, 'tuphap');
    await sendAll(send, ['/baocao', ...OPENING, ...TASK_ANSWERS]);
    const posts = await send('0'); // no press conference logged: a free number
    expect(textOf(posts)).toContain(
      'Nhật ký hoạt động ghi nhận 2 hoạt động “Tin, bài trên cổng/trang thông tin điện tử” trong kỳ (15/12/2025 – 14/12/2026), tổng số lượng 4. Giữ số này?',
    );
    expect(labelsOf(posts)).toEqual(['Giữ 4', 'Nhập số khác']);
    await send('Giữ 4');
    await send('0');
    const attendees = await send('Giữ 2');
    expect(textOf(attendees)).toContain('Số lượt người tham gia tập huấn, bồi dưỡng');
    expect(textOf(attendees)).toContain(
      'Nhật ký hoạt động ghi nhận 55 người tham dự qua 1 hoạt động “Tập huấn, bồi dưỡng” trong kỳ (15/12/2025 – 14/12/2026); 1 hoạt động khác chưa ghi số người tham dự. Giữ số này?',
    );
    expect(labelsOf(attendees)).toEqual(['Giữ 55', 'Nhập số khác']);
    await send('Giữ 55');
    const answers = (await sqlGet(t.app.db, 'SELECT answers FROM report_drafts')) as { answers: string };
    expect(JSON.parse(answers.answers)).toMatchObject({ 'so-tin-bai': 4, 'so-tap-huan': 2, 'so-nguoi-tap-huan': 55 });
  });

  it('are what /tinhhinh and the workbook count', async () => {
    await logged();
    const status = await t.sayText('lanhdao', '/tinhhinh');
    expect(status).toContain('- Tin, bài trên cổng/trang thông tin điện tử: 4 (kỳ trước 0)');
    expect(status).toContain('- Tập huấn, bồi dưỡng: 2 (kỳ trước 0)');
    expect(status).toContain('Tích cực nhất: Công chức Tư pháp (6)');
    const [reply] = await t.say('lanhdao', '/xuat excel');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(reply!.file!.data as unknown as ArrayBuffer);
    const rows = (name: string) => {
      const found: unknown[][] = [];
      workbook.getWorksheet(name)!.eachRow((row) => found.push((row.values as unknown[]).slice(1)));
      return found;
    };
    expect(rows('Theo loại')).toContainEqual(['Tin, bài trên cổng/trang thông tin điện tử', 4, 0, 4]);
    expect(rows('Theo cơ quan')).toContainEqual(['Công chức Tư pháp', 4, 2, 6]);
  });
});
