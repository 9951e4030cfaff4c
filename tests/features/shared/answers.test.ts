import { afterEach, describe, expect, it } from 'vitest';
import { findAgencyBySlug, findCurrentSubmission, findDraft, insertActivity, type Db } from '../../../src/db/index.js';
import { answerWord, parseAllTasksStatus, parseYesNo, skipsOptional } from '../../../src/features/shared/answers.js';
import { onboarding } from '../../../src/messages/index.js';
import { ALL_ANSWERS, OPENING, TASK_ANSWERS, chatAs, sendAll, textOf } from '../../support/report-chat.js';
import { sqlAll, sqlGet } from '../../support/sql.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

describe('the answer vocabulary', () => {
  it('reads each short answer the same way without diacritics, case or trailing punctuation', () => {
    expect(['Bỏ qua.', 'BO QUA', 'skip'].map(answerWord)).toEqual(['skip', 'skip', 'skip']);
    expect(['Quay lại', 'trở lại!'].map(answerWord)).toEqual(['back', 'back']);
    expect(['không', 'Không có', 'ko', 'chưa'].map(answerWord)).toEqual(['no', 'no', 'no', 'no']);
    expect(['có', 'Đồng ý', 'ok'].map(answerWord)).toEqual(['yes', 'yes', 'yes']);
    expect(['giữ', 'Giữ nguyên'].map(answerWord)).toEqual(['keep', 'keep']);
    expect(['nộp', 'Nộp luôn'].map(answerWord)).toEqual(['submit', 'submit']);
    expect(['xóa', 'Xoá đi'].map(answerWord)).toEqual(['delete', 'delete']);
    expect(answerWord('Họp báo quý IV')).toBeUndefined();
  });

  it('"không" is a no, never a skip word, and skips only an optional question', () => {
    expect(parseYesNo('không')).toBe(false);
    expect(skipsOptional('không')).toBe(true);
    expect(skipsOptional('bỏ qua')).toBe(true);
    expect(skipsOptional('có')).toBe(false);
  });

  it('reads an "apply to all" task status', () => {
    expect(parseAllTasksStatus('tất cả đều đang thực hiện')).toEqual({ status: 'in-progress' });
    expect(parseAllTasksStatus('Cả 11 nhiệm vụ đã hoàn thành')).toEqual({ status: 'done' });
    expect(parseAllTasksStatus('đang thực hiện')).toBeUndefined();
  });
});

async function reportSetup(): Promise<{ db: Db; agencyId: number; personId: number }> {
  t = await createTestApp({ now: new Date('2026-11-21T09:00:00+07:00') });
  const personId = await t.registerOfficer('tuphap', 'cam-thanh', 'cong-chuc-tu-phap', 'Lê Thị Tư Pháp');
  const agency = await findAgencyBySlug(t.app.db, 'cam-thanh', 'cong-chuc-tu-phap');
  return { db: t.app.db, agencyId: agency!.id, personId };
}

const periodId = async (db: Db) => (await sqlGet<{ id: number }>(db, "SELECT id FROM periods WHERE key = '2026'"))!.id;

describe('the same words in every conversation', () => {
  it('/ghinhan: "bỏ qua" at the mandatory title is refused, "không" skips the optional link, counts and task', async () => {
    t = await createTestApp();
    await t.registerOfficer('an', 'vinh-phuc', 'so-tu-phap');
    await t.say('an', '/ghinhan');
    await t.say('an', 'Họp báo');
    expect(await t.sayText('an', 'hôm qua')).toContain('Tiêu đề');
    const refused = await t.sayText('an', 'bỏ qua');
    expect(refused).toContain('Câu này bắt buộc, không bỏ qua được.');
    expect(refused).toContain('Tiêu đề');
    expect(await t.sayText('an', 'Họp báo về học phí')).toContain('Có liên kết');
    expect(await t.sayText('an', 'không')).toContain('bao nhiêu người tham dự');
    expect(await t.sayText('an', 'không')).toContain('phục vụ nhiệm vụ nào');
    const echo = await t.sayText('an', 'không');
    expect(echo).toContain('- Tiêu đề: Họp báo về học phí');
    await t.say('an', 'Lưu');
    const saved = await sqlAll(t.app.db, 'SELECT title, link, participants, task_id FROM activities');
    expect(saved).toEqual([{ title: 'Họp báo về học phí', link: null, participants: null, task_id: null }]);
  });

  it('/baocao: "không" answers a yes/no question, skips an optional one, and "bỏ qua" is refused at a required one', async () => {
    const { db, agencyId } = await reportSetup();
    const send = chatAs(t!, 'tuphap');
    await send('/baocao');
    expect(textOf(await send('bỏ qua'))).toContain('Câu này bắt buộc, không bỏ qua được.');
    await send('không');
    await sendAll(send, [...ALL_ANSWERS.slice(1, -1)]);
    expect(textOf(await send('không'))).toContain('XEM TRƯỚC BÁO CÁO');
    const draft = await findDraft(db, { periodId: await periodId(db), agencyId });
    expect(draft!.answers).toMatchObject({ 'ke-hoach-nam': false, 'de-xuat': null });
  });

  it('/xoa: "xóa" at "Xóa hoạt động #n?" deletes', async () => {
    t = await createTestApp();
    await t.registerOfficer('an', 'vinh-phuc', 'so-tu-phap');
    await t.say('an', '/ghinhan họp báo hôm qua: Họp báo về học phí');
    await t.say('an', 'Lưu');
    const { id } = (await sqlGet<{ id: number }>(t.app.db, 'SELECT id FROM activities'))!;
    expect(await t.sayText('an', `/xoa ${id}`)).toContain(`Xóa hoạt động #${id}?`);
    expect(await t.sayText('an', 'xóa')).toBe(`Đã xóa hoạt động #${id}.`);
  });

  it('/dangky: "quay lại" at the agency question asks for the network again', async () => {
    t = await createTestApp();
    await t.say('u1', '/dangky');
    expect(await t.sayText('u1', 'Tỉnh Vĩnh Phúc')).toContain('Cơ quan của bạn tên là gì?');
    expect(await t.sayText('u1', 'quay lại')).toBe(onboarding.pickNetwork);
  });
});

describe('natural answers to the report buttons', () => {
  it('"nộp" at the preview submits', async () => {
    const { db, agencyId } = await reportSetup();
    const send = chatAs(t!, 'tuphap');
    await sendAll(send, ['/baocao', ...ALL_ANSWERS]);
    expect(textOf(await send('nộp'))).toContain('Đã nộp báo cáo năm 2026 của Công chức Tư pháp.');
    expect(await findCurrentSubmission(db, { periodId: await periodId(db), agencyId })).toMatchObject({ version: 1 });
  });

  it('"xóa" at "Xóa bản nháp này?" deletes the draft', async () => {
    const { db, agencyId } = await reportSetup();
    const send = chatAs(t!, 'tuphap');
    await sendAll(send, ['/baocao', ...ALL_ANSWERS]);
    expect(textOf(await send('Hủy bản nháp'))).toContain('Xóa bản nháp này?');
    expect(textOf(await send('xóa'))).toBe('Đã xóa bản nháp.');
    expect(await findDraft(db, { periodId: await periodId(db), agencyId })).toBeUndefined();
  });

  it('"giữ" and "có" at "Giữ số này?" keep the logged figure, "không" asks for another', async () => {
    const { db, agencyId, personId } = await reportSetup();
    const log = (typeId: string, date: string) =>
      insertActivity(
        db,
        {
          networkId: 'cam-thanh',
          agencyId,
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
        t!.clock.now,
      );
    for (const date of ['2026-04-02', '2026-11-20']) await log('hop-bao', date);
    await log('tap-huan', '2026-06-01');
    const send = chatAs(t!, 'tuphap');
    await sendAll(send, ['/baocao', ...OPENING, ...TASK_ANSWERS.slice(0, -1)]);
    expect(textOf(await send(TASK_ANSWERS.at(-1)!))).toContain('Giữ số này?');
    expect(textOf(await send('giữ'))).toContain('Câu 5/16');
    await send('0');
    await send('30');
    expect(textOf(await send('không'))).toContain('Gõ một số');
    await send('5');
    const draft = await findDraft(db, { periodId: await periodId(db), agencyId });
    expect(draft!.answers).toMatchObject({ 'so-hop-bao': 2, 'so-tin-bai': 0, 'so-bai-mxh': 30, 'so-tap-huan': 5 });
  });

  it('"có" at "Giữ số này?" keeps the figure', async () => {
    const { db, agencyId, personId } = await reportSetup();
    await insertActivity(
      db,
      {
        networkId: 'cam-thanh',
        agencyId,
        authorPersonId: personId,
        typeId: 'hop-bao',
        date: '2026-04-02',
        title: 'Hoạt động',
        link: null,
        quantity: null,
        participants: null,
        taskId: null,
        attachments: [],
      },
      t!.clock.now,
    );
    const send = chatAs(t!, 'tuphap');
    await sendAll(send, ['/baocao', ...OPENING, ...TASK_ANSWERS]);
    expect(textOf(await send('có'))).toContain('Câu 5/16');
    const draft = await findDraft(db, { periodId: await periodId(db), agencyId });
    expect(draft!.answers['so-hop-bao']).toBe(1);
  });

  it('"tất cả đều đang thực hiện" answers every task still open with "đang thực hiện"', async () => {
    const { db, agencyId } = await reportSetup();
    const send = chatAs(t!, 'tuphap');
    await sendAll(send, ['/baocao', ...OPENING, 'Đã hoàn thành']);
    const next = textOf(await send('tất cả đều đang thực hiện'));
    expect(next).toContain('Đã ghi “Đang thực hiện” cho 10 nhiệm vụ.');
    expect(next).toContain('Câu 4/16');
    const draft = await findDraft(db, { periodId: await periodId(db), agencyId });
    const tasks = Object.values(draft!.answers['ket-qua-nhiem-vu'] as Record<string, { status: string }>);
    expect(tasks).toHaveLength(11);
    expect(tasks.filter((a) => a.status === 'done')).toHaveLength(1);
    expect(tasks.filter((a) => a.status === 'in-progress')).toHaveLength(10);
  });
});
