import { afterEach, describe, expect, it } from 'vitest';
import {
  bindGroup,
  findAgencyBySlug,
  findCurrentSubmission,
  findDraft,
  insertActivity,
  listOutgoing,
  type Db,
} from '../../../src/db/index.js';
import {
  ALL_ANSWERS,
  CLOSING,
  OPENING,
  TASK_ANSWERS,
  chatAs,
  labelsOf,
  sendAll,
  textOf,
} from '../../support/report-chat.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { sqlAll, sqlGet } from '../../support/sql.js';

let t: TestApp;
afterEach(async () => t?.close());

async function setup(): Promise<{ db: Db; agencyId: number; personId: number }> {
  t = await createTestApp({ now: new Date('2026-11-21T09:00:00+07:00') });
  const personId = await t.registerOfficer('tuphap', 'cam-thanh', 'cong-chuc-tu-phap', 'Lê Thị Tư Pháp');
  const agency = await findAgencyBySlug(t.app.db, 'cam-thanh', 'cong-chuc-tu-phap');
  return { db: t.app.db, agencyId: agency!.id, personId };
}

const periodId = async (db: Db) =>
  ((await sqlGet(db, "SELECT id FROM periods WHERE key = '2026'")) as { id: number }).id;

describe('/baocao: the report conversation', () => {
  it('walks the Cẩm Thành yearly report question by question and submits it with a receipt and one group line', async () => {
    const { db, agencyId, personId } = await setup();
    await bindGroup(
      db,
      { platform: 'console', chatId: 'nhom-cam-thanh', networkId: 'cam-thanh', title: 'Mạng lưới Cẩm Thành' },
      personId,
      t.clock.now,
    );
    const send = chatAs(t, 'tuphap');
    const first = textOf(await send('/baocao'));
    expect(first).toContain('Kỳ năm 2026 (số liệu từ 15/12/2025 đến 14/12/2026), hạn nộp 13/12/2026');
    expect(first).toContain('Câu 1/16 · Mục I\nĐơn vị đã ban hành kế hoạch truyền thông năm chưa?');
    await sendAll(send, OPENING);
    const task = await send(TASK_ANSWERS[0]!);
    expect(textOf(task)).toContain('Câu 3/16 · Mục II · nhiệm vụ 2/11');
    expect(labelsOf(task)).toEqual(['Đã hoàn thành', 'Đang thực hiện', 'Chưa thực hiện', 'Quay lại']);
    const preview = textOf(await sendAll(send, [...TASK_ANSWERS.slice(1), ...CLOSING]));
    expect(preview).toContain('XEM TRƯỚC BÁO CÁO');
    expect(preview).toContain('Đang thực hiện (đã tổ chức 2 hội nghị phổ biến)');
    expect(preview).toContain('10. [II] Kinh phí đã chi cho truyền thông chính sách (đồng)\n   → 15.000.000');
    expect(preview).toContain('16. [V] Đề xuất, kiến nghị (nếu có)\n   → (bỏ qua)');

    const receipt = textOf(await send('Nộp báo cáo'));
    expect(receipt).toContain('Đã nộp báo cáo năm 2026 của Công chức Tư pháp.\nSố tiếp nhận: BC-2026-0001');
    expect(receipt).toContain('Đúng hạn');
    const submission = await findCurrentSubmission(db, { periodId: await periodId(db), agencyId });
    expect(submission).toMatchObject({
      version: 1,
      current: true,
      late: false,
      number: 'BC-2026-0001',
      personName: 'Lê Thị Tư Pháp',
    });
    expect(submission!.answers).toMatchObject({
      'ke-hoach-nam': true,
      'kinh-phi': 15_000_000,
      'so-hop-bao': 2,
      'tu-danh-gia': 'Khá',
      'de-xuat': null,
      'kho-khan': 'Thiếu kinh phí tổ chức hội nghị',
      'ket-qua-nhiem-vu': {
        'nv-ii-1': { status: 'done' },
        'nv-ii-3': { status: 'in-progress', note: 'đã tổ chức 2 hội nghị phổ biến' },
      },
    });
    expect(Object.keys(submission!.answers['ket-qua-nhiem-vu'] as object)).toHaveLength(11);
    expect(await findDraft(db, { periodId: await periodId(db), agencyId })).toBeUndefined();
    expect(await sqlAll(db, 'SELECT kind, text FROM report_issues')).toEqual([
      { kind: 'difficulty', text: 'Thiếu kinh phí tổ chức hội nghị' },
    ]);
    const group = (await listOutgoing(db, 'console')).filter((m) => m.chatId === 'nhom-cam-thanh');
    expect(group.map((m) => m.text)).toEqual(['Công chức Tư pháp đã nộp báo cáo năm 2026.']);
    // Saturday 21/11/2026: the group line waits for Monday morning instead of pinging on a day off.
    const nextAt = (await sqlGet(db, "SELECT next_at AS n FROM outbox WHERE chat_id = 'nhom-cam-thanh'")) as {
      n: number;
    };
    expect(new Date(nextAt.n).toISOString()).toBe('2026-11-23T01:00:00.000Z');
    expect(textOf(await send('/hanbaocao'))).toContain('Đã nộp lúc 09:');
  });

  it('re-asks every wrong answer with its reason and stores nothing for it', async () => {
    const { db, agencyId } = await setup();
    const send = chatAs(t, 'tuphap');
    await send('/baocao');
    const key = async () => ({ periodId: await periodId(db), agencyId });
    const answers = async () => (await findDraft(db, await key()))!.answers;
    const reask = async (text: string, reason: string, prompt: string, options?: Parameters<typeof send>[1]) => {
      const before = await answers();
      const reply = textOf(await send(text, options));
      expect(reply).toContain(reason);
      expect(reply).toContain(prompt);
      expect(await answers()).toEqual(before);
    };
    await reask('quay lại', 'Đây là câu đầu tiên', 'Câu 1/16');
    await reask('có lẽ', 'Chưa hiểu “có lẽ”. Vui lòng trả lời Có hoặc Không.', 'Câu 1/16');
    await reask('bỏ qua', 'Câu này bắt buộc, không bỏ qua được.', 'Câu 1/16');
    await send('không');
    await reask('   ', 'Câu trả lời đang trống.', 'Câu 2/16');
    await reask('x'.repeat(4001), 'Câu trả lời dài 4001 ký tự, vượt quá 4000.', 'Câu 2/16');
    await reask('Kế hoạch kèm công văn Tối mật số 5', 'có dấu hiệu tài liệu mật', 'Câu 2/16');
    await send(OPENING[1]!);
    await reask('tốt lắm', 'Chưa hiểu tình trạng “tốt lắm”.', 'nhiệm vụ 1/11');
    await reask('bỏ qua', 'Câu này bắt buộc', 'nhiệm vụ 1/11');
    await sendAll(send, TASK_ANSWERS);
    await reask('vài', '“vài” không phải là một số.', 'Câu 4/16');
    await reask('-3', 'Con số không thể âm.', 'Câu 4/16');
    await reask('2,5', '“2,5” không phải là một số.', 'Câu 4/16');
    await reask('3', 'Nút vừa bấm thuộc một câu hỏi khác.', 'Câu 4/16', { choice: 'o:1' });
    await sendAll(send, CLOSING.slice(0, 9));
    await reask('Xuất sắc', 'Không có phương án “Xuất sắc”. Các phương án: Tốt, Khá, Trung bình, Yếu.', 'Câu 13/16');
    // On the console choices are numbered, so "7" is an option number that does not exist.
    await reask('7', 'Không có phương án “7”.', 'Câu 13/16');
    await send('trung');
    expect((await answers())['tu-danh-gia']).toBe('Trung bình');
  });

  it('prefills a figure from the activity log of the period window and lets the officer keep or replace it', async () => {
    const { db, agencyId, personId } = await setup();
    const other = await findAgencyBySlug(db, 'cam-thanh', 'cong-chuc-vhxh');
    const log = (agency: number, typeId: string, date: string) =>
      insertActivity(
        db,
        {
          networkId: 'cam-thanh',
          agencyId: agency,
          authorPersonId: personId,
          typeId,
          date,
          title: 'Hoạt động',
          link: null,
          quantity: null,
          participants: null,
          taskId: null,
          attachments: [],
        },
        t.clock.now,
      );
    for (const date of ['2025-12-15', '2026-04-02', '2026-11-20']) await log(agencyId, 'hop-bao', date);
    await log(agencyId, 'hop-bao', '2025-12-14'); // the day before the window
    await log(other!.id, 'hop-bao', '2026-05-05'); // another agency
    await log(agencyId, 'tap-huan', '2026-06-01');
    const send = chatAs(t, 'tuphap');
    await sendAll(send, ['/baocao', ...OPENING, ...TASK_ANSWERS.slice(0, -1)]);
    const offer = await send(TASK_ANSWERS.at(-1)!);
    expect(textOf(offer)).toContain(
      'Nhật ký hoạt động ghi nhận 3 hoạt động “Họp báo” trong kỳ (15/12/2025 – 14/12/2026). Giữ số này?',
    );
    expect(labelsOf(offer)).toEqual(['Giữ 3', 'Nhập số khác']);
    await send('1'); // keeps 3
    expect(textOf(await send('0'))).toContain('Câu 6/16'); // nothing logged for posts: a free number
    await send('30');
    const training = await send('Nhập số khác');
    expect(textOf(training)).toContain('Gõ một số');
    expect(labelsOf(training)).toEqual([]);
    await send('2');
    const draft = await findDraft(db, { periodId: await periodId(db), agencyId });
    expect(draft!.answers).toMatchObject({ 'so-hop-bao': 3, 'so-tin-bai': 0, 'so-bai-mxh': 30, 'so-tap-huan': 2 });
  });

  it('skips an optional question with "bỏ qua" and goes back one step with "quay lại"', async () => {
    const { db, agencyId } = await setup();
    const send = chatAs(t, 'tuphap');
    await sendAll(send, ['/baocao', ...ALL_ANSWERS.slice(0, 2 + 11 + 6)]);
    expect(textOf(await send('quay lại'))).toContain('Câu 9/16');
    const back = textOf(await send('quay lại'));
    expect(back).toContain('Câu 8/16');
    expect(back).toContain('Đang trả lời: 45');
    await send('50');
    // After a correction the conversation continues at the first unanswered question.
    expect(textOf(await send('bỏ qua'))).toContain('Câu 11/16');
    const draft = await findDraft(db, { periodId: await periodId(db), agencyId });
    expect(draft!.answers).toMatchObject({ 'so-nguoi-tap-huan': 50, 'so-du-thao': 3, 'kinh-phi': null });
  });

  it('adds photos and documents sent during the report to the draft and the submission as references', async () => {
    const { db, agencyId } = await setup();
    const send = chatAs(t, 'tuphap');
    await sendAll(send, ['/baocao', 'có']);
    const reply = textOf(
      await send('', {
        attachments: [
          { kind: 'photo', fileId: 'photo-1' },
          { kind: 'document', fileId: 'doc-1', name: 'ke-hoach.pdf' },
        ],
      }),
    );
    expect(reply).toContain('Đã đính kèm 2 tệp vào báo cáo (tổng cộng 2 tệp). Tiếp tục:');
    expect(reply).toContain('Câu 2/16');
    const secret = textOf(
      await send('', { attachments: [{ kind: 'document', fileId: 'doc-2', name: 'Công văn TỐI MẬT.pdf' }] }),
    );
    expect(secret).toContain('Tệp có tên mang dấu mật nên không được đính kèm');
    const preview = textOf(await sendAll(send, ALL_ANSWERS.slice(1)));
    expect(preview).toContain('Tệp đính kèm: 1 ảnh, 1 tài liệu.');
    await send('Nộp báo cáo');
    const submission = await findCurrentSubmission(db, { periodId: await periodId(db), agencyId });
    expect(submission!.attachments).toEqual([
      { platform: 'console', kind: 'photo', fileId: 'photo-1', questionId: 'chi-dao' },
      { platform: 'console', kind: 'document', fileId: 'doc-1', name: 'ke-hoach.pdf', questionId: 'chi-dao' },
    ]);
  });

  it('keeps the draft when the officer leaves and resumes at the first unanswered step', async () => {
    const { db, agencyId } = await setup();
    const send = chatAs(t, 'tuphap');
    await sendAll(send, ['/baocao', ...OPENING, 'Đã hoàn thành']);
    expect(textOf(await send('/huy'))).toContain('Bản nháp vẫn được giữ');
    const resumed = textOf(await send('/baocao'));
    expect(resumed).toContain('Tiếp tục bản nháp báo cáo (đã trả lời xong 2/16 câu).');
    expect(resumed).toContain('nhiệm vụ 2/11');
    expect((await findDraft(db, { periodId: await periodId(db), agencyId }))!.answers['ke-hoach-nam']).toBe(true);
  });

  it('throws a draft away only after confirmation from the preview', async () => {
    const { db, agencyId } = await setup();
    const send = chatAs(t, 'tuphap');
    await sendAll(send, ['/baocao', ...ALL_ANSWERS]);
    expect(textOf(await send('Hủy bản nháp'))).toContain('Xóa bản nháp này?');
    expect(textOf(await send('Quay lại xem trước'))).toContain('XEM TRƯỚC BÁO CÁO');
    await send('Hủy bản nháp');
    expect(textOf(await send('Xóa bản nháp'))).toBe('Đã xóa bản nháp.');
    expect(await findDraft(db, { periodId: await periodId(db), agencyId })).toBeUndefined();
    expect(textOf(await send('/baocao'))).toContain('Câu 1/16');
  });
});
