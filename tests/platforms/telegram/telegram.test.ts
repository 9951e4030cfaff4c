import { afterEach, describe, expect, it } from 'vitest';
import { BOT_USER, startFakeTelegram, type FakeTelegram } from '../../support/fake-telegram.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

let fake: FakeTelegram;
let t: TestApp | undefined;

afterEach(async () => {
  await t?.close();
  t = undefined;
  await fake?.close();
});

const botInfo = {
  ...BOT_USER,
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
};

async function startBot(env: Record<string, string> = {}): Promise<TestApp> {
  fake = await startFakeTelegram({ longPollCapMs: 200 });
  t = await createTestApp({
    env: { TELEGRAM_BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot, ...env },
    appOptions: { telegramBotInfo: botInfo, pollTimeoutSec: 1 },
  });
  await t.app.start();
  return t;
}

const textOf = (call: { params: Record<string, unknown> }) => String(call.params.text ?? '');

describe('Telegram adapter (real telegraf against a fake Bot API)', () => {
  it('answers /trogiup over long polling and registers Vietnamese command descriptions', async () => {
    await startBot();
    fake.pushUpdate(fake.privateText(111, '/trogiup'));
    const reply = await fake.waitFor((c) => c.method === 'sendMessage' && String(c.params.chat_id) === '111');
    expect(textOf(reply)).toContain('Các lệnh của Đầu Mối');
    const menu = fake.callsOf('setMyCommands')[0]!.params.commands as
      string | { command: string; description: string }[];
    const commands = typeof menu === 'string' ? JSON.parse(menu) : menu;
    expect(commands).toContainEqual({ command: 'trogiup', description: 'Xem danh sách lệnh' });
    expect(fake.callsOf('getWebhookInfo')).toHaveLength(1);
    expect(fake.callsOf('deleteWebhook')).toHaveLength(0);
    fake.assertNoUnknownMethods();
  });

  it('sends user-supplied markup back as plain text, never with a parse mode', async () => {
    await startBot();
    fake.pushUpdate(fake.privateText(115, '/start', { firstName: '<b>Trùm</b><script>x</script>' }));
    const reply = await fake.waitFor((c) => c.method === 'sendMessage' && String(c.params.chat_id) === '115');
    expect(String(reply.params.text)).toContain('<b>Trùm</b><script>x</script>');
    expect(reply.params.parse_mode).toBeUndefined();
    expect(fake.callsOf('sendMessage').every((c) => c.params.parse_mode === undefined)).toBe(true);
  });

  it('in a group answers only messages addressed to the bot', async () => {
    await startBot();
    fake.pushUpdate(fake.groupText(-100500, 111, 'chào cả nhà'));
    fake.pushUpdate(fake.groupText(-100500, 111, '/trogiup@daumoi_test_bot'));
    const reply = await fake.waitFor((c) => c.method === 'sendMessage' && String(c.params.chat_id) === '-100500');
    expect(textOf(reply)).toContain('Các lệnh');
    fake.pushUpdate(fake.groupText(-100500, 111, '/trogiup@other_bot'));
    fake.pushUpdate(fake.privateText(111, '/trogiup'));
    await fake.waitFor((c) => c.method === 'sendMessage' && String(c.params.chat_id) === '111');
    expect(fake.sentTo(-100500)).toHaveLength(1);
  });

  it('retries an immediate reply after a 429 with retry_after', async () => {
    await startBot();
    fake.failNext('sendMessage', { status: 429, retryAfter: 1 });
    fake.pushUpdate(fake.privateText(112, '/start'));
    const reply = await fake.waitFor(
      (c) => c.method === 'sendMessage' && String(c.params.chat_id) === '112' && c.status === 200,
      5000,
    );
    expect(textOf(reply)).toContain('Xin chào');
    expect(fake.stats.rateLimited).toBe(1);
  });

  it('processes each update once even when Telegram redelivers it', async () => {
    await startBot();
    const update = fake.pushUpdate(fake.privateText(113, '/start'));
    await fake.waitFor((c) => c.method === 'sendMessage' && String(c.params.chat_id) === '113');
    fake.pushUpdate({ ...update });
    fake.pushUpdate(fake.privateText(113, '/trogiup'));
    await fake.waitFor((c) => c.method === 'sendMessage' && textOf(c).includes('Các lệnh'));
    expect(fake.sentTo(113).filter((c) => textOf(c).includes('Xin chào'))).toHaveLength(1);
  });
});

describe('Telegram webhook', () => {
  const secret = 'webhook_secret_123';

  it('sets the webhook with its secret, rejects a wrong or missing secret and answers the right one', async () => {
    await startBot({
      TELEGRAM_WEBHOOK_URL: 'https://bot.example.vn/telegram/webhook',
      TELEGRAM_WEBHOOK_SECRET: secret,
    });
    const set = fake.callsOf('setWebhook')[0]!;
    expect(set.params.secret_token).toBe(secret);
    const url = `http://127.0.0.1:${t!.app.port}/telegram/webhook`;
    const update = {
      update_id: 9001,
      message: {
        message_id: 1,
        date: 1,
        chat: { id: 120, type: 'private' },
        from: { id: 120, is_bot: false, first_name: 'An' },
        text: '/trogiup',
        entities: [{ type: 'bot_command', offset: 0, length: 8 }],
      },
    };
    expect(await fake.deliverWebhook(url, update as never, 'wrong_secret_xx')).toBe(401);
    expect(await fake.deliverWebhook(url, update as never)).toBe(401);
    expect(fake.sentTo(120)).toHaveLength(0);
    expect(t!.logs.some((l) => String(l.msg).includes('wrong secret'))).toBe(true);
    expect(await fake.deliverWebhook(url, update as never, secret)).toBe(200);
    expect(await fake.deliverWebhook(url, update as never, secret)).toBe(200);
    await fake.waitFor((c) => c.method === 'sendMessage' && String(c.params.chat_id) === '120');
    await new Promise((r) => setTimeout(r, 100));
    expect(fake.sentTo(120)).toHaveLength(1);
  });

  it('rejects a body that is not an update and serves /healthz', async () => {
    await startBot({
      TELEGRAM_WEBHOOK_URL: 'https://bot.example.vn/telegram/webhook',
      TELEGRAM_WEBHOOK_SECRET: secret,
    });
    const base = `http://127.0.0.1:${t!.app.port}`;
    const bad = await fetch(`${base}/telegram/webhook`, {
      method: 'POST',
      headers: { 'x-telegram-bot-api-secret-token': secret, 'content-type': 'application/json' },
      body: '{"hello":1}',
    });
    expect(bad.status).toBe(400);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });
});
