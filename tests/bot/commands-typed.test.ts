import { afterEach, describe, expect, it } from 'vitest';
import { mapZaloUpdate } from '../../src/platforms/zalo/map.js';
import { privateText, ZaloWorld } from '../support/fake-zalo-updates.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
afterEach(async () => t?.close());

const TODAY = new Date('2026-12-02T09:00:00+07:00');

async function officerApp(): Promise<TestApp> {
  t = await createTestApp({ now: TODAY });
  await t.registerOfficer('an', 'vinh-phuc', 'so-tu-phap', 'Nguyễn Văn An');
  return t;
}

describe('commands typed the way people write them', () => {
  it('runs /baocáo with its diacritics as /baocao', async () => {
    await officerApp();
    expect(await t.sayText('an', '/baocáo')).toMatch(/^Báo cáo: Báo cáo kết quả thực hiện Chỉ thị/);
  });

  it('joins a command split by a space: /tình hình, /nhật ký', async () => {
    await officerApp();
    expect(await t.sayText('an', '/nhật ký')).toBe(await t.sayText('an', '/nhatky'));
    expect(await t.sayText('admin', '/tình hình')).toBe(await t.sayText('admin', '/tinhhinh'));
  });

  it('keeps the arguments after a split name: /nhiệm vụ Sở Tư pháp', async () => {
    await officerApp();
    expect(await t.sayText('an', '/nhiệm vụ Sở Tư pháp')).toBe(await t.sayText('an', '/nhiemvu Sở Tư pháp'));
  });

  it('suggests the command a near-miss meant, with a button that runs it', async () => {
    await officerApp();
    const [reply] = await t.say('an', '/nhiemvuu');
    expect(reply!.text).toContain('Không có lệnh /nhiemvuu');
    expect(reply!.text).toContain('Ý bạn là /nhiemvu?');
    expect(reply!.choices).toEqual([{ id: '/nhiemvu', label: 'Có' }]);
    expect(await t.sayText('an', 'có')).toBe(await t.sayText('an', '/nhiemvu'));
    await t.say('an', '/nhiemvuu Sở Nội vụ');
    expect(await t.sayText('an', '1')).toBe(await t.sayText('an', '/nhiemvu Sở Nội vụ'));
  });

  it('does not guess when nothing is close', async () => {
    await officerApp();
    expect(await t.sayText('an', '/xyzabcdef')).toBe('Không có lệnh /xyzabcdef. Gõ /trogiup để xem các lệnh.');
  });

  it('reads a Zalo command with diacritics the same way', () => {
    const world = new ZaloWorld(() => TODAY.getTime(), 'Đầu Mối');
    const incoming = mapZaloUpdate(privateText(world, 'u1', '/Tình hình Sở Tư pháp'), { id: 'bot' });
    expect(incoming?.command).toEqual({ name: 'tinh', args: 'hình Sở Tư pháp' });
  });
});
