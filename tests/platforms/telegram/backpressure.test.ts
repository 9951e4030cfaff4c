import { afterEach, describe, expect, it } from 'vitest';
import { BOT_USER, startFakeTelegram, type FakeTelegram } from '../../support/fake-telegram.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

let fake: FakeTelegram | undefined;
let t: TestApp | undefined;

afterEach(async () => {
  await t?.close();
  t = undefined;
  await fake?.close();
  fake = undefined;
});

const botInfo = {
  ...BOT_USER,
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
};

describe('Telegram polling under a burst', () => {
  it('fetches the next batch only when at most 50 updates are still unanswered', async () => {
    fake = await startFakeTelegram({ longPollCapMs: 200 });
    t = await createTestApp({
      env: { TELEGRAM_BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot },
      appOptions: { telegramBotInfo: botInfo, pollTimeoutSec: 1 },
    });
    await t.app.start();
    const chats = Array.from({ length: 300 }, (_, i) => 700_000 + i);
    const updateOf = new Map(
      chats.map((chat) => [chat, fake!.pushUpdate(fake!.privateText(chat, '/trogiup')).update_id]),
    );
    const f = fake;
    await Promise.all(
      chats.map((chat) =>
        f.waitFor((c) => c.method === 'sendMessage' && String(c.params.chat_id) === String(chat), 30_000),
      ),
    );

    // At each getUpdates, the updates handed out before it (ids below its offset) whose chat got no answer yet.
    const answered = new Set<number>();
    const unanswered: number[] = [];
    for (const call of f.calls) {
      if (call.method === 'sendMessage') answered.add(Number(call.params.chat_id));
      if (call.method !== 'getUpdates') continue;
      const offset = Number(call.params.offset ?? 0);
      unanswered.push(chats.filter((chat) => updateOf.get(chat)! < offset && !answered.has(chat)).length);
    }
    expect(unanswered.length).toBeGreaterThan(3);
    // Before the poller waited, the second batch was fetched while the whole first one was in flight.
    expect(Math.max(...unanswered)).toBeLessThanOrEqual(50);
  }, 60_000);
});
