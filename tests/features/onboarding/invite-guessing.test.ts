import { afterEach, describe, expect, it } from 'vitest';
import { listAudit } from '../../../src/db/index.js';
import { accessText } from '../../../src/messages/index.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const codeIn = (text: string) => /: ([A-Z2-9]{8})\n/.exec(text)?.[1] ?? '';
const guesses = ['AAAA2222', 'AAAA3333', 'AAAA4444', 'AAAA5555', 'AAAA6666'];

describe('invite codes resist guessing', () => {
  it('after 5 wrong codes in 15 minutes even the right code waits, with a clear message; then it works', async () => {
    t = await createTestApp();
    const code = codeIn(await t.sayText('admin', '/moi Sở Tài chính Vĩnh Phúc'));
    for (const guess of guesses) expect(await t.sayText('mallory', `/dangky ${guess}`)).toBe(accessText.codeInvalid);
    expect(await t.sayText('mallory', `/dangky ${code}`)).toBe(accessText.tooManyCodes(15));
    expect(await t.sayText('mallory', `/start ${code}`)).toBe(accessText.tooManyCodes(15));
    // Someone else is not held back by mallory's guesses.
    expect(await t.sayText('hoa', '/dangky AAAA7777')).toBe(accessText.codeInvalid);
    t.clock.now = new Date(t.clock.now.getTime() + 15 * 60_000 + 1000);
    expect(await t.sayText('mallory', `/dangky ${code}`)).toContain('Đăng ký thành công');
  });

  it('records every wrong code in the audit log with the reason and the chat', async () => {
    t = await createTestApp();
    await t.say('mallory', '/dangky AAAA2222', { platform: 'telegram' });
    const failures = (await listAudit(t.app.db, 50)).filter((e) => e.action === 'invite.fail');
    expect(failures.map((e) => e.detail)).toEqual([{ reason: 'unknown', chat: 'telegram:mallory' }]);
  });

  it('counts wrong codes per chat too, whoever types them there', async () => {
    t = await createTestApp();
    // Several accounts in one chat (the console's single chat, a shared group): the chat's limit holds them all.
    for (const [i, guess] of guesses.entries()) {
      await t.app.core.handle({
        platform: 'console',
        chat: { id: 'shared', type: 'private' },
        sender: { id: `sock${i}`, name: `Sock ${i}` },
        text: `/dangky ${guess}`,
        command: { name: 'dangky', args: guess },
        attachments: [],
        addressed: true,
        date: t.clock.now,
      });
    }
    const replies = await t.app.core.handle({
      platform: 'console',
      chat: { id: 'shared', type: 'private' },
      sender: { id: 'sock9', name: 'Sock 9' },
      text: '/dangky AAAA7777',
      command: { name: 'dangky', args: 'AAAA7777' },
      attachments: [],
      addressed: true,
      date: t.clock.now,
    });
    expect(replies.map((r) => r.text)).toEqual([accessText.tooManyCodes(15)]);
  });
});
