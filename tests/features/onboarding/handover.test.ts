import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createDraft,
  ensureActor,
  ensurePeriod,
  findAgencyBySlug,
  insertActiveMembership,
  insertActivity,
  listAgencyDuties,
  listAudit,
} from '../../../src/db/index.js';
import { periodsBetween } from '../../../src/kernel/calendar/periods.js';
import { addDays, toVnDate } from '../../../src/kernel/calendar/vn-time.js';
import { handoverText as m } from '../../../src/messages/index.js';
import {
  BOT_USER,
  startFakeTelegram,
  type FakeTelegram,
  type RecordedCall,
  type TgUpdate,
} from '../../support/fake-telegram.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { sqlAll } from '../../support/sql.js';

// /bangiao over the real telegraf against the fake Bot API: the officer names the successor by replying to their
// message in the group; the successor takes the agency with the button of the private offer; open drafts move,
// the history keeps its author; an admin hands over alone.

const GROUP = -100700;
const OFFICER = 601;
const SUCCESSOR = 602;
const STRANGER = 603;
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
  dir = mkdtempSync(join(tmpdir(), 'daumoi-handover-'));
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

async function push(update: TgUpdate, chat: number): Promise<RecordedCall> {
  const before = fake.sentTo(chat).length;
  fake.pushUpdate(update);
  await fake.waitFor(() => fake.sentTo(chat).length > before, 5000);
  return fake.sentTo(chat)[before]!;
}
const textOf = (call: RecordedCall) => String(call.params.text ?? '');
function buttons(call: RecordedCall): { text: string; callback_data: string }[] {
  const markup = call.params.reply_markup;
  return ((typeof markup === 'string' ? JSON.parse(markup) : markup)?.inline_keyboard ?? []).flat();
}
const rows = (sql: string, ...args: unknown[]) => sqlAll(t.app.db, sql, ...args);

/** The officer of Sở Tư pháp with an activity logged and a report draft open. */
async function officerWithWork(): Promise<{ personId: number; agencyId: number }> {
  const db = t.app.db;
  const officer = await ensureActor(
    db,
    { platform: 'telegram', userId: String(OFFICER), name: 'Cán bộ cũ', privateChatId: String(OFFICER) },
    [],
  );
  const agency = (await findAgencyBySlug(db, 'vinh-phuc', 'so-tu-phap'))!;
  await insertActiveMembership(db, {
    personId: officer.personId,
    networkId: 'vinh-phuc',
    agencyId: agency.id,
    decidedBy: null,
    at: t.clock.now,
  });
  await insertActivity(
    db,
    {
      networkId: 'vinh-phuc',
      agencyId: agency.id,
      authorPersonId: officer.personId,
      typeId: 'hop-bao',
      date: '2026-11-20',
      title: 'Họp báo phổ biến pháp luật',
      link: null,
      quantity: null,
      participants: null,
      taskId: null,
      attachments: [],
    },
    t.clock.now,
  );
  const duty = (await listAgencyDuties(db, 'vinh-phuc', 'so-tu-phap'))[0]!;
  const today = toVnDate(t.clock.now);
  const period = await ensurePeriod(
    db,
    duty.id,
    periodsBetween(duty.spec, addDays(today, -30), addDays(today, 400))[0]!,
  );
  await createDraft(
    db,
    {
      periodId: period.id,
      agencyId: agency.id,
      personId: officer.personId,
      answers: { a: 'đang viết' },
      attachments: [],
      baseVersion: 0,
      at: t.clock.now,
    },
    undefined,
  );
  return { personId: officer.personId, agencyId: agency.id };
}

async function bindGroup(): Promise<void> {
  fake.setChatMember(GROUP, ADMIN, 'administrator');
  await push(fake.groupText(GROUP, ADMIN, '/thietlap vinh-phuc'), GROUP);
}

describe('/bangiao', () => {
  it('hands the agency to the successor named by a reply, who takes it with the button; drafts move, history stays', async () => {
    const { personId, agencyId } = await officerWithWork();
    await bindGroup();
    await push(fake.privateText(SUCCESSOR, '/start', { firstName: 'Lan' }), SUCCESSOR);
    const successorMessage = fake.groupText(GROUP, SUCCESSOR, 'chào anh chị', { firstName: 'Lan' });
    await push(successorMessage, GROUP);
    const from = (successorMessage.message as { from: unknown }).from;
    const reply = fake.groupText(GROUP, OFFICER, '/bangiao');
    (reply.message as Record<string, unknown>).reply_to_message = {
      message_id: 1,
      from,
      chat: { id: GROUP, type: 'supergroup' },
      date: 1,
    };
    const started = await push(reply, GROUP);
    expect(textOf(started)).toContain('Đã gửi đề nghị bàn giao Sở Tư pháp cho Lan');

    const offer = await fake.waitFor(
      (c) =>
        c.method === 'sendMessage' &&
        String(c.params.chat_id) === String(SUCCESSOR) &&
        textOf(c).includes('đề nghị bàn giao'),
      5000,
    );
    expect(textOf(offer)).toBe(m.offer('Cán bộ cũ', 'Sở Tư pháp', 'Tỉnh Vĩnh Phúc'));
    const accept = buttons(offer).find((b) => b.text === m.accept)!;

    // Someone else pressing (or typing) the successor's button gets nothing.
    expect(textOf(await push(fake.privateText(STRANGER, accept.callback_data), STRANGER))).toBe(m.gone);

    const done = await push(fake.callback(SUCCESSOR, SUCCESSOR, accept.callback_data), SUCCESSOR);
    expect(textOf(done)).toBe(m.done('Sở Tư pháp', 'Tỉnh Vĩnh Phúc', 1));
    const members = await rows(
      'SELECT person_id AS p, status FROM memberships WHERE agency_id = ? ORDER BY id',
      agencyId,
    );
    expect(members).toEqual([
      { p: personId, status: 'left' },
      { p: expect.any(Number), status: 'active' },
    ]);
    const successorId = (members[1] as { p: number }).p;
    expect(await rows('SELECT holder_person_id AS h FROM report_drafts WHERE agency_id = ?', agencyId)).toEqual([
      { h: successorId },
    ]);
    expect(await rows('SELECT author_person_id AS a FROM activities WHERE agency_id = ?', agencyId)).toEqual([
      { a: personId },
    ]);
    const actions = (await listAudit(t.app.db)).map((a) => a.action);
    expect(actions).toContain('handover.start');
    expect(actions).toContain('handover.done');
    await fake.waitFor(
      (c) => String(c.params.chat_id) === String(OFFICER) && textOf(c) === m.doneNotice('Sở Tư pháp', 'Lan'),
      5000,
    );
    // The button a second time: the offer is gone.
    expect(textOf(await push(fake.callback(SUCCESSOR, SUCCESSOR, accept.callback_data), SUCCESSOR))).toBe(m.gone);
  });

  it('shows who is behind a typed name with their platform id, and the successor may decline', async () => {
    await officerWithWork();
    await push(fake.privateText(SUCCESSOR, '/start', { firstName: 'Trần Thị Lan', username: 'tranlan' }), SUCCESSOR);
    const who = await push(fake.privateText(OFFICER, '/bangiao @tranlan'), OFFICER);
    expect(textOf(who)).toContain(`telegram:${SUCCESSOR}`);
    expect(textOf(who)).toContain('@tranlan');
    const pick = buttons(who)[0]!;
    expect(pick.callback_data).toMatch(/^\/bangiao #\d+ cho #\d+$/);
    await push(fake.callback(OFFICER, OFFICER, pick.callback_data), OFFICER);
    const offer = await fake.waitFor(
      (c) => String(c.params.chat_id) === String(SUCCESSOR) && buttons(c).length === 2,
      5000,
    );
    const decline = buttons(offer).find((b) => b.text === m.decline)!;
    expect(textOf(await push(fake.callback(SUCCESSOR, SUCCESSOR, decline.callback_data), SUCCESSOR))).toBe(m.declined);
    expect(await rows('SELECT status FROM handovers')).toEqual([{ status: 'cancelled' }]);
    expect(await rows("SELECT count(*) AS n FROM memberships WHERE status = 'active'")).toEqual([{ n: 1 }]);
  });

  it('lets an admin hand over alone, and refuses people who are not officers or admins', async () => {
    const { agencyId } = await officerWithWork();
    await push(fake.privateText(SUCCESSOR, '/start'), SUCCESSOR);
    expect(textOf(await push(fake.privateText(STRANGER, `/bangiao telegram:${SUCCESSOR}`), STRANGER))).toBe(
      m.notOfficer,
    );
    const done = await push(fake.privateText(ADMIN, `/bangiao Sở Tư pháp Vĩnh Phúc cho telegram:${SUCCESSOR}`), ADMIN);
    expect(textOf(done)).toBe(m.doneByAdmin('Sở Tư pháp', `Cán bộ ${SUCCESSOR}`, ['Cán bộ cũ'], 1));
    expect(
      await rows("SELECT count(*) AS n FROM memberships WHERE agency_id = ? AND status = 'active'", agencyId),
    ).toEqual([{ n: 1 }]);
    await fake.waitFor(
      (c) =>
        String(c.params.chat_id) === String(SUCCESSOR) &&
        textOf(c) === m.newOfficerNotice('Sở Tư pháp', 'Tỉnh Vĩnh Phúc'),
      5000,
    );
  });
});
