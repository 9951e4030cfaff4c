import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
afterEach(async () => t?.close());

const TODAY = new Date('2026-12-02T09:00:00+07:00');

describe('numbered menus', () => {
  it('keeps the menu after a number it does not have, and says which numbers are valid', async () => {
    t = await createTestApp({ now: TODAY });
    const [menu] = await t.say('admin', '/moi so tu phap');
    expect(menu!.choices!.map((c) => c.label)).toEqual(['Sở Tư pháp (Tỉnh Bình Định)', 'Sở Tư pháp (Tỉnh Vĩnh Phúc)']);
    const [miss] = await t.say('admin', '3');
    expect(miss!.text).toBe('Không có lựa chọn đó. Bạn gõ một số từ 1 đến 2:');
    expect(miss!.choices).toEqual(menu!.choices);
    expect(await t.sayText('admin', '2')).toMatch(/^Mã mời cán bộ đầu mối của Sở Tư pháp \(Tỉnh Vĩnh Phúc\)/);
  });

  it('leaves a number inside a conversation to the conversation', async () => {
    t = await createTestApp({ now: TODAY });
    await t.registerOfficer('an', 'vinh-phuc', 'so-tu-phap', 'Nguyễn Văn An');
    await t.say('an', '/ghinhan');
    expect(await t.sayText('an', '99')).not.toContain('Không có lựa chọn đó');
  });
});
