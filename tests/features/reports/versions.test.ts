import { afterEach, describe, expect, it } from 'vitest';
import {
  bindGroup,
  ensureActor,
  findAgencyBySlug,
  findCurrentSubmission,
  findDraft,
  grantRole,
  listAudit,
  listOutgoing,
  listSubmissionVersions,
  type Db,
} from '../../../src/db/index.js';
import {
  ALL_ANSWERS,
  OPENING,
  answersWithTasks,
  chatAs,
  labelsOf,
  sendAll,
  textOf,
  type Send,
} from '../../support/report-chat.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { sqlAll, sqlGet } from '../../support/sql.js';

let t: TestApp;
afterEach(async () => t?.close());

interface Setup {
  db: Db;
  agencyId: number;
  key: () => Promise<{ periodId: number; agencyId: number }>;
}

async function setup(now = '2026-11-21T09:00:00+07:00'): Promise<Setup> {
  t = await createTestApp({ now: new Date(now) });
  const personId = await t.registerOfficer('tuphap', 'cam-thanh', 'cong-chuc-tu-phap', 'Lê Thị Tư Pháp');
  const db = t.app.db;
  await bindGroup(
    db,
    { platform: 'console', chatId: 'nhom', networkId: 'cam-thanh', title: 'Nhóm xã' },
    personId,
    t.clock.now,
  );
  const agencyId = (await findAgencyBySlug(db, 'cam-thanh', 'cong-chuc-tu-phap'))!.id;
  const periodId = async () => ((await sqlGet(db, "SELECT id FROM periods WHERE key = '2026'")) as { id: number }).id;
  return { db, agencyId, key: async () => ({ periodId: await periodId(), agencyId }) };
}

const submitAll = (send: Send, answers = ALL_ANSWERS) => sendAll(send, ['/baocao', ...answers, 'Nộp báo cáo']);
const at = (iso: string) => (t.clock.now = new Date(iso));
const groupLines = async (db: Db) =>
  (await listOutgoing(db, 'console')).filter((m) => m.chatId === 'nhom').map((m) => m.text);

describe('/baocao: versions, deadlines and who may write', () => {
  it('stores an edit made before the deadline as a new version and keeps the old one', async () => {
    const { db, key } = await setup();
    const send = chatAs(t, 'tuphap');
    await submitAll(send);
    at('2026-12-10T10:00:00+07:00');
    const offer = await send('/baocao');
    expect(textOf(offer)).toContain('Còn hạn đến hết ngày 13/12/2026 nên vẫn sửa được');
    expect(labelsOf(offer)).toEqual(['Sửa báo cáo', 'Xem báo cáo đã nộp']);
    expect(textOf(await send('Sửa báo cáo'))).toContain('Đang sửa báo cáo đã nộp (phiên bản 1)');
    expect(textOf(await send('sửa 13'))).toContain('Đang trả lời: Khá');
    expect(textOf(await send('Tốt'))).toContain('13. [III] Tự đánh giá mức độ hoàn thành nhiệm vụ\n   → Tốt');
    const receipt = textOf(await send('Nộp báo cáo'));
    expect(receipt).toContain('Số tiếp nhận: BC-2026-0001-2 (phiên bản 2; các bản trước vẫn được lưu)');
    const versions = await listSubmissionVersions(db, await key());
    expect(versions.map((v) => [v.version, v.current, v.answers['tu-danh-gia'], v.late])).toEqual([
      [2, true, 'Tốt', false],
      [1, false, 'Khá', false],
    ]);
    expect(await groupLines(db)).toEqual(['Công chức Tư pháp đã nộp báo cáo năm 2026.']);
    const old = textOf(await send(`/baocao xem ${versions[1]!.id}`));
    expect(old).toContain('Số BC-2026-0001 · phiên bản 1 (bản cũ)');
    expect(old).toContain('→ Khá');
    expect(textOf(await send('/baocao xem'))).toContain('Số BC-2026-0001-2, nộp 10:');
  });

  it('flags a report submitted after the deadline day as late, and one at 23:50 on the day as on time', async () => {
    const { db, key } = await setup('2026-12-13T23:40:00+07:00');
    await t.registerOfficer('taichinh', 'cam-thanh', 'cong-chuc-tai-chinh', 'Phạm Tài Chính');
    await submitAll(chatAs(t, 'tuphap'));
    expect((await findCurrentSubmission(db, await key()))!.late).toBe(false);
    at('2026-12-14T00:05:00+07:00');
    const late = textOf(await submitAll(chatAs(t, 'taichinh'), answersWithTasks(10)));
    expect(late).toContain('Nộp muộn (hạn 13/12/2026)');
    const financeId = (await findAgencyBySlug(db, 'cam-thanh', 'cong-chuc-tai-chinh'))!.id;
    expect((await findCurrentSubmission(db, { ...(await await key()), agencyId: financeId }))!.late).toBe(true);
    expect(await groupLines(db)).toEqual([
      'Công chức Tư pháp đã nộp báo cáo năm 2026.',
      'Công chức Tài chính - Kế toán đã nộp báo cáo năm 2026 (nộp muộn).',
    ]);
  });

  it('after the deadline lets only an admin reopen a submitted report, and the new version is late', async () => {
    const { db, key } = await setup();
    const officer = chatAs(t, 'tuphap');
    const admin = chatAs(t, 'admin');
    await submitAll(officer);
    expect(textOf(await admin('/baocao mo công chức tư pháp'))).toContain('còn hạn đến 13/12/2026: cán bộ tự sửa được');
    at('2026-12-14T09:00:00+07:00');
    const closed = await officer('/baocao');
    expect(textOf(closed)).toContain('Hạn 13/12/2026 đã qua nên không sửa được nữa');
    expect(labelsOf(closed)).toEqual(['Xem báo cáo đã nộp']);
    expect(textOf(await officer(`/baocao sua ${(await await key()).periodId}`))).toContain(
      'Báo cáo này không sửa được',
    );
    expect(textOf(await officer('/baocao mo công chức tư pháp'))).toBe(
      'Chỉ quản trị viên của mạng lưới được dùng lệnh này.',
    );
    at('2026-12-20T09:00:00+07:00');
    expect(textOf(await admin('/baocao mo công chức tư pháp'))).toContain(
      'Đã mở lại báo cáo năm 2026 của Công chức Tư pháp.',
    );
    expect(textOf(await admin('/baocao mo công chức tư pháp'))).toContain('đã được mở lại trước đó');
    expect((await listAudit(db)).map((a) => a.action)).toContain('report.reopen');
    expect((await listOutgoing(db, 'console')).filter((m) => m.chatId === 'tuphap').map((m) => m.text)).toEqual([
      'Quản trị viên đã mở lại báo cáo năm 2026 của cơ quan bạn. Gõ /baocao 2026 để sửa và nộp lại (sẽ được ghi là nộp muộn).',
    ]);
    // From 15/12 the 2027 period is open too: the officer picks the reopened one.
    const menu = await officer('/baocao');
    expect(labelsOf(menu)).toEqual([
      'năm 2026 (đã mở lại): Báo cáo kết quả công tác truyền thông chính sách hàng năm',
      'năm 2027: Báo cáo kết quả công tác truyền thông chính sách hàng năm',
    ]);
    const reopened = textOf(await officer('1'));
    expect(reopened).toContain('Quản trị viên đã mở lại báo cáo năm 2026.');
    expect(reopened).toContain('XEM TRƯỚC BÁO CÁO');
    await sendAll(officer, ['sửa 16', 'Đề nghị mở lớp tập huấn cho công chức xã']);
    expect(textOf(await officer('Nộp báo cáo'))).toContain('Nộp muộn (hạn 13/12/2026)');
    const versions = await listSubmissionVersions(db, await key());
    expect(versions.map((v) => [v.version, v.current, v.late])).toEqual([
      [2, true, true],
      [1, false, false],
    ]);
    expect(
      await sqlAll(db, 'SELECT kind FROM report_issues WHERE submission_id = ? ORDER BY kind', versions[0]!.id),
    ).toEqual([{ kind: 'difficulty' }, { kind: 'proposal' }]);
  });

  it('never lets two officers of one agency overwrite each other; an idle draft can be taken over', async () => {
    const { db, key } = await setup();
    await t.registerOfficer('hotich', 'cam-thanh', 'cong-chuc-tu-phap', 'Trần Văn Hộ Tịch');
    const first = chatAs(t, 'tuphap');
    const second = chatAs(t, 'hotich');
    await sendAll(first, ['/baocao', ...OPENING]);
    const held = await second('/baocao');
    expect(textOf(held)).toContain('đang do Lê Thị Tư Pháp soạn (cập nhật lần cuối');
    expect(labelsOf(held)).toEqual([]);
    expect(textOf(await second('không'))).not.toContain('Câu');
    expect((await findDraft(db, await key()))!.answers['ke-hoach-nam']).toBe(true);

    t.clock.now = new Date(t.clock.now.getTime() + 25 * 3_600_000);
    const offer = await second('/baocao');
    expect(textOf(offer)).toContain('có bản nháp do Lê Thị Tư Pháp soạn, không cập nhật từ');
    const taken = textOf(await second('Nhận tiếp bản nháp'));
    expect(taken).toContain('Bạn đã nhận tiếp bản nháp của Lê Thị Tư Pháp.');
    expect(taken).toContain('nhiệm vụ 1/11');
    expect(textOf(await first('/baocao'))).toContain('đang do Trần Văn Hộ Tịch soạn');
    await second('Chưa thực hiện');
    const draft = (await findDraft(db, await key()))!;
    expect(draft.holderName).toBe('Trần Văn Hộ Tịch');
    expect(draft.answers['ket-qua-nhiem-vu']).toEqual({ 'nv-ii-1': { status: 'not-started' } });
    expect((await listAudit(db)).map((a) => a.action)).toContain('report.draft.takeover');
  });

  it('stops the first officer mid-answer once the draft was handed over, without storing the answer', async () => {
    const { db, key } = await setup();
    await t.registerOfficer('hotich', 'cam-thanh', 'cong-chuc-tu-phap', 'Trần Văn Hộ Tịch');
    const first = chatAs(t, 'tuphap');
    await sendAll(first, ['/baocao', ...OPENING]);
    expect(textOf(await chatAs(t, 'admin')('/baocao mokhoa công chức tư pháp'))).toContain(
      'Đã mở khóa bản nháp của Công chức Tư pháp (đang do Lê Thị Tư Pháp giữ)',
    );
    await sendAll(chatAs(t, 'hotich'), ['/baocao', 'Nhận tiếp bản nháp']);
    expect(textOf(await first('Đã hoàn thành'))).toContain('không còn do bạn giữ');
    expect((await findDraft(db, await key()))!.answers['ket-qua-nhiem-vu']).toBeUndefined();
  });

  it("tells a second officer who submitted the agency's report and offers the edit instead of a new report", async () => {
    await setup();
    await t.registerOfficer('hotich', 'cam-thanh', 'cong-chuc-tu-phap', 'Trần Văn Hộ Tịch');
    await submitAll(chatAs(t, 'tuphap'));
    const seen = await chatAs(t, 'hotich')('/baocao');
    expect(textOf(seen)).toContain('Cơ quan bạn đã nộp báo cáo năm 2026 lúc 09:');
    expect(textOf(seen)).toContain('(Lê Thị Tư Pháp nộp), số BC-2026-0001.');
    expect(labelsOf(seen)).toEqual(['Sửa báo cáo', 'Xem báo cáo đã nộp']);
  });

  it('shows history to the agency and its network leaders, never to another agency', async () => {
    const { db } = await setup();
    await submitAll(chatAs(t, 'tuphap'));
    const leader = await ensureActor(
      db,
      { platform: 'console', userId: 'lanhdao', name: 'Chủ tịch xã', privateChatId: 'lanhdao' },
      [],
    );
    await grantRole(db, {
      personId: leader.personId,
      networkId: 'cam-thanh',
      role: 'leader',
      actorPersonId: leader.personId,
      at: t.clock.now,
    });
    const list = await chatAs(t, 'lanhdao')('/baocao xem tư pháp');
    expect(textOf(list)).toContain('Báo cáo đã nộp của Công chức Tư pháp:\n• Kỳ năm 2026');
    const full = textOf(await chatAs(t, 'lanhdao')(labelsOf(list)[0]!));
    expect(full).toContain('BÁO CÁO NĂM 2026 · Công chức Tư pháp');
    expect(full).toContain('Số BC-2026-0001 · phiên bản 1 (hiện hành)');
    await t.registerOfficer('vhxh', 'cam-thanh', 'cong-chuc-vhxh');
    expect(textOf(await chatAs(t, 'vhxh')('/baocao xem 1'))).toContain('Bạn chỉ xem được báo cáo của cơ quan mình');
    expect(textOf(await chatAs(t, 'vhxh')('/baocao xem tư pháp'))).toContain('Không tìm thấy cơ quan “tư pháp”');
  });
});
