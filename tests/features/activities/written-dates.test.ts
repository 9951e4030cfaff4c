import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../support/test-app.js';

// Dates as officers write them in /ghinhan (today is Wednesday 02/12/2026).

let t: TestApp;
afterEach(async () => t?.close());

const TODAY = new Date('2026-12-02T09:00:00+07:00');

async function officerApp(): Promise<TestApp> {
  t = await createTestApp({ now: TODAY });
  await t.registerOfficer('an', 'vinh-phuc', 'so-tu-phap', 'Nguyễn Văn An');
  return t;
}

describe('/ghinhan with a relative date', () => {
  it.each([
    ['/ghinhan họp báo sáng nay về học phí', '02/12/2026', 'Họp báo về học phí'],
    ['/ghinhan họp báo chiều qua về học phí', '01/12/2026', 'Họp báo về học phí'],
    ['/ghinhan họp báo 3 ngày trước về học phí', '29/11/2026', 'Họp báo về học phí'],
    ['/ghinhan đăng 3 bài trên cổng thông tin tuần trước', '25/11/2026', 'Đăng 3 bài trên cổng thông tin'],
  ])('%s: understood and removed from the title', async (typed, date, title) => {
    await officerApp();
    const text = await t.sayText('an', typed);
    expect(text).toContain(`- Ngày: ${date}`);
    expect(text).toContain(`- Tiêu đề: ${title}\n`);
  });

  it('removes an impossible date from the title once the date is corrected', async () => {
    await officerApp();
    expect(await t.sayText('an', '/ghinhan tổ chức họp báo ngày 31/11 về học phí')).toContain(
      '"ngày 31/11" không phải là ngày có thật',
    );
    const preview = await t.sayText('an', '1/12');
    expect(preview).toContain('- Ngày: 01/12/2026');
    expect(preview).toContain('- Tiêu đề: Tổ chức họp báo về học phí\n');
  });
});

describe('/tatnhac with a day that has passed', () => {
  it('says 20/11 has passed on 2/12 instead of reading it as next year', async () => {
    await officerApp();
    expect(await t.sayText('an', '/tatnhac 20/11')).toBe(
      'Ngày 20/11/2026 đã qua. Ngày tạm dừng nhắc phải sau hôm nay.',
    );
  });
});
