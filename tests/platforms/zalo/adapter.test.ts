import { afterEach, describe, expect, it } from 'vitest';
import { enqueueOutgoing, findGroup, recordInbound } from '../../../src/db/index.js';
import { startFakeZalo, type FakeZalo } from '../../support/fake-zalo.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

let fake: FakeZalo | undefined;
let t: TestApp | undefined;

afterEach(async () => {
  await t?.close();
  t = undefined;
  fake?.assertNoUnknownMethods();
  await fake?.close();
  fake = undefined;
});

async function startBot(env: Record<string, string> = {}, fakeOptions: Parameters<typeof startFakeZalo>[0] = {}) {
  const zalo = await startFakeZalo({ longPollCapMs: 200, ...fakeOptions });
  fake = zalo;
  const app = await createTestApp({
    env: { ZALO_BOT_TOKEN: zalo.token, ZALO_API_ROOT: zalo.apiRoot, ...env },
    appOptions: { pollTimeoutSec: 1 },
  });
  t = app;
  await app.app.start();
  return { zalo, app };
}

const textOf = (call: { params: Record<string, unknown> }) => String(call.params.text ?? '');
const sentText = (zalo: FakeZalo, chatId: string) => zalo.sentTo(chatId).map(textOf).join('\n');
const settle = () => new Promise((r) => setTimeout(r, 150));

describe('Zalo adapter over long polling (real axios client against the fake Bot Platform)', () => {
  it('answers /trogiup in a private chat, polling after checking that no webhook is set', async () => {
    const { zalo } = await startBot();
    zalo.pushUpdate(zalo.privateText('u1', '/trogiup'));
    const reply = await zalo.waitFor((c) => c.method === 'sendMessage' && c.params.chat_id === 'u1');
    expect(textOf(reply)).toContain('Các lệnh của Đầu Mối');
    expect(zalo.callsOf('getWebhookInfo')).toHaveLength(1);
    expect(zalo.callsOf('deleteWebhook')).toHaveLength(0);
    expect(zalo.callsOf('getMe')).toHaveLength(1);
  });

  it('processes a redelivered message_id once, also when getUpdates answers an array', async () => {
    const { zalo } = await startBot({}, { arrayMode: true });
    const update = zalo.privateText('u2', '/start');
    zalo.pushUpdate(update);
    zalo.pushUpdate(structuredClone(update));
    zalo.pushUpdate(zalo.privateText('u2', '/trogiup'));
    await zalo.waitFor((c) => c.method === 'sendMessage' && textOf(c).includes('Các lệnh'));
    zalo.pushUpdate(structuredClone(update));
    zalo.pushUpdate(zalo.privateText('u2', '/huy'));
    await zalo.waitFor((c) => c.method === 'sendMessage' && textOf(c).includes('Không có thao tác'));
    expect(zalo.sentTo('u2').filter((c) => textOf(c).includes('Xin chào'))).toHaveLength(1);
  });

  it('in a group answers only when mentioned by name, and ignores unknown events', async () => {
    const { zalo, app } = await startBot();
    zalo.pushUpdate(zalo.groupText('g1', 'u3', 'chào cả nhà'));
    zalo.pushUpdate(zalo.unknownEvent('message.voice.received', 'u3'));
    zalo.pushUpdate(zalo.groupText('g1', 'u3', '/trogiup', true));
    const reply = await zalo.waitFor((c) => c.method === 'sendMessage' && c.params.chat_id === 'g1');
    expect(textOf(reply)).toContain('Các lệnh');
    zalo.pushUpdate(zalo.privateText('u3', '/huy'));
    await zalo.waitFor((c) => c.method === 'sendMessage' && c.params.chat_id === 'u3');
    expect(zalo.sentTo('g1')).toHaveLength(1);
    expect(zalo.sentTo('u3')).toHaveLength(1);
    expect(app.logs.some((l) => l.msg === 'ignored zalo update' && l.event === 'message.voice.received')).toBe(true);
  });

  it('recognises mentions of the name set in ZALO_BOT_NAME', async () => {
    const { zalo } = await startBot({ ZALO_BOT_NAME: 'Trợ lý Văn phòng' }, { botDisplayName: 'Trợ lý Văn phòng' });
    zalo.pushUpdate(zalo.groupText('g3', 'u3', 'xin chào @Đầu Mối'));
    zalo.pushUpdate(zalo.groupText('g3', 'u3', 'hướng dẫn', true));
    const reply = await zalo.waitFor((c) => c.method === 'sendMessage' && c.params.chat_id === 'g3');
    expect(textOf(reply)).toContain('Các lệnh');
    await settle();
    expect(zalo.sentTo('g3')).toHaveLength(1);
  });

  it('explains in a group that Zalo cannot tell group admins, and binds nothing', async () => {
    const { zalo, app } = await startBot({ ADMINS: 'console:admin,zalo:boss' });
    zalo.pushUpdate(zalo.groupText('g2', 'boss', '/thietlap Vĩnh Phúc', true));
    const reply = await zalo.waitFor((c) => c.method === 'sendMessage' && c.params.chat_id === 'g2');
    expect(textOf(reply)).toContain('Zalo không cho bot biết ai là quản trị viên nhóm');
    expect(await findGroup(app.app.db, 'zalo', 'g2')).toBeUndefined();
  });

  it('retries a reply the API refused with 429', async () => {
    const { zalo } = await startBot();
    zalo.failNext('sendMessage', { status: 429, retryAfter: 0 });
    zalo.pushUpdate(zalo.privateText('u4', '/start'));
    const reply = await zalo.waitFor(
      (c) => c.method === 'sendMessage' && c.params.chat_id === 'u4' && c.status === 200,
      5000,
    );
    expect(textOf(reply)).toContain('Xin chào');
    expect(zalo.stats.rateLimited).toBe(1);
  });

  it('keeps the token out of every log line when the API keeps failing', async () => {
    const { zalo, app } = await startBot();
    zalo.failNext('sendMessage', { status: 401, description: `Unauthorized bot${zalo.token}` });
    zalo.failNext('getUpdates', { status: 401, description: `Unauthorized bot${zalo.token}` });
    await zalo.waitFor((c) => c.method === 'getUpdates' && c.status === 401);
    zalo.pushUpdate(zalo.privateText('u5', '/start'));
    await zalo.waitFor((c) => c.method === 'sendMessage' && c.status === 401, 5000);
    await settle();
    const logs = JSON.stringify(app.logs);
    expect(logs).toContain('zalo update failed');
    expect(logs).toContain('zalo getUpdates failed');
    expect(logs).toContain('Unauthorized bot<redacted>');
    expect(logs).not.toContain(zalo.token.split(':')[1]);
  });

  it('finishes an update recorded before a crash when it starts again', async () => {
    const zalo = await startFakeZalo({ longPollCapMs: 200 });
    fake = zalo;
    t = await createTestApp({
      env: { ZALO_BOT_TOKEN: zalo.token, ZALO_API_ROOT: zalo.apiRoot },
      appOptions: { pollTimeoutSec: 1 },
    });
    await recordInbound(t.app.db, 'zalo', 'm-before-crash', zalo.privateText('u6', '/trogiup'), t.clock.now);
    await t.app.start();
    expect(sentText(zalo, 'u6')).toContain('Các lệnh');
  });
});

describe('Zalo outbox sender', () => {
  it('splits a long notice at 2,000 characters on paragraph boundaries', async () => {
    const { zalo, app } = await startBot();
    const paragraph = (n: number) => `Đoạn ${n}: ${'nội dung báo cáo '.repeat(40).trim()}`;
    const text = Array.from({ length: 8 }, (_, i) => paragraph(i + 1)).join('\n\n');
    await enqueueOutgoing(
      app.app.db,
      [{ platform: 'zalo', chatId: 'u7', isGroup: false, text, idemKey: 'long-1' }],
      app.clock.now,
    );
    await zalo.waitFor((c) => c.method === 'sendMessage' && textOf(c).includes('Đoạn 8'), 8000);
    const parts = zalo.sentTo('u7').map(textOf);
    expect(parts.length).toBeGreaterThan(2);
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(2000);
      expect(part).toMatch(/^Đoạn \d+:/);
      expect(part.endsWith('báo cáo')).toBe(true);
    }
    expect(parts.join('\n\n')).toBe(text);
  });

  it("shows a notice's command choices as commands to type, since no menu is remembered for it", async () => {
    const { zalo, app } = await startBot();
    const choices = [
      { id: '/duyet 5 ok', label: 'Duyệt' },
      { id: '/duyet 5 khong', label: 'Từ chối' },
      { id: 'x', label: 'Khác' },
    ];
    await enqueueOutgoing(
      app.app.db,
      [
        {
          platform: 'zalo',
          chatId: 'u9',
          isGroup: false,
          text: 'Yêu cầu #5. Từ chối: /duyet 5 khong',
          choices,
          idemKey: 'n-1',
        },
      ],
      app.clock.now,
    );
    const sent = await zalo.waitFor((c) => c.method === 'sendMessage' && c.params.chat_id === 'u9', 3000);
    expect(textOf(sent)).toBe('Yêu cầu #5. Từ chối: /duyet 5 khong\nDuyệt: gõ /duyet 5 ok');
  });

  it('parks a notice on 429 and sends it once after the pause', async () => {
    const { zalo, app } = await startBot();
    zalo.failNext('sendMessage', { status: 429, retryAfter: 1 });
    await enqueueOutgoing(
      app.app.db,
      [{ platform: 'zalo', chatId: 'u8', isGroup: false, text: 'Nhắc hạn báo cáo', idemKey: 'r-1' }],
      app.clock.now,
    );
    await zalo.waitFor((c) => c.method === 'sendMessage' && c.status === 429, 3000);
    await settle();
    expect(zalo.sentTo('u8')).toHaveLength(0);
    app.clock.now = new Date(app.clock.now.getTime() + 2000);
    await zalo.waitFor((c) => c.method === 'sendMessage' && c.params.chat_id === 'u8' && c.status === 200, 5000);
    await settle();
    expect(zalo.sentTo('u8')).toHaveLength(1);
    expect(zalo.callsOf('sendMessage')).toHaveLength(2);
  });
});
