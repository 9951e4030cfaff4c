import { afterEach, describe, expect, it } from 'vitest';
import { markInboundHandled, recordInboundBatch } from '../../../src/db/index.js';
import { BOT_USER, startFakeTelegram, type FakeTelegram, type RecordedCall } from '../../support/fake-telegram.js';
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
const USER = 4711;
const COMMANDS = ['/nhiemvu Sở Nội vụ', '/trogiup', '/timkiem ngoại vụ', '/start', '/timkiem kinh phí'];
// The first words of each command's answer, in the order of COMMANDS.
const ANSWERS = [
  'Nhiệm vụ của Sở Nội vụ',
  'Các lệnh của Đầu Mối',
  'Kết quả tìm "ngoại vụ"',
  'Xin chào',
  'Kết quả tìm "kinh phí"',
];
// Telegram answers some sends slowly: a reply sent without waiting for the one before would overtake it.
const DELAYS = [400, 0, 250, 0, 120, 0, 60, 0];

async function createBot(): Promise<TestApp> {
  t = await createTestApp({
    env: { TELEGRAM_BOT_TOKEN: fake!.token, TELEGRAM_API_ROOT: fake!.apiRoot },
    appOptions: { telegramBotInfo: botInfo, pollTimeoutSec: 1 },
  });
  return t;
}

function slowSends(f: FakeTelegram): void {
  for (const delayMs of DELAYS) f.failNext('sendMessage', { delayMs });
}

/** The texts the user received, in the order Telegram answered the sends. */
function received(f: FakeTelegram, chat: number): string[] {
  return f
    .sentTo(chat)
    .sort((a: RecordedCall, b: RecordedCall) => a.answered! - b.answered!)
    .map((c) => String(c.params.text));
}

/** Which answer (index in `answers`) each received text starts, skipping continuation parts. */
function answerOrder(texts: string[], answers: string[]): number[] {
  return texts.map((text) => answers.findIndex((a) => text.startsWith(a))).filter((i) => i >= 0);
}

async function waitForAnswers(f: FakeTelegram, chat: number, answers: string[]): Promise<void> {
  for (const answer of answers)
    await f.waitFor(
      (c) => String(c.params.chat_id) === String(chat) && String(c.params.text).startsWith(answer),
      10_000,
    );
}

describe('Telegram: one chat gets its answers in the order of its messages', () => {
  it('answers five commands of one getUpdates batch in order, though Telegram answers the sends at varying speeds', async () => {
    fake = await startFakeTelegram({ longPollCapMs: 200 });
    // Queued before the bot polls: the first getUpdates hands out all five at once.
    for (const [i, text] of COMMANDS.entries())
      fake.pushUpdate({ ...fake.privateText(USER, text), update_id: 500 + i });
    slowSends(fake);
    await (await createBot()).app.start();
    await waitForAnswers(fake, USER, ANSWERS);
    expect(fake.callsOf('getUpdates')[0]!.status).toBe(200);
    expect(answerOrder(received(fake, USER), ANSWERS)).toEqual([0, 1, 2, 3, 4]);
  });

  it('answers a button press before the message typed after it, though answering the button is slow', async () => {
    fake = await startFakeTelegram({ longPollCapMs: 200 });
    // A button whose choice is a command (as the help buttons are).
    fake.pushUpdate({ ...fake.callback(USER, USER, '/trogiup'), update_id: 600 });
    fake.pushUpdate({ ...fake.privateText(USER, '/start'), update_id: 601 });
    fake.failNext('answerCallbackQuery', { delayMs: 400 });
    await (await createBot()).app.start();
    const answers = ['Các lệnh của Đầu Mối', 'Xin chào'];
    await waitForAnswers(fake, USER, answers);
    expect(answerOrder(received(fake, USER), answers)).toEqual([0, 1]);
  });

  it('after a restart, sends kept replies and handles unfinished updates in order, before newer updates', async () => {
    fake = await startFakeTelegram({ longPollCapMs: 200 });
    const app = await createBot();
    // Recorded by the previous run in one batch (one timestamp); ids cross a digit boundary (9 < 10, "10" < "9").
    const updates = COMMANDS.map((text, i) => ({ ...fake!.privateText(USER, text), update_id: 9 + i }));
    await recordInboundBatch(
      app.app.db,
      'telegram',
      updates.map((u) => ({ updateKey: String(u.update_id), payload: u })),
      app.clock.now,
    );
    // The first was handled and its answer kept, then the process died before sending it.
    await markInboundHandled(app.app.db, 'telegram', '9', {
      chatId: String(USER),
      replies: [{ text: 'Nhiệm vụ của Sở Nội vụ (đã lưu trước khi dừng)' }],
    });
    // A message sent while the bot was down, fetched only after the restart.
    fake.pushUpdate({ ...fake.privateText(USER, '/nhiemvu Sở Ngoại vụ'), update_id: 14 });
    slowSends(fake);
    await app.app.start();
    const answers = [...ANSWERS, 'Nhiệm vụ của Sở Ngoại vụ'];
    await waitForAnswers(fake, USER, answers);
    const texts = received(fake, USER);
    expect(answerOrder(texts, answers)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(texts[0]).toContain('đã lưu trước khi dừng');
  });
});
