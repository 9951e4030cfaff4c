import { afterEach, describe, expect, it } from 'vitest';
import { listOutgoing } from '../../../src/db/index.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

let t: TestApp | undefined;

afterEach(async () => {
  await t?.close();
  t = undefined;
});

/** Files a registration request through the conversation; returns its number. */
async function fileRequest(app: TestApp, userId: string, name: string): Promise<number> {
  await app.say('admin', '/trogiup'); // the admin has a private chat with the bot
  const networks = await app.say(userId, '/dangky', { name });
  const vp = networks[0]!.choices!.findIndex((c) => c.label === 'Tỉnh Vĩnh Phúc') + 1;
  await app.say(userId, String(vp));
  await app.say(userId, 'tai chinh');
  expect(await app.sayText(userId, '1')).toContain('Đã gửi yêu cầu đăng ký');
  const notice = (await listOutgoing(app.app.db, 'console')).find((m) => m.text.startsWith('Yêu cầu đăng ký #'))!;
  return Number(/#(\d+)/.exec(notice.text)![1]);
}

describe('an admin notice of a registration request', () => {
  it('is dropped, not sent with its buttons, when the request was decided before it went out', async () => {
    t = await createTestApp({ now: new Date('2026-11-21T22:30:00+07:00') });
    const id = await fileRequest(t, 'minh', 'Trần Văn Minh');
    // Held over quiet hours; meanwhile the request is approved (/duyet lists it), and the bot is down for two weeks.
    expect(await t.sayText('admin', `/duyet ${id} ok`)).toContain('Đã duyệt');
    t.clock.now = new Date('2026-12-05T08:00:00+07:00');
    const sender = t.app.senders[0]!;
    await sender.drainOnce();
    await sender.settle();
    const rows = await listOutgoing(t.app.db, 'console');
    expect(rows.find((r) => r.text.startsWith(`Yêu cầu đăng ký #${id}`))!.status).toBe('dropped');
    expect(rows.find((r) => r.chatId === 'minh')!.status).toBe('sent');
    expect(t.logs.some((l) => l.msg === 'outgoing message dropped' && l.reason === 'decided')).toBe(true);
  });

  it('still goes out while the request waits', async () => {
    t = await createTestApp({ now: new Date('2026-11-21T22:30:00+07:00') });
    const id = await fileRequest(t, 'minh', 'Trần Văn Minh');
    t.clock.now = new Date('2026-11-23T08:00:00+07:00');
    await t.app.senders[0]!.drainOnce();
    await t.app.senders[0]!.settle();
    const notice = (await listOutgoing(t.app.db, 'console')).find((r) => r.text.startsWith(`Yêu cầu đăng ký #${id}`))!;
    expect(notice.status).toBe('sent');
  });
});
