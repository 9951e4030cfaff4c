import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { sqlGet } from '../support/sql.js';

let t: TestApp;
afterEach(async () => t?.close());

describe('router', () => {
  it('answers /trogiup in Vietnamese with every command and its alias', async () => {
    t = await createTestApp();
    const text = await t.sayText('u1', '/trogiup');
    expect(text).toContain('Các lệnh của Đầu Mối');
    expect(text).toContain('/huy (/cancel)');
  });

  it('answers an unknown command with a hint and stores no conversation', async () => {
    t = await createTestApp();
    expect(await t.sayText('u1', '/khongco')).toBe('Không có lệnh /khongco. Gõ /trogiup để xem các lệnh.');
  });

  it('matches free text without caring about diacritics or case', async () => {
    t = await createTestApp();
    expect(await t.sayText('u1', 'TRỢ GIÚP')).toContain('Các lệnh của Đầu Mối');
    expect(await t.sayText('u1', 'tro giup')).toContain('Các lệnh của Đầu Mối');
  });

  it('answers a greeting or a thank-you politely, not with "Tôi chưa hiểu ý bạn"', async () => {
    t = await createTestApp();
    expect(await t.sayText('u1', 'Cảm ơn bot nhiều 🙏')).toBe(
      'Không có gì ạ! Cần gì thêm bạn cứ nhắn; gõ /trogiup để xem các lệnh.',
    );
    expect(await t.sayText('u1', 'cam on')).toContain('Không có gì ạ!');
    expect(await t.sayText('u1', 'Xin chào')).toContain('Xin chào! Tôi là Đầu Mối.');
    expect(await t.sayText('u1', 'chào buổi sáng, hôm nay trời đẹp quá nhỉ các bạn')).toContain('Tôi chưa hiểu ý bạn');
  });

  it('hears a question wrapped in courtesy words ("xin chào, ...", "bot ơi", "ạ")', async () => {
    t = await createTestApp();
    await t.registerOfficer('lan', 'vinh-phuc', 'so-tu-phap');
    expect(await t.sayText('lan', 'xin chào, nhiệm vụ của tôi là gì')).toContain('Nhiệm vụ của Sở Tư pháp');
    expect(await t.sayText('lan', 'Bot ơi,cho tôi hỏi Sở Tài chính được giao gì vậy ạ?')).toContain(
      'Nhiệm vụ của Sở Tài chính (Tỉnh Vĩnh Phúc)',
    );
    await t.say('lan', 'bot ơi ghi nhận họp báo hôm qua: Họp báo quý IV về học phí nhé');
    expect(await t.sayText('lan', 'Lưu')).toContain('Đã ghi nhận hoạt động');
    const saved = (await sqlGet(t.app.db, 'SELECT title FROM activities')) as { title: string };
    expect(saved.title).toBe('Họp báo quý IV về học phí');
  });

  it('ignores group messages that do not address the bot', async () => {
    t = await createTestApp();
    const replies = await t.app.core.handle({
      platform: 'console',
      chat: { id: 'g1', type: 'group' },
      sender: { id: 'u1', name: 'A' },
      text: 'chào cả nhà',
      attachments: [],
      addressed: false,
      date: new Date(),
    });
    expect(replies).toEqual([]);
  });
});
