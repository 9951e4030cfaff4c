import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findGroupBinding, listAudit, listNetworkGroups } from '../../../src/db/index.js';
import { BOT_USER, startFakeTelegram, type FakeTelegram, type TgUpdate } from '../../support/fake-telegram.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { sqlAll } from '../../support/sql.js';

// The bot in a group, over the real telegraf against the fake Bot API: greeted when added, the binding goes
// inactive when removed, and an unregistered writer is told once how to register.

const GROUP = -100500;
const ADMIN = 700;
const botInfo = {
  ...BOT_USER,
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
};

let fake: FakeTelegram;
let t: TestApp;
let dir: string;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'daumoi-group-'));
  fake = await startFakeTelegram({ longPollCapMs: 200 });
  t = await createTestApp({
    dir,
    env: { TELEGRAM_BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot, ADMINS: `telegram:${ADMIN}` },
    appOptions: { telegramBotInfo: botInfo, pollTimeoutSec: 1 },
  });
  await t.app.start();
});

afterEach(async () => {
  await t.close();
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});

const texts = (chat: number) => fake.sentTo(chat).map((c) => String(c.params.text ?? ''));

/** Pushes an update and waits until the chat has `count` more messages from the bot. */
async function push(update: TgUpdate, chat = GROUP, count = 1): Promise<string[]> {
  const before = fake.sentTo(chat).length;
  fake.pushUpdate(update);
  await fake.waitFor(() => fake.sentTo(chat).length >= before + count, 5000);
  return texts(chat).slice(before);
}

/** The admin asks for help in the group: once answered, everything pushed before it has been handled. */
async function settle(): Promise<string[]> {
  const before = fake.sentTo(GROUP).length;
  const answered = await push(fake.groupText(GROUP, ADMIN, '/trogiup'));
  expect(answered.at(-1)).toContain('Các lệnh của Đầu Mối');
  return texts(GROUP).slice(before, -1);
}

async function bind(): Promise<void> {
  await push(fake.botAdded(GROUP, ADMIN, 'Mạng lưới Vĩnh Phúc'));
  fake.setChatMember(GROUP, ADMIN, 'administrator');
  const [bound] = await push(fake.groupText(GROUP, ADMIN, '/thietlap vinh-phuc'));
  expect(bound).toContain('Tỉnh Vĩnh Phúc');
}

describe('the bot in a group', () => {
  it('says what it is and how an admin binds the group when it is added', async () => {
    const [greeting] = await push(fake.botAdded(GROUP, ADMIN, 'Mạng lưới Vĩnh Phúc'));
    expect(greeting).toContain('Tôi là Đầu Mối');
    expect(greeting).toContain('/thietlap <mạng lưới>');
    expect(greeting).toContain('/dangky');
    expect(await settle()).toEqual([]); // one greeting, not one per update Telegram sends about it
  });

  it('marks the binding inactive when removed, audited, and asks to bind again when added back', async () => {
    await bind();
    expect(await listNetworkGroups(t.app.db, 'vinh-phuc')).toHaveLength(1);
    fake.pushUpdate(fake.botRemoved(GROUP, ADMIN));
    const [again] = await push(fake.botAdded(GROUP, ADMIN));
    expect(await listNetworkGroups(t.app.db, 'vinh-phuc')).toEqual([]);
    expect((await findGroupBinding(t.app.db, 'telegram', String(GROUP)))?.active).toBe(false);
    const audit = (await listAudit(t.app.db)).find((a) => a.action === 'group.left');
    expect(audit?.detail).toMatchObject({ platform: 'telegram', chatId: String(GROUP), networkId: 'vinh-phuc' });
    expect(again).toContain('/thietlap vinh-phuc');
    await push(fake.groupText(GROUP, ADMIN, '/thietlap vinh-phuc'));
    expect(await listNetworkGroups(t.app.db, 'vinh-phuc')).toHaveLength(1);
  });

  it('tells an unregistered writer once how to register, in a bound group only', async () => {
    await push(fake.botAdded(-100600, ADMIN, 'Nhóm chưa gắn'), -100600);
    fake.pushUpdate(fake.groupText(-100600, 801, 'chào cả nhà'));
    await bind();
    const [hint] = await push(fake.groupText(GROUP, 801, 'chào cả nhà', { firstName: 'Lan' }));
    expect(hint).toMatch(/^Lan ơi, bạn chưa đăng ký với Đầu Mối \(Tỉnh Vĩnh Phúc\)/);
    expect(hint).toContain('/dangky');
    fake.pushUpdate(fake.groupText(GROUP, 801, 'mọi người ơi', { firstName: 'Lan' }));
    fake.pushUpdate(fake.groupText(GROUP, ADMIN, 'tôi là quản trị'));
    expect(await settle()).toEqual([]);
    expect(texts(-100600)).toHaveLength(1); // the greeting only: that group is not bound
    const told = await sqlAll(t.app.db, 'SELECT user_id AS userId FROM group_hints');
    expect(told).toEqual([{ userId: '801' }]);
  });

  it('logs and ignores update shapes it does not know, and its status in a private chat', async () => {
    fake.pushUpdate({ chat_join_request: { chat: { id: GROUP, type: 'supergroup' }, from: { id: 9 }, date: 1 } });
    fake.pushUpdate({
      my_chat_member: {
        chat: { id: 801, type: 'private' },
        from: { id: 801, is_bot: false, first_name: 'Lan' },
        date: 1,
        old_chat_member: { status: 'member', user: BOT_USER },
        new_chat_member: { status: 'kicked', user: BOT_USER },
      },
    });
    await settle();
    const ignored = t.logs.filter((l) => l.msg === 'ignored update');
    expect(ignored.map((l) => (l.keys as string[]).filter((k) => k !== 'update_id'))).toEqual([
      ['chat_join_request'],
      ['my_chat_member'],
    ]);
    expect(fake.sentTo(801)).toEqual([]);
  });
});
