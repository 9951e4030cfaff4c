// A Telegram chat for the /kehoach tests: real telegraf polling the fake Bot API, a real SQLite app.

import { BOT_USER, startFakeTelegram, type FakeTelegram, type RecordedCall } from '../../support/fake-telegram.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

export const ADMIN = 501;
export const OFFICER = 502;

const botInfo = { ...BOT_USER, can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: false };

export interface TelegramChat {
  fake: FakeTelegram;
  t: TestApp;
  /** The next message the bot sends to the chat after the calls seen so far, matching `includes` if given. */
  next(chatId: number, includes?: string): Promise<RecordedCall>;
  /** Presses the button with this label on the bot's last message carrying buttons. */
  press(chatId: number, label: string): void;
  close(): Promise<void>;
}

export const textOf = (call: RecordedCall): string => String(call.params.text ?? call.params.caption ?? '');

export function buttonsOf(call: RecordedCall): { text: string; callback_data: string }[] {
  const raw = call.params.reply_markup;
  if (!raw) return [];
  const markup = (typeof raw === 'string' ? JSON.parse(raw) : raw) as {
    inline_keyboard: { text: string; callback_data: string }[][];
  };
  return markup.inline_keyboard.flat();
}

export async function startTelegramChat(): Promise<TelegramChat> {
  const fake = await startFakeTelegram({ longPollCapMs: 200 });
  const t = await createTestApp({
    env: { TELEGRAM_BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot, ADMINS: `console:admin,telegram:${ADMIN}` },
    appOptions: { telegramBotInfo: botInfo, pollTimeoutSec: 1 },
  });
  await t.app.start();
  let seen = 0;
  const sent = (c: RecordedCall, chatId: number) =>
    ['sendMessage', 'sendDocument'].includes(c.method) && String(c.params.chat_id) === String(chatId);
  return {
    fake,
    t,
    async next(chatId, includes) {
      const from = seen;
      const call = await fake.waitFor(
        (c) => fake.calls.indexOf(c) >= from && sent(c, chatId) && (!includes || textOf(c).includes(includes)),
      );
      seen = fake.calls.indexOf(call) + 1;
      return call;
    },
    press(chatId, label) {
      const withButtons = fake.calls.filter((c) => sent(c, chatId) && buttonsOf(c).length > 0).at(-1);
      const button = withButtons && buttonsOf(withButtons).find((b) => b.text === label);
      if (!button) throw new Error(`No button "${label}" on the last menu`);
      fake.pushUpdate(fake.callback(chatId, chatId, button.callback_data));
    },
    async close() {
      await t.close();
      await fake.close();
    },
  };
}
