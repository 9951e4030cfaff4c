import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findActivity, findConversation, listActivities, listAudit } from '../../../src/db/index.js';
import { sqlGet } from '../../support/sql.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

let t: TestApp;
afterEach(async () => t?.close());

const ONE_LINER = '/ghinhan họp báo hôm qua: Họp báo quý IV về dự thảo nghị quyết học phí';

async function officerApp(): Promise<TestApp> {
  t = await createTestApp();
  await t.registerOfficer('an', 'vinh-phuc', 'so-tu-phap', 'Nguyễn Văn An');
  return t;
}

const storedCount = async () => (await sqlGet<{ n: number }>(t.app.db, 'SELECT count(*) AS n FROM activities'))!.n;
const conversation = (userId: string) => findConversation(t.app.db, { platform: 'console', chatId: userId, userId });
const lastSaved = async () => (await listActivities(t.app.db, { limit: 1, offset: 0 })).rows[0];

describe('/ghinhan one-line entry', () => {
  it('echoes what it understood and saves only after "Lưu", ending the conversation with the save', async () => {
    await officerApp();
    const echo = await t.say('an', ONE_LINER);
    expect(echo[0]!.text).toContain('- Loại: Họp báo');
    expect(echo[0]!.text).toContain('- Ngày: 20/11/2026');
    expect(echo[0]!.text).toContain('- Tiêu đề: Họp báo quý IV về dự thảo nghị quyết học phí');
    expect(echo[0]!.choices!.map((c) => c.label)).toEqual([
      'Lưu',
      'Sửa loại',
      'Sửa ngày',
      'Sửa tiêu đề',
      'Sửa liên kết',
      'Sửa số lượng',
      'Sửa nhiệm vụ',
      'Hủy',
    ]);
    expect(await storedCount()).toBe(0);
    expect(await t.sayText('an', 'Lưu')).toMatch(/^Đã ghi nhận hoạt động #\d+/);
    expect(await lastSaved()).toMatchObject({
      typeId: 'hop-bao',
      date: '2026-11-20',
      title: 'Họp báo quý IV về dự thảo nghị quyết học phí',
      agencyName: 'Sở Tư pháp',
      authorName: 'Nguyễn Văn An',
      link: null,
      attachments: [],
    });
    expect(await conversation('an')).toBeUndefined();
  });

  it('lets the officer correct the type and the date in the echo before saving', async () => {
    await officerApp();
    await t.say('an', ONE_LINER);
    expect(await t.sayText('an', 'Sửa ngày')).toContain('Hoạt động diễn ra ngày nào?');
    expect(await t.sayText('an', 'thứ tư tuần này')).toContain('- Ngày: 18/11/2026');
    expect(await t.sayText('an', 'Sửa loại')).toContain('Đây là loại hoạt động nào?');
    const corrected = await t.sayText('an', 'tọa đàm');
    expect(corrected).toContain('- Loại: Đối thoại, tọa đàm, hội thảo');
    await t.say('an', 'Lưu');
    expect(await lastSaved()).toMatchObject({ typeId: 'doi-thoai-toa-dam', date: '2026-11-18' });
    expect(await storedCount()).toBe(1);
  });

  it('stores nothing when the officer picks "Hủy" in the echo', async () => {
    await officerApp();
    await t.say('an', ONE_LINER);
    expect(await t.sayText('an', 'Hủy')).toBe('Đã hủy, không lưu gì.');
    expect(await storedCount()).toBe(0);
    expect(await conversation('an')).toBeUndefined();
  });
});

describe('/ghinhan guided conversation', () => {
  it('asks type, date, title, link, counts and task in turn, then echoes and saves', async () => {
    await officerApp();
    const first = await t.say('an', '/ghinhan');
    expect(first[0]!.text).toBe('Đây là loại hoạt động nào?');
    expect(first[0]!.choices).toHaveLength(18);
    expect(await t.sayText('an', '10')).toContain('ngày nào'); // "10" picks the tenth type on the numbered list
    expect(await t.sayText('an', 'thứ hai tuần trước')).toContain('Tiêu đề');
    expect(await t.sayText('an', 'Kỹ năng phát ngôn cho cán bộ cấp xã')).toContain('Có liên kết');
    const counts = await t.say('an', 'https://sotuphap.vinhphuc.gov.vn/tap-huan');
    expect(counts[0]!.text).toContain('bao nhiêu người tham dự');
    expect(counts[0]!.choices).toBeUndefined(); // a free number is asked: no numbered choices
    const task = await t.say('an', '2 lớp, 120 học viên');
    expect(task[0]!.text).toContain('phục vụ nhiệm vụ nào');
    expect(task[0]!.choices!.map((c) => c.label)).toContain('Không gắn nhiệm vụ');
    const echo = await t.sayText('an', '4.a');
    expect(echo).toContain('- Loại: Tập huấn, bồi dưỡng');
    expect(echo).toContain('- Ngày: 09/11/2026');
    expect(echo).toContain('- Số người tham dự: 120');
    expect(echo).toContain('- Nhiệm vụ: 4.a. Chủ trì');
    await t.say('an', 'Lưu');
    const saved = (await lastSaved())!;
    expect(saved).toMatchObject({
      typeId: 'tap-huan',
      date: '2026-11-09',
      title: 'Kỹ năng phát ngôn cho cán bộ cấp xã',
      link: 'https://sotuphap.vinhphuc.gov.vn/tap-huan',
      quantity: 2,
      participants: 120,
    });
    expect(saved.taskId).toBeTypeOf('number');
  });

  it('goes back one question on "quay lại" instead of taking it as an answer', async () => {
    await officerApp();
    expect(await t.sayText('an', '/ghinhan')).toContain('loại hoạt động nào');
    expect(await t.sayText('an', 'quay lại')).toContain('câu hỏi đầu tiên');
    await t.say('an', 'Họp báo');
    await t.say('an', 'hôm qua');
    expect(await t.sayText('an', 'Quay lai')).toContain('ngày nào');
    expect(await t.sayText('an', '30/4')).toContain('Tiêu đề');
    await t.say('an', 'Họp báo về thủ tục hành chính');
    await t.say('an', 'bỏ qua');
    await t.say('an', 'bỏ qua');
    expect(await t.sayText('an', 'quay lại')).toContain('bao nhiêu người tham dự');
    await t.say('an', '40');
    const echo = await t.sayText('an', 'Không gắn nhiệm vụ');
    expect(echo).toContain('- Tiêu đề: Họp báo về thủ tục hành chính');
    expect(echo).toContain('- Ngày: 30/04/2026');
    expect(echo).toContain('- Số người tham dự: 40');
  });

  it('offers the tasks left off the list by their section number', async () => {
    await officerApp();
    await t.say('an', '/ghinhan họp báo hôm qua: Họp báo quý IV');
    const edit = await t.say('an', 'Sửa nhiệm vụ');
    expect(edit[0]!.choices!.map((c) => c.label).join('\n')).not.toContain('1.đ.');
    expect(edit[0]!.text).toContain('gõ số mục');
    expect(await t.sayText('an', '1.đ')).toContain('- Nhiệm vụ: 1.đ. Ứng dụng công nghệ');
  });

  it('asks only for what a one-liner left out', async () => {
    await officerApp();
    expect(await t.sayText('an', '/ghinhan tập huấn hôm qua')).toContain('Tiêu đề');
    expect(await t.sayText('an', 'Nghiệp vụ truyền thông chính sách')).toContain('Có liên kết');
  });

  it('continues a half-written entry after the bot restarts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'daumoi-act-'));
    try {
      t = await createTestApp({ dir });
      await t.registerOfficer('an', 'vinh-phuc', 'so-tu-phap');
      await t.say('an', '/ghinhan họp báo hôm qua');
      await t.close();
      t = await createTestApp({ dir });
      expect(await t.sayText('an', 'Họp báo về học phí')).toContain('Có liên kết');
    } finally {
      await t.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('starts from free text that says it records an activity, but not from small talk', async () => {
    await officerApp();
    expect(await t.sayText('an', 'hôm nay tôi tổ chức họp báo về học phí')).toContain(
      '- Tiêu đề: Tổ chức họp báo về học phí',
    );
    await t.say('an', 'Hủy');
    expect(await t.sayText('an', 'ghi nhận: tập huấn hôm qua: Kỹ năng phát ngôn')).toContain(
      '- Loại: Tập huấn, bồi dưỡng',
    );
    await t.say('an', 'Hủy');
    expect(await t.sayText('an', 'hôm nay trời đẹp quá')).toContain('Tôi chưa hiểu ý bạn');
  });
});

describe('attachments', () => {
  it('keeps a photo sent with a /ghinhan caption and a document sent later as platform file references', async () => {
    await officerApp();
    const photo = { kind: 'photo' as const, fileId: 'AgACphoto1' };
    const echo = await t.sayText('an', '/ghinhan tập huấn hôm qua: Kỹ năng phát ngôn', { attachments: [photo] });
    expect(echo).toContain('- Tệp đính kèm: 1 ảnh');
    const doc = { kind: 'document' as const, fileId: 'BQACdoc1', name: 'danh-sach.pdf' };
    expect(await t.sayText('an', '', { attachments: [doc] })).toContain('Đã giữ 1 tệp đính kèm');
    await t.say('an', 'Lưu');
    expect((await lastSaved())!.attachments).toEqual([
      { kind: 'photo', fileId: 'AgACphoto1', platform: 'console' },
      { kind: 'document', fileId: 'BQACdoc1', platform: 'console', name: 'danh-sach.pdf' },
    ]);
  });
});

describe('bad input stores nothing', () => {
  it('asks again for a date in the future or older than two years', async () => {
    await officerApp();
    const future = await t.sayText('an', '/ghinhan họp báo ngày mai: Họp báo quý IV');
    expect(future).toContain('22/11/2026 chưa tới');
    expect(future).toContain('ngày nào');
    expect(await t.sayText('an', '12/11/2023')).toContain('đã quá xa');
    expect(await t.sayText('an', '31/4')).toContain('không phải là ngày có thật');
    expect(await t.sayText('an', 'hôm qua')).toContain('- Ngày: 20/11/2026');
    expect(await storedCount()).toBe(0);
  });

  it('refuses negative, fractional and absurd counts and keeps asking', async () => {
    await officerApp();
    await t.say('an', '/ghinhan');
    await t.say('an', 'họp báo');
    await t.say('an', 'hôm qua');
    await t.say('an', 'Họp báo về học phí');
    await t.say('an', 'bỏ qua');
    expect(await t.sayText('an', '-30')).toContain('không thể âm');
    expect(await t.sayText('an', '30,5')).toContain('không phải số nguyên');
    expect(await t.sayText('an', '5000000')).toContain('không hợp lý');
    expect(await t.sayText('an', '30')).toContain('phục vụ nhiệm vụ nào');
    expect(await storedCount()).toBe(0);
  });

  it('refuses a text over 2,000 characters', async () => {
    await officerApp();
    const reply = await t.sayText('an', `/ghinhan họp báo hôm qua: ${'x'.repeat(2000)}`);
    expect(reply).toContain('Nội dung quá dài');
    expect(await conversation('an')).toBeUndefined();
    await t.say('an', '/ghinhan họp báo hôm qua');
    expect(await t.sayText('an', 'y'.repeat(2001))).toContain('Nội dung quá dài');
    expect(await storedCount()).toBe(0);
  });

  it('offers the list of types when the answer is not a known type', async () => {
    await officerApp();
    await t.say('an', '/ghinhan');
    const reply = await t.say('an', 'đi công tác');
    expect(reply[0]!.text).toContain('Không có loại hoạt động "đi công tác"');
    expect(reply[0]!.choices!.map((c) => c.label)).toContain('Họp báo');
  });

  it('refuses classified content in a one-liner and in an answer, keeping none of it', async () => {
    await officerApp();
    const refused = await t.sayText('an', '/ghinhan họp báo hôm qua: Tài liệu MẬT về phương án');
    expect(refused).toContain('KHÔNG lưu');
    expect(refused).toContain('không gửi qua ứng dụng nhắn tin');
    expect(await conversation('an')).toBeUndefined();
    await t.say('an', '/ghinhan họp báo hôm qua');
    expect(await t.sayText('an', 'Báo cáo Tuyệt mật số 3')).toContain('KHÔNG lưu');
    expect(JSON.stringify((await conversation('an'))!.state)).not.toContain('mật');
    const secretFile = { kind: 'document' as const, fileId: 'BQACsecret', name: 'Tai_lieu_TOI_MAT.pdf' };
    expect(await t.sayText('an', '', { attachments: [secretFile] })).toContain('KHÔNG lưu');
    expect(JSON.stringify((await conversation('an'))!.state)).not.toContain('BQACsecret');
    expect(await storedCount()).toBe(0);
  });

  it('does not mistake "Mặt trận" or "mật khẩu" for a secrecy marking', async () => {
    await officerApp();
    await t.say('an', '/ghinhan họp báo hôm qua: Phối hợp với Mặt trận Tổ quốc, đổi mật khẩu trang tin');
    await t.say('an', 'Lưu');
    expect((await lastSaved())!.title).toBe('Phối hợp với Mặt trận Tổ quốc, đổi mật khẩu trang tin');
  });

  it('tells an unregistered user to register with /dangky', async () => {
    t = await createTestApp();
    expect(await t.sayText('stranger', ONE_LINER)).toContain('/dangky');
    expect(await t.sayText('stranger', '/nhatky')).toContain('/dangky');
    expect(await storedCount()).toBe(0);
  });
});

describe('/sua and /xoa permissions', () => {
  async function withSavedActivity(): Promise<number> {
    await officerApp();
    await t.registerOfficer('binh', 'vinh-phuc', 'so-noi-vu');
    await t.registerOfficer('chi', 'vinh-phuc', 'so-tu-phap');
    await t.say('an', ONE_LINER);
    await t.say('an', 'Lưu');
    return (await lastSaved())!.id;
  }

  it('refuses an officer of another agency and a colleague who is not the author', async () => {
    const id = await withSavedActivity();
    expect(await t.sayText('binh', `/sua ${id}`)).toBe(
      `Hoạt động #${id} thuộc cơ quan khác; bạn không sửa hoặc xóa được.`,
    );
    expect(await t.sayText('binh', `/xoa #${id}`)).toContain('thuộc cơ quan khác');
    expect(await t.sayText('chi', `/xoa ${id}`)).toContain('Chỉ người ghi nhận');
    expect(await conversation('binh')).toBeUndefined();
    expect(await findActivity(t.app.db, id)).toBeDefined();
  });

  it('lets an admin edit and delete, and audits both', async () => {
    const id = await withSavedActivity();
    expect(await t.sayText('admin', `/sua ${id}`)).toContain(`Sửa hoạt động #${id}`);
    await t.say('admin', 'Sửa tiêu đề');
    await t.say('admin', 'Họp báo quý IV về học phí');
    expect(await t.sayText('admin', 'Lưu')).toBe(`Đã lưu thay đổi của hoạt động #${id}.`);
    expect((await findActivity(t.app.db, id))!.title).toBe('Họp báo quý IV về học phí');
    expect(await t.sayText('admin', `/xoa ${id}`)).toContain(`Xóa hoạt động #${id}?`);
    expect(await t.sayText('admin', 'Xóa')).toBe(`Đã xóa hoạt động #${id}.`);
    expect(await findActivity(t.app.db, id)).toBeUndefined();
    const audit = (await listAudit(t.app.db)).filter((a) => a.action.startsWith('activity.'));
    expect(audit.map((a) => a.action)).toEqual(['activity.delete', 'activity.update']);
    expect(audit[1]!.detail).toMatchObject({
      id,
      before: { title: 'Họp báo quý IV về dự thảo nghị quyết học phí' },
      after: { title: 'Họp báo quý IV về học phí' },
    });
    expect(await t.sayText('an', `/sua ${id}`)).toContain('Không tìm thấy hoạt động');
  });

  it('keeps the activity when the deletion is not confirmed', async () => {
    const id = await withSavedActivity();
    await t.say('an', `/xoa ${id}`);
    expect(await t.sayText('an', 'Không xóa')).toBe(`Giữ nguyên hoạt động #${id}.`);
    expect(await findActivity(t.app.db, id)).toBeDefined();
  });

  it('deletes on a typed "có", keeps on "không" and asks again on anything else', async () => {
    const id = await withSavedActivity();
    await t.say('an', `/xoa ${id}`);
    expect(await t.sayText('an', 'ừm để xem')).toContain('Bạn có muốn xóa hoạt động');
    expect(await t.sayText('an', 'không')).toBe(`Giữ nguyên hoạt động #${id}.`);
    await t.say('an', `/xoa ${id}`);
    expect(await t.sayText('an', 'Có')).toBe(`Đã xóa hoạt động #${id}.`);
    expect(await findActivity(t.app.db, id)).toBeUndefined();
  });
});

describe('done when: an officer logs, lists, edits and deletes; another agency cannot touch it', () => {
  it('works as a new user would try it', async () => {
    await officerApp();
    await t.registerOfficer('binh', 'vinh-phuc', 'so-noi-vu');
    await t.say('an', ONE_LINER);
    await t.say('an', 'Lưu');
    await t.say('an', '/ghinhan');
    await t.say('an', 'Tin, bài trên cổng/trang thông tin điện tử');
    await t.say('an', 'Hôm nay');
    await t.say('an', 'Đăng tin lấy ý kiến dự thảo nghị quyết học phí');
    await t.say('an', 'Bỏ qua');
    await t.say('an', '1');
    await t.say('an', 'Không gắn nhiệm vụ');
    expect(await t.sayText('an', 'Lưu')).toContain('Đã ghi nhận');
    await t.say('an', '/ghinhan tập huấn hôm qua: Kỹ năng phát ngôn', {
      attachments: [{ kind: 'photo', fileId: 'AgACp' }],
    });
    await t.say('an', 'Lưu');

    const list = await t.sayText('an', '/nhatky');
    expect(list).toContain('Nhật ký hoạt động của Sở Tư pháp: 3 mục.');
    const ids = [...list.matchAll(/#(\d+) ·/g)].map((m) => Number(m[1]));
    expect(ids).toHaveLength(3);
    expect(list).toContain('[1 tệp]');

    await t.say('an', `/sua ${ids[0]}`);
    await t.say('an', 'Sửa số lượng');
    await t.say('an', '1');
    expect(await t.sayText('an', 'Lưu')).toContain('Đã lưu thay đổi');
    await t.say('an', `/xoa ${ids[2]}`);
    expect(await t.sayText('an', 'Xóa')).toContain('Đã xóa');

    for (const id of ids.slice(0, 2)) {
      expect(await t.sayText('binh', `/sua ${id}`)).toContain('thuộc cơ quan khác');
      expect(await t.sayText('binh', `/xoa ${id}`)).toContain('thuộc cơ quan khác');
    }
    expect(await t.sayText('binh', '/nhatky sở tư pháp')).toContain('chỉ xem được nhật ký của cơ quan mình');
    expect(await t.sayText('an', '/nhatky')).toContain('2 mục');
  });
});
