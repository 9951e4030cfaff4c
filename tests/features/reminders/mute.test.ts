import { afterEach, describe, expect, it } from 'vitest';
import { findMutedUntil, listAudit } from '../../../src/db/index.js';
import { parseMuteUntil } from '../../../src/features/reminders/mute.js';
import { vnDateKey } from '../../../src/kernel/calendar/vn-time.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

const saturday = new Date('2026-12-05T10:00:00+07:00');
const until = (text: string) => vnDateKey(parseMuteUntil(text, saturday));

let t: TestApp;
afterEach(async () => t?.close());

describe('/tatnhac and /batnhac', () => {
  it('reads the end of leave as a day ahead, whether typed with or without a year or as a weekday', () => {
    expect(until('20/12')).toBe('2026-12-20');
    expect(until('đến ngày 5/1/2027')).toBe('2027-01-05');
    expect(until('3/1')).toBe('2027-01-03'); // no year and already past this year: next January
    expect(until('thứ hai')).toBe('2026-12-07');
    expect(until('thứ hai tuần sau')).toBe('2026-12-07');
    expect(until('ngày mai')).toBe('2026-12-06');
  });

  it('refuses a day that is not ahead, too far ahead, or not a date', () => {
    expect(() => parseMuteUntil('hôm nay', saturday)).toThrow('Ngày tạm dừng nhắc phải sau hôm nay.');
    expect(() => parseMuteUntil('1/12/2026', saturday)).toThrow('Ngày tạm dừng nhắc phải sau hôm nay.');
    expect(() => parseMuteUntil('1/6/2027', saturday)).toThrow('tối đa 90 ngày (đến 05/03/2027)');
    expect(() => parseMuteUntil('31/4', saturday)).toThrow('"31/4" không phải là ngày có thật');
    expect(() => parseMuteUntil('khi nào rảnh', saturday)).toThrow('Không đọc được ngày');
  });

  it('says a day of this year that has passed has passed, instead of reading it as next year', () => {
    const december2 = new Date('2026-12-02T09:00:00+07:00');
    expect(() => parseMuteUntil('20/11', december2)).toThrow('Ngày 20/11/2026 đã qua.');
    expect(vnDateKey(parseMuteUntil('1/1', december2))).toBe('2027-01-01');
  });

  it('stores the leave, audits it, and /batnhac (or /unmute) clears it', async () => {
    t = await createTestApp({ now: saturday });
    const person = await t.registerOfficer('tuphap', 'cam-thanh', 'cong-chuc-tu-phap');
    expect(await t.sayText('tuphap', '/tatnhac')).toContain('Gõ /tatnhac <đến ngày>');
    expect(await t.sayText('tuphap', '/tatnhac hôm qua')).toBe(
      'Ngày 04/12/2026 đã qua. Ngày tạm dừng nhắc phải sau hôm nay.',
    );
    expect(await findMutedUntil(t.app.db, person)).toBeNull();

    expect(await t.sayText('tuphap', '/mute 20/12')).toContain('đến hết ngày Chủ nhật, 20/12/2026');
    expect(await findMutedUntil(t.app.db, person)).toBe('2026-12-20');
    expect((await listAudit(t.app.db, 5)).map((a) => a.action)).toContain('reminders.mute');

    expect(await t.sayText('tuphap', '/unmute')).toBe('Đã bật lại nhắc hạn báo cáo.');
    expect(await findMutedUntil(t.app.db, person)).toBeNull();
    expect(await t.sayText('tuphap', '/batnhac')).toBe('Nhắc hạn báo cáo đang bật, không cần bật lại.');
  });

  it('answers only in a private chat', async () => {
    t = await createTestApp({ now: saturday });
    const reply = await t.sayText('tuphap', '/tatnhac 20/12', { group: { id: 'g1' } });
    expect(reply).toContain('chỉ dùng trong tin nhắn riêng');
  });
});
