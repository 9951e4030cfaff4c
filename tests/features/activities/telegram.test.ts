import { afterEach, describe, expect, it } from 'vitest';
import { ensureActor, findAgencyBySlug, insertActiveMembership, listActivities } from '../../../src/db/index.js';
import { BOT_USER, startFakeTelegram, type FakeTelegram } from '../../support/fake-telegram.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

let fake: FakeTelegram | undefined;
let t: TestApp | undefined;

afterEach(async () => {
  await t?.close();
  await fake?.close();
  t = undefined;
  fake = undefined;
});

const botInfo = {
  ...BOT_USER,
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
};
const USER = 301;

async function startWithOfficer(): Promise<{ fake: FakeTelegram; t: TestApp }> {
  fake = await startFakeTelegram({ longPollCapMs: 200 });
  t = await createTestApp({
    env: { TELEGRAM_BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot },
    appOptions: { telegramBotInfo: botInfo, pollTimeoutSec: 1 },
  });
  const actor = await ensureActor(
    t.app.db,
    { platform: 'telegram', userId: String(USER), name: 'An', privateChatId: String(USER) },
    [],
  );
  const agency = await findAgencyBySlug(t.app.db, 'vinh-phuc', 'so-tu-phap');
  await insertActiveMembership(t.app.db, {
    personId: actor.personId,
    networkId: 'vinh-phuc',
    agencyId: agency!.id,
    decidedBy: null,
    at: t.clock.now,
  });
  await t.app.start();
  return { fake, t };
}

const textOf = (call: { params: Record<string, unknown> }) => String(call.params.text ?? '');
const buttonsOf = (call: { params: Record<string, unknown> }): { text: string; callback_data: string }[] => {
  const raw = call.params.reply_markup;
  const markup = (typeof raw === 'string' ? JSON.parse(raw) : raw) as {
    inline_keyboard: { text: string; callback_data: string }[][];
  };
  return markup.inline_keyboard.flat();
};

describe('activity log over Telegram (real telegraf against the fake Bot API)', () => {
  it('logs a photo with a /ghinhan caption through the echo buttons and lists it', async () => {
    const { fake, t } = await startWithOfficer();
    fake.pushUpdate(fake.photo(USER, 'AgACphotoTg1', '/ghinhan họp báo hôm qua: Họp báo quý IV về học phí'));
    const echo = await fake.waitFor((c) => c.method === 'sendMessage' && textOf(c).includes('Tôi hiểu như sau'));
    expect(textOf(echo)).toContain('- Tệp đính kèm: 1 ảnh');
    const save = buttonsOf(echo).find((b) => b.text === 'Lưu')!;
    expect(save.callback_data).toBe('save');

    fake.pushUpdate(fake.callback(USER, USER, save.callback_data));
    await fake.waitFor((c) => c.method === 'sendMessage' && textOf(c).includes('Đã ghi nhận hoạt động #'));
    expect(fake.callsOf('answerCallbackQuery').length).toBeGreaterThan(0);
    const saved = (await listActivities(t.app.db, { limit: 5, offset: 0 })).rows;
    expect(saved).toHaveLength(1);
    expect(saved[0]!.attachments).toEqual([{ kind: 'photo', fileId: 'AgACphotoTg1', platform: 'telegram' }]);

    fake.pushUpdate(fake.privateText(USER, '/nhatky'));
    const list = await fake.waitFor((c) => c.method === 'sendMessage' && textOf(c).includes('Nhật ký hoạt động'));
    expect(textOf(list)).toContain(`#${saved[0]!.id} · 20/11/2026 · Họp báo: Họp báo quý IV về học phí [1 tệp]`);
    expect(fake.callsOf('getFile')).toHaveLength(0); // a reference only: nothing downloaded
    fake.assertNoUnknownMethods();
  });

  it('cuts long button labels at a word with "…" instead of mid-word', async () => {
    const { fake } = await startWithOfficer();
    fake.pushUpdate(fake.privateText(USER, '/ghinhan họp báo hôm qua: Họp báo quý IV về học phí'));
    const echo = await fake.waitFor((c) => c.method === 'sendMessage' && textOf(c).includes('Tôi hiểu như sau'));
    fake.pushUpdate(fake.callback(USER, USER, buttonsOf(echo).find((b) => b.text === 'Sửa nhiệm vụ')!.callback_data));
    const question = await fake.waitFor(
      (c) => c.method === 'sendMessage' && textOf(c).includes('phục vụ nhiệm vụ nào'),
    );
    const task = buttonsOf(question).find((b) => b.text.startsWith('4.a.'))!;
    expect(task.text.length).toBeLessThanOrEqual(64);
    expect(task.text).toBe('4.a. Chủ trì, phối hợp với các sở, ngành liên quan, UBND các…');
  });
});
