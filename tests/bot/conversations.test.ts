import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Command, ConversationDef } from '../../src/bot/context.js';
import { parseCommand } from '../../src/bot/parse-command.js';
import { createBot } from '../../src/bot/router.js';
import { bindGroup, findGroup } from '../../src/db/index.js';
import { registry } from '../../src/features/index.js';
import { common } from '../../src/messages/index.js';
import { BOT_USER, startFakeTelegram, type FakeTelegram } from '../support/fake-telegram.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { sqlAll, sqlGet, sqlRun } from '../support/sql.js';

let t: TestApp | undefined;
let fake: FakeTelegram | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
  await fake?.close();
  fake = undefined;
});

const conversationCount = async (app: TestApp) => await sqlGet(app.app.db, 'SELECT count(*) AS n FROM conversations');

describe('conversation state', () => {
  it('expires after the idle time with a polite message and starts clean', async () => {
    t = await createTestApp();
    await t.registerOfficer('o1', 'vinh-phuc', 'so-tu-phap');
    expect(await t.sayText('o1', '/ghinhan')).toContain('loại hoạt động');
    t.clock.now = new Date(t.clock.now.getTime() + 25 * 3600_000);
    expect(await t.sayText('o1', 'Họp báo')).toContain('hết hạn');
    expect(await conversationCount(t)).toEqual({ n: 0 });
  });

  it('discards a state saved by an older version of the bot and says so', async () => {
    t = await createTestApp();
    await t.registerOfficer('o1', 'vinh-phuc', 'so-tu-phap');
    await t.say('o1', '/ghinhan');
    await sqlRun(t.app.db, 'UPDATE conversations SET version = version + 100');
    expect(await t.sayText('o1', 'Họp báo')).toContain('nâng cấp');
    expect(await conversationCount(t)).toEqual({ n: 0 });
  });

  it('/huy cancels at any step and nothing is saved', async () => {
    t = await createTestApp();
    await t.registerOfficer('o1', 'vinh-phuc', 'so-tu-phap');
    await t.say('o1', '/ghinhan');
    await t.say('o1', 'Họp báo');
    expect(await t.sayText('o1', '/huy')).toBe('Đã hủy thao tác đang làm.');
    expect(await conversationCount(t)).toEqual({ n: 0 });
    expect(await sqlGet(t.app.db, 'SELECT count(*) AS n FROM activities')).toEqual({ n: 0 });
  });
});

describe('conversation state written with a wrong shape', () => {
  const probeState = z.object({ count: z.number().int() });
  const probe: ConversationDef<z.infer<typeof probeState>> = {
    kind: 'probe',
    version: 1,
    schema: probeState,
    async step(ctx, state) {
      // A bug the types would catch; the cast stands for state assembled from untyped data.
      const next = ctx.msg.text === 'hỏng' ? ({ count: 'nhiều' } as never) : { count: state.count + 1 };
      ctx.conversation.set(probe, next);
      ctx.reply(`Đếm ${state.count}`);
    },
  };
  const start: Command = {
    name: 'dem',
    aliases: [],
    description: 'Đếm',
    async run(ctx) {
      ctx.conversation.set(probe, { count: 1 });
      ctx.reply('Bắt đầu');
    },
  };

  it('fails that message with the apology and an error log, and keeps the last good state', async () => {
    t = await createTestApp();
    const bot = createBot(t.app.services, {
      ...registry,
      commands: [...registry.commands, start],
      conversations: [...registry.conversations, probe],
    });
    const say = async (text: string) =>
      (
        await bot.handle({
          platform: 'console',
          chat: { id: 'u1', type: 'private' },
          sender: { id: 'u1', name: 'An' },
          text,
          command: parseCommand(text),
          attachments: [],
          addressed: true,
          date: t!.clock.now,
        })
      ).map((r) => r.text);
    const stored = async () => await sqlAll(t!.app.db, 'SELECT kind, state FROM conversations');
    expect(await say('/dem')).toEqual(['Bắt đầu']);
    const before = await stored();
    expect(await say('hỏng')).toEqual([common.apology]);
    expect(await stored()).toEqual(before);
    const logged = t.logs.find((l) => l.msg === 'conversation state refused by its schema');
    expect(logged).toMatchObject({ level: 50, kind: 'probe' });
    // The next message continues from the last good state instead of blaming an upgrade.
    expect(await say('tiếp')).toEqual(['Đếm 1']);
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
