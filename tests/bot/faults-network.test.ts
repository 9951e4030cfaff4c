import { afterEach, describe, expect, it } from 'vitest';
import { countOutgoing, enqueueOutgoing } from '../../src/db/index.js';
import { BOT_USER, startFakeTelegram, type FakeTelegram, type RecordedCall } from '../support/fake-telegram.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// The Telegram API misbehaving on the way out: connections dropped mid-request and answers that take long.
// telegraf hard-codes its request timeout (500 s, not configurable), so a "timeout" here is a slow answer;
// a dropped connection is the failure the bot sees when a request really times out.

const botInfo = {
  ...BOT_USER,
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
};

let fake: FakeTelegram | undefined;
let t: TestApp | undefined;

afterEach(async () => {
  await t?.close();
  t = undefined;
  await fake?.close();
  fake = undefined;
});

async function startBot(): Promise<{ fake: FakeTelegram; t: TestApp }> {
  fake = await startFakeTelegram({ longPollCapMs: 200 });
  t = await createTestApp({
    env: { TELEGRAM_BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot, ADMINS: 'console:admin,telegram:600' },
    appOptions: { telegramBotInfo: botInfo, pollTimeoutSec: 1 },
  });
  await t.app.start();
  return { fake, t };
}

const textOf = (call: RecordedCall) => String(call.params.text ?? '');
const delivered = (f: FakeTelegram, chatId: number, method = 'sendMessage') =>
  f.sentTo(chatId).filter((c) => c.method === method);
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** No log line, at any level, holds the bot token or its secret half. */
function expectNoToken(logs: object[], token: string): void {
  const secretHalf = token.split(':')[1]!;
  const leaking = logs
    .map((l) => JSON.stringify(l))
    .filter((line) => line.includes(token) || line.includes(secretHalf));
  expect(leaking).toEqual([]);
}

describe('faults: the Telegram API drops connections or answers slowly', () => {
  it('retries an immediate reply whose connection was dropped and delivers it once', async () => {
    const { fake, t } = await startBot();
    fake.failNext('sendMessage', { drop: true });
    fake.pushUpdate(fake.privateText(111, '/start'));
    await fake.waitFor(
      (c) => c.method === 'sendMessage' && c.status === 200 && String(c.params.chat_id) === '111',
      5000,
    );
    await pause(300);
    expect(fake.stats.dropped).toBe(1);
    expect(
      delivered(fake, 111)
        .map(textOf)
        .filter((x) => x.includes('Xin chào')),
    ).toHaveLength(1);
    expectNoToken(t.logs, fake.token);
  });

  it('logs a reply that cannot be delivered after every retry and keeps serving the next message', async () => {
    const { fake, t } = await startBot();
    fake.failNext('sendMessage', { drop: true }, 4);
    fake.pushUpdate(fake.privateText(112, '/start'));
    await until(() => t.logs.some((l) => l.msg === 'telegram update failed'), 10_000);
    const failure = t.logs.find((l) => l.msg === 'telegram update failed')!;
    expect(JSON.stringify(failure.err)).toContain('PlatformNetworkError');
    expect(fake.stats.dropped).toBe(4);
    fake.pushUpdate(fake.privateText(112, '/trogiup'));
    const next = await fake.waitFor(
      (c) => c.method === 'sendMessage' && c.status === 200 && String(c.params.chat_id) === '112',
      5000,
    );
    expect(textOf(next)).toContain('Các lệnh của Đầu Mối');
    expect(delivered(fake, 112)).toHaveLength(1);
    expectNoToken(t.logs, fake.token);
  });

  it('resends only the reply that failed, not the ones already delivered before it', async () => {
    const { fake } = await startBot();
    fake.failNext('sendPhoto', { drop: true });
    fake.pushUpdate(fake.privateText(600, '/tinhhinh vinh-phuc'));
    await fake.waitFor((c) => c.method === 'sendPhoto' && c.status === 200, 10_000);
    expect(fake.stats.dropped).toBe(1);
    expect(delivered(fake, 600)).toHaveLength(1);
    expect(delivered(fake, 600, 'sendPhoto')).toHaveLength(1);
  });

  it('sends an outbox message again after a dropped connection, exactly once', async () => {
    const { fake, t } = await startBot();
    fake.failNext('sendMessage', { drop: true }, 2);
    await enqueueOutgoing(
      t.app.db,
      [{ platform: 'telegram', chatId: '113', isGroup: false, text: 'Nhắc hạn báo cáo năm', idemKey: 'net:1' }],
      t.clock.now,
    );
    // The retry is scheduled on the injected clock: move it past the backoff.
    t.clock.now = new Date(t.clock.now.getTime() + 60_000);
    t.app.senders[0]!.notify();
    await until(
      async () => (await countOutgoing(t.app.db, 'telegram')).sent === 1,
      10_000,
      () => {
        t!.clock.now = new Date(t!.clock.now.getTime() + 60_000);
      },
    );
    await pause(300);
    expect(fake.stats.dropped).toBe(2);
    expect(delivered(fake, 113).map(textOf)).toEqual(['Nhắc hạn báo cáo năm']);
    expectNoToken(t.logs, fake.token);
  });

  it('a slow API answer holds up only its own chat, and is not sent twice', async () => {
    const { fake } = await startBot();
    fake.failNext('sendMessage', { delayMs: 1500 });
    fake.pushUpdate(fake.privateText(114, '/start'));
    await until(() => fake.callsOf('sendMessage').some((c) => String(c.params.chat_id) === '114'), 5000);
    fake.pushUpdate(fake.privateText(115, '/trogiup'));
    const other = await fake.waitFor(
      (c) => c.method === 'sendMessage' && c.status === 200 && String(c.params.chat_id) === '115',
      1200,
    );
    expect(textOf(other)).toContain('Các lệnh');
    expect(delivered(fake, 114)).toHaveLength(0);
    await fake.waitFor(
      (c) => c.method === 'sendMessage' && c.status === 200 && String(c.params.chat_id) === '114',
      3000,
    );
    await pause(300);
    expect(delivered(fake, 114)).toHaveLength(1);
  });

  it('keeps polling after getUpdates fails, and never writes the token to the logs', async () => {
    const { fake, t } = await startBot();
    fake.failNext('getUpdates', { drop: true });
    await until(() => t.logs.filter((l) => l.msg === 'getUpdates failed').length >= 1, 5000);
    fake.pushUpdate(fake.privateText(116, '/trogiup'));
    await fake.waitFor(
      (c) => c.method === 'sendMessage' && c.status === 200 && String(c.params.chat_id) === '116',
      8000,
    );
    expectNoToken(t.logs, fake.token);
  });
});

async function until(
  condition: () => boolean | Promise<boolean>,
  timeoutMs: number,
  onEachTry?: () => void,
): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > end) throw new Error('timed out');
    onEachTry?.();
    await pause(20);
  }
}
