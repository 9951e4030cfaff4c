import { afterEach, describe, expect, it } from 'vitest';
import { importPlan } from '../../../src/db/index.js';
import { planSchema } from '../../../src/kernel/plan.js';
import { chatAs, labelsOf, sendAll, textOf } from '../../support/report-chat.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { sqlAll } from '../../support/sql.js';

// Periods of every frequency around the turn of the year, seen through /hanbaocao and /baocao.

let t: TestApp;
afterEach(async () => t?.close());

const duty = (id: string, title: string, frequency: string, deadline: Record<string, unknown>, cutoff = 'nd09') => ({
  id,
  title,
  reporters: 'all',
  receiver: 'UBND xã',
  frequency,
  cutoff,
  deadline: { wording: 'theo kế hoạch', ...deadline },
  template: 'mau-ngan',
});

const plan = planSchema.parse({
  network: { id: 'ky-bao-cao', name: 'Xã Kỳ Báo Cáo', level: 'commune' },
  documents: [{ id: 'kh', number: '01/KH-UBND', issuer: 'UBND xã Kỳ Báo Cáo', subject: 'Truyền thông chính sách' }],
  agencies: [{ id: 'van-phong', name: 'Văn phòng xã', kind: 'cong-chuc' }],
  tasks: [{ id: 'nv-1', document: 'kh', section: '1', agencies: 'all', text: 'Tổ chức truyền thông chính sách.' }],
  duties: [
    duty('thang', 'Báo cáo tháng', 'monthly', { day: 16 }),
    duty('quy', 'Báo cáo quý', 'quarterly', { day: 18 }),
    duty('sau-thang', 'Báo cáo 6 tháng', 'half-year', { day: 20 }),
    duty('nam', 'Báo cáo năm dương lịch', 'yearly', { day: 10, monthsAfterCutoff: 1 }, 'calendar'),
    duty('dot-xuat', 'Báo cáo chuyên đề', 'once', { date: '2027-01-01' }),
  ],
  templates: [
    {
      id: 'mau-ngan',
      title: 'Báo cáo ngắn',
      questions: [
        { id: 'so-tin', type: 'number', prompt: 'Số tin bài' },
        { id: 'ghi-chu', type: 'text', prompt: 'Ghi chú', optional: true },
      ],
    },
  ],
});

async function setup(now: string) {
  t = await createTestApp({ now: new Date(now) });
  await importPlan(t.app.db, plan, null, t.clock.now);
  await t.registerOfficer('vp', 'ky-bao-cao', 'van-phong');
  return chatAs(t, 'vp');
}

const keys = async () =>
  ((await sqlAll(t.app.db, 'SELECT key FROM periods ORDER BY key')) as { key: string }[]).map((r) => r.key);

describe('reporting periods around the year end', () => {
  it('lists open and next periods of each frequency with deadlines, weekdays, days off and days left on 17/12/2026', async () => {
    const send = await setup('2026-12-17T09:00:00+07:00');
    const text = textOf(await send('/hanbaocao'));
    const expected = [
      '• Kỳ tháng 12/2026 (số liệu 15/11/2026 – 14/12/2026)\n  Hạn: Thứ Tư, 16/12/2026\n  Đã quá hạn 1 ngày\n  Chưa nộp.',
      '• Kỳ tháng 1/2027 (số liệu 15/12/2026 – 14/01/2027)\n  Hạn: Thứ Bảy, 16/01/2027 — rơi vào ngày nghỉ (cuối tuần), nên nộp sớm\n  Còn 30 ngày',
      '• Kỳ tiếp theo: tháng 2/2027, mở từ 15/01/2027, hạn 16/02/2027',
      '• Kỳ quý IV/2026 (số liệu 15/09/2026 – 14/12/2026)\n  Hạn: Thứ Sáu, 18/12/2026\n  Còn 1 ngày',
      '• Kỳ quý I/2027 (số liệu 15/12/2026 – 14/03/2027)',
      '• Kỳ 6 tháng cuối năm 2026 (số liệu 15/06/2026 – 14/12/2026)\n  Hạn: Chủ nhật, 20/12/2026 — rơi vào ngày nghỉ (cuối tuần), nên nộp sớm\n  Còn 3 ngày',
      '• Kỳ 6 tháng đầu năm 2027 (số liệu 15/12/2026 – 14/06/2027)',
      '• Kỳ năm 2026 (số liệu 01/01/2026 – 31/12/2026)\n  Hạn: Chủ nhật, 10/01/2027',
      '• Kỳ tiếp theo: năm 2027, mở từ 01/01/2027, hạn 10/01/2028',
      'Báo cáo chuyên đề\n• Báo cáo một lần\n  Hạn: Thứ Sáu, 01/01/2027 — rơi vào ngày nghỉ (Tết Dương lịch), nên nộp sớm\n  Còn 15 ngày',
    ];
    for (const part of expected) expect(text).toContain(part);
    expect(text).not.toContain('tháng 11/2026');
    const stored = await keys();
    await send('/hanbaocao');
    expect(await keys()).toEqual(stored);
    expect(stored).toEqual([
      '2026',
      '2026-12',
      '2026-H2',
      '2026-Q4',
      '2027',
      '2027-01',
      '2027-02',
      '2027-H1',
      '2027-H2',
      '2027-Q1',
      '2027-Q2',
      'once',
    ]);
  });

  it('offers every open report in deadline order and takes a late monthly report', async () => {
    const send = await setup('2026-12-17T09:00:00+07:00');
    const menu = await send('/baocao');
    expect(textOf(menu)).toContain('Cơ quan của bạn có nhiều báo cáo đang mở.');
    expect(labelsOf(menu)).toEqual([
      'tháng 12/2026 (quá hạn): Báo cáo tháng',
      'quý IV/2026: Báo cáo quý',
      '6 tháng cuối năm 2026: Báo cáo 6 tháng',
      'Báo cáo chuyên đề',
      'năm 2026: Báo cáo năm dương lịch',
      'tháng 1/2027: Báo cáo tháng',
      'quý I/2027: Báo cáo quý',
      '6 tháng đầu năm 2027: Báo cáo 6 tháng',
    ]);
    expect(textOf(await send('1'))).toContain(
      'Kỳ tháng 12/2026 (số liệu từ 15/11/2026 đến 14/12/2026), hạn nộp 16/12/2026.',
    );
    const receipt = textOf(await sendAll(send, ['7', 'bỏ qua', 'Nộp báo cáo']));
    expect(receipt).toContain('Đã nộp báo cáo tháng 12/2026 của Văn phòng xã.');
    expect(receipt).toContain('Nộp muộn (hạn 16/12/2026)');
    expect(labelsOf(await send('/baocao'))).not.toContain('tháng 12/2026: Báo cáo tháng');
    expect(textOf(await send('Báo cáo chuyên đề'))).toContain('Báo cáo một lần, hạn nộp 01/01/2027.');
  });

  it("moves to the new year's periods on 05/01/2027 and keeps last year's late ones open for 30 days after their deadline", async () => {
    const send = await setup('2027-01-05T09:00:00+07:00');
    const text = textOf(await send('/hanbaocao'));
    expect(text).toContain(
      '• Kỳ tháng 12/2026 (số liệu 15/11/2026 – 14/12/2026)\n  Hạn: Thứ Tư, 16/12/2026\n  Đã quá hạn 20 ngày',
    );
    expect(text).toContain(
      '• Kỳ năm 2026 (số liệu 01/01/2026 – 31/12/2026)\n  Hạn: Chủ nhật, 10/01/2027 — rơi vào ngày nghỉ (cuối tuần), nên nộp sớm\n  Còn 5 ngày',
    );
    expect(text).toContain('• Kỳ năm 2027 (số liệu 01/01/2027 – 31/12/2027)');
    expect(text).toContain(
      'Hạn: Thứ Sáu, 01/01/2027 — rơi vào ngày nghỉ (Tết Dương lịch), nên nộp sớm\n  Đã quá hạn 4 ngày',
    );
    expect(text).toContain(
      '• Kỳ quý IV/2026 (số liệu 15/09/2026 – 14/12/2026)\n  Hạn: Thứ Sáu, 18/12/2026\n  Đã quá hạn 18 ngày',
    );
    expect(text).not.toContain('tháng 11/2026'); // its deadline (16/11) is more than 30 days ago
  });
});
