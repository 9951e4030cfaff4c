import { afterEach, describe, expect, it } from 'vitest';
import { findAgencyBySlug, listOutgoing } from '../../../src/db/index.js';
import { chatAs, labelsOf, textOf } from '../../support/report-chat.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { sqlGet } from '../../support/sql.js';
import { insertSubmissionRow } from '../../../src/db/seed.js';

// Cẩm Thành's yearly report 2026 is due 13/12/2026; the 2027 period opens on 15/12/2026. "After the deadline"
// is 16/12/2026: a reopened or overdue report must be found, named and put first, never hidden behind 2027.

let t: TestApp;
afterEach(async () => t?.close());

const AFTER_DEADLINE = new Date('2026-12-16T09:00:00+07:00');

async function setup(): Promise<{ agencyId: number; personId: number }> {
  t = await createTestApp({ now: new Date('2026-12-02T09:00:00+07:00') });
  const personId = await t.registerOfficer('tuphap', 'cam-thanh', 'cong-chuc-tu-phap', 'Lê Thị Tư Pháp');
  await t.registerOfficer('tuphap2', 'cam-thanh', 'cong-chuc-tu-phap', 'Trần Văn Hai');
  const agency = await findAgencyBySlug(t.app.db, 'cam-thanh', 'cong-chuc-tu-phap');
  return { agencyId: agency!.id, personId };
}

/** The 2026 report filed on time (02/12), as the conversation would have. */
async function submittedOnTime(agencyId: number, personId: number): Promise<void> {
  await t.say('tuphap', '/hanbaocao'); // materialises the period
  const { id } = (await sqlGet(t.app.db, "SELECT id FROM periods WHERE key = '2026'")) as { id: number };
  await insertSubmissionRow(t.app.db, {
    periodId: id,
    agencyId,
    personId,
    answers: { 'ke-hoach-nam': true },
    late: false,
    submittedAt: t.clock.now,
  });
}

describe('/baocao after the deadline', () => {
  it('puts the overdue report first, named, and warns that it will be filed late', async () => {
    await setup();
    t.clock.now = AFTER_DEADLINE;
    const send = chatAs(t, 'tuphap');
    const menu = await send('/baocao');
    expect(textOf(menu)).toContain('Báo cáo năm 2026 đã quá hạn mà chưa nộp (nộp bây giờ sẽ được ghi là nộp muộn).');
    expect(labelsOf(menu)[0]).toBe('năm 2026 (quá hạn): Báo cáo kết quả công tác truyền thông chính sách hàng năm');
    expect(labelsOf(menu)[1]).toBe('năm 2027: Báo cáo kết quả công tác truyền thông chính sách hàng năm');
    const started = textOf(await send(labelsOf(menu)[0]!));
    expect(started).toContain(
      'Lưu ý: báo cáo năm 2026 đã quá hạn nộp (hạn 13/12/2026), khi nộp sẽ được ghi là nộp muộn.',
    );
    expect(started).toContain('Kỳ năm 2026 (số liệu từ 15/12/2025 đến 14/12/2026)');
  });

  it('names the report filed on time before opening next year, and /hanbaocao does not call it overdue', async () => {
    const { agencyId, personId } = await setup();
    await submittedOnTime(agencyId, personId);
    t.clock.now = AFTER_DEADLINE;
    const send = chatAs(t, 'tuphap');
    const deadlines = textOf(await send('/hanbaocao'));
    const year2026 = deadlines.slice(deadlines.indexOf('• Kỳ năm 2026'), deadlines.indexOf('• Kỳ năm 2027'));
    expect(year2026).toContain('(đúng hạn)');
    expect(year2026).not.toContain('quá hạn');
    const opened = textOf(await send('/baocao'));
    expect(opened).toContain('Báo cáo năm 2026 đã nộp (số ');
    expect(opened).toContain('đã quá hạn sửa; nếu cần sửa, hãy nhờ quản trị viên mở lại. Dưới đây là báo cáo kỳ mới.');
    expect(opened).toContain('Kỳ năm 2027 (số liệu từ 15/12/2026 đến 14/12/2027)');
  });

  it('leads to a reopened report: the admin and the notice name /baocao 2026, /baocao lists it first, /hanbaocao shows it', async () => {
    const { agencyId, personId } = await setup();
    await submittedOnTime(agencyId, personId);
    t.clock.now = AFTER_DEADLINE;
    const send = chatAs(t, 'tuphap');
    await send('/baocao'); // opens the 2027 draft
    await send('/huy');
    const reopened = await t.sayText('admin', '/baocao mo cong chuc tu phap');
    expect(reopened).toContain('Đã mở lại báo cáo năm 2026 của Công chức Tư pháp. Cán bộ của cơ quan gõ /baocao 2026');
    const notice = (await listOutgoing(t.app.db, 'console')).find((o) => o.idemKey.startsWith('report-reopened:'));
    expect(notice?.text).toContain('Gõ /baocao 2026 để sửa và nộp lại');

    const menu = await send('/baocao');
    expect(textOf(menu)).toContain('Báo cáo năm 2026 đã được quản trị viên mở lại để sửa và nộp lại.');
    expect(labelsOf(menu)[0]).toBe('năm 2026 (đã mở lại): Báo cáo kết quả công tác truyền thông chính sách hàng năm');
    expect(labelsOf(menu)[1]).toMatch(/^năm 2027: /);
    await send('/huy');

    const deadlines = textOf(await send('/hanbaocao'));
    expect(deadlines).toContain('Quản trị viên đã mở lại báo cáo số ');
    expect(deadlines).toContain('Gõ /baocao 2026 để sửa và nộp lại');

    expect(textOf(await send('/baocao 2026'))).toContain('Quản trị viên đã mở lại báo cáo năm 2026.');
    await send('/huy');
    const wrong = await send('/baocao 2024');
    expect(textOf(wrong)).toContain('Cơ quan của bạn không có kỳ báo cáo “2024” đang mở. Các báo cáo đang mở:');
    expect(labelsOf(wrong)).toHaveLength(2);
  });
});

describe('/baocao mokhoa', () => {
  it('lets the next officer take the draft over without a 1970 date', async () => {
    await setup();
    await chatAs(t, 'tuphap')('/baocao');
    await t.say('admin', '/baocao mokhoa cong chuc tu phap');
    const offer = await chatAs(t, 'tuphap2')('/baocao');
    expect(textOf(offer)).not.toContain('1970');
    expect(textOf(offer)).toContain('quản trị viên đã mở khóa để cán bộ khác nhận tiếp');
    expect(labelsOf(offer)).toEqual(['Nhận tiếp bản nháp']);
  });
});

describe('the data window', () => {
  it('says clearly when the deadline comes before the window closes', async () => {
    await setup();
    const send = chatAs(t, 'tuphap');
    const expected =
      'Hạn nộp đến trước ngày chốt số liệu (14/12/2026): số liệu tính đến ngày nộp, những ngày còn lại của kỳ là ước tính.';
    expect(textOf(await send('/baocao'))).toContain(expected);
    await send('/huy');
    expect(textOf(await send('/hanbaocao'))).toContain(expected);
  });
});

describe('/baocao and /huy next to other work', () => {
  it('keeps an unsaved /ghinhan activity instead of dropping it without a word', async () => {
    await setup();
    const send = chatAs(t, 'tuphap');
    await send('/ghinhan đăng 3 bài trên cổng thông tin tuần trước');
    const kept = textOf(await send('/baocao'));
    expect(kept).toContain('Bạn đang ghi nhận dở một hoạt động chưa lưu (“Đăng 3 bài trên cổng thông tin”)');
    expect(kept).not.toContain('Câu 1/16');
    expect(textOf(await send('lưu'))).toContain('Đã ghi nhận hoạt động #1');
    await send('/ghinhan họp báo hôm qua'); // asks for the title
    expect(textOf(await send('/baocao'))).toContain(
      'Bạn đang ghi nhận dở một hoạt động chưa lưu. Hoạt động vẫn được giữ',
    );
    expect(textOf(await send('Họp báo về học phí'))).toContain('Có liên kết'); // the activity goes on
  });

  it('says that /huy during a report keeps the draft', async () => {
    await setup();
    const send = chatAs(t, 'tuphap');
    await send('/baocao');
    await send('có');
    expect(textOf(await send('/huy'))).toContain('Đã dừng làm báo cáo. Bản nháp vẫn được giữ');
    expect(textOf(await send('/baocao'))).toContain('Tiếp tục bản nháp báo cáo (đã trả lời xong 1/16 câu).');
  });
});
