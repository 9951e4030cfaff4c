import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  ensureActor,
  findAgencyBySlug,
  insertActiveMembership,
  listSubmissionVersions,
} from '../../../src/db/index.js';
import { BOT_USER, startFakeTelegram, type FakeTelegram, type RecordedCall } from '../../support/fake-telegram.js';
import { CLOSING, OPENING } from '../../support/report-chat.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { sqlGet } from '../../support/sql.js';

// The "done when" over Telegram: real telegraf against the fake Bot API, buttons pressed as
// callback queries, the bot stopped halfway and started again on the same database.

const USER = 501;
const botInfo = {
  ...BOT_USER,
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
};

let fake: FakeTelegram;
let t: TestApp | undefined;
let dir: string;

afterEach(async () => {
  await t?.close();
  t = undefined;
  await fake?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function startBot(now: Date): Promise<void> {
  t = await createTestApp({
    dir,
    now,
    env: { TELEGRAM_BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot },
    appOptions: { telegramBotInfo: botInfo, pollTimeoutSec: 1 },
  });
  await t.app.start();
}

/** Pushes an update and waits for the bot's answer in the private chat. */
async function exchange(update: ReturnType<FakeTelegram['privateText']>): Promise<RecordedCall> {
  const before = fake.sentTo(USER).length;
  t!.clock.now = new Date(t!.clock.now.getTime() + 20_000);
  fake.pushUpdate(update);
  await fake.waitFor(() => fake.sentTo(USER).length > before, 5000);
  return fake.sentTo(USER)[before]!;
}

const type = (text: string) => exchange(fake.privateText(USER, text));
const textOf = (call: RecordedCall) => String(call.params.text ?? '');

function buttons(call: RecordedCall): { text: string; callback_data: string }[] {
  const markup = call.params.reply_markup;
  const parsed = typeof markup === 'string' ? JSON.parse(markup) : markup;
  return (parsed?.inline_keyboard ?? []).flat();
}

/** Presses the button with this label on the bot's last message. */
async function press(last: RecordedCall, label: string): Promise<RecordedCall> {
  const button = buttons(last).find((b) => b.text === label);
  if (!button)
    throw new Error(
      `No button "${label}" in: ${buttons(last)
        .map((b) => b.text)
        .join(', ')}`,
    );
  return exchange(fake.callback(USER, USER, button.callback_data));
}

describe('report over Telegram', () => {
  it("done when: Cẩm Thành's justice official submits the yearly report, the bot is killed halfway and resumes, and one answer is edited before 13/12 with both versions kept", async () => {
    dir = mkdtempSync(join(tmpdir(), 'daumoi-report-telegram-'));
    fake = await startFakeTelegram({ longPollCapMs: 200 });
    await startBot(new Date('2026-11-21T09:00:00+07:00'));
    const db = t!.app.db;
    const actor = await ensureActor(
      db,
      { platform: 'telegram', userId: String(USER), name: 'Lê Thị Tư Pháp', privateChatId: String(USER) },
      [],
    );
    const agency = (await findAgencyBySlug(db, 'cam-thanh', 'cong-chuc-tu-phap'))!;
    await insertActiveMembership(db, {
      personId: actor.personId,
      networkId: 'cam-thanh',
      agencyId: agency.id,
      decidedBy: null,
      at: t!.clock.now,
    });

    let last = await type('/baocao');
    expect(textOf(last)).toContain('Câu 1/16');
    last = await press(last, 'Có');
    last = await type(OPENING[1]!);
    for (let i = 0; i < 5; i++) last = await press(last, 'Đã hoàn thành');
    expect(textOf(last)).toContain('nhiệm vụ 6/11');

    await t!.close(); // the bot is killed in the middle of the tasks
    await startBot(new Date(t!.clock.now.getTime() + 60_000));

    last = await type('đang thực hiện: chờ kinh phí năm sau');
    expect(textOf(last)).toContain('nhiệm vụ 7/11');
    for (let i = 0; i < 5; i++) last = await press(last, 'Đã hoàn thành');
    // Numbers are typed freely on Telegram: nothing in the log, so no choices to confuse them with.
    for (const answer of CLOSING.slice(0, 9)) last = await type(answer);
    last = await press(last, 'Khá');
    for (const answer of CLOSING.slice(10)) last = await type(answer);
    expect(textOf(last)).toContain('XEM TRƯỚC BÁO CÁO');
    expect(textOf(last)).toContain('Đang thực hiện (chờ kinh phí năm sau)');
    last = await press(last, 'Nộp báo cáo');
    expect(textOf(last)).toContain('Số tiếp nhận: BC-2026-0001');

    t!.clock.now = new Date('2026-12-11T14:00:00+07:00');
    last = await type('/baocao');
    last = await press(last, 'Sửa báo cáo');
    last = await press(last, 'Sửa một câu');
    last = await type('13');
    last = await press(last, 'Tốt');
    last = await press(last, 'Nộp báo cáo');
    expect(textOf(last)).toContain('Số tiếp nhận: BC-2026-0001-2 (phiên bản 2; các bản trước vẫn được lưu)');

    const periodId = ((await sqlGet(t!.app.db, "SELECT id FROM periods WHERE key = '2026'")) as { id: number }).id;
    const versions = await listSubmissionVersions(t!.app.db, { periodId, agencyId: agency.id });
    expect(versions.map((v) => [v.version, v.current, v.answers['tu-danh-gia']])).toEqual([
      [2, true, 'Tốt'],
      [1, false, 'Khá'],
    ]);
    expect(versions[1]!.answers['ket-qua-nhiem-vu']).toMatchObject({
      'nv-ii-6': { status: 'in-progress', note: 'chờ kinh phí năm sau' },
    });
    fake.assertNoUnknownMethods();
  });
});
