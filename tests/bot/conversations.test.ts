import { afterEach, describe, expect, it } from 'vitest';
import { bindGroup, findGroup } from '../../src/db/index.js';
import { BOT_USER, startFakeTelegram, type FakeTelegram } from '../support/fake-telegram.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp | undefined;
let fake: FakeTelegram | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
  await fake?.close();
  fake = undefined;
});

const conversationCount = (app: TestApp) => app.app.db.sqlite.prepare('SELECT count(*) AS n FROM conversations').get();

describe('conversation state', () => {
  it('expires after the idle time with a polite message and starts clean', async () => {
    t = await createTestApp();
    await t.registerOfficer('o1', 'vinh-phuc', 'so-tu-phap');
    expect(await t.sayText('o1', '/ghinhan')).toContain('loại hoạt động');
    t.clock.now = new Date(t.clock.now.getTime() + 25 * 3600_000);
    expect(await t.sayText('o1', 'Họp báo')).toContain('hết hạn');
    expect(conversationCount(t)).toEqual({ n: 0 });
  });

  it('discards a state saved by an older version of the bot and says so', async () => {
    t = await createTestApp();
    await t.registerOfficer('o1', 'vinh-phuc', 'so-tu-phap');
    await t.say('o1', '/ghinhan');
    t.app.db.sqlite.prepare('UPDATE conversations SET version = version + 100').run();
    expect(await t.sayText('o1', 'Họp báo')).toContain('nâng cấp');
    expect(conversationCount(t)).toEqual({ n: 0 });
  });

  it('/huy cancels at any step and nothing is saved', async () => {
    t = await createTestApp();
    await t.registerOfficer('o1', 'vinh-phuc', 'so-tu-phap');
    await t.say('o1', '/ghinhan');
    await t.say('o1', 'Họp báo');
    expect(await t.sayText('o1', '/huy')).toBe('Đã hủy thao tác đang làm.');
    expect(conversationCount(t)).toEqual({ n: 0 });
    expect(t.app.db.sqlite.prepare('SELECT count(*) AS n FROM activities').get()).toEqual({ n: 0 });
  });
});

describe('Telegram group upgraded to a supergroup', () => {
  it('moves the group binding to the new chat id', async () => {
    fake = await startFakeTelegram({ longPollCapMs: 200 });
    t = await createTestApp({
      env: { TELEGRAM_BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot },
      appOptions: {
        telegramBotInfo: {
          ...BOT_USER,
          can_join_groups: true,
          can_read_all_group_messages: false,
          supports_inline_queries: false,
        },
        pollTimeoutSec: 1,
      },
    });
    await bindGroup(
      t.app.db,
      { platform: 'telegram', chatId: '-4001', networkId: 'vinh-phuc', title: 'Mạng lưới' },
      1,
      t.clock.now,
    );
    await t.app.start();
    fake.pushUpdate({
      update_id: 77,
      message: {
        message_id: 5,
        date: 1,
        chat: { id: -4001, type: 'group', title: 'Mạng lưới' },
        from: { id: 9, is_bot: false, first_name: 'An' },
        migrate_to_chat_id: -1004001,
      },
    } as never);
    fake.pushUpdate(fake.privateText(9, '/start'));
    await fake.waitFor((c) => c.method === 'sendMessage' && String(c.params.chat_id) === '9');
    expect(await findGroup(t.app.db, 'telegram', '-1004001')).toMatchObject({ networkId: 'vinh-phuc' });
    expect(await findGroup(t.app.db, 'telegram', '-4001')).toBeUndefined();
  });
});
