import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './helpers/test-app.js';

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

  it('ignores group messages that do not address the bot', async () => {
    t = await createTestApp();
    const replies = await t.app.core.handle({
      platform: 'console', chat: { id: 'g1', type: 'group' }, sender: { id: 'u1', name: 'A' }, text: 'chào cả nhà',
      attachments: [], addressed: false, date: new Date(),
    });
    expect(replies).toEqual([]);
  });
});
