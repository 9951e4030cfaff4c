import { afterEach, describe, expect, it } from 'vitest';
import {
  countOutgoing,
  ensureActor,
  findAgencyBySlug,
  insertActiveMembership,
  bindGroup,
  type Db,
} from '../../../src/db/index.js';
import { runReminders } from '../../../src/features/reminders/job.js';
import { createOutboxSender, type OutboxSender } from '../../../src/bot/outbox/sender.js';
import { telegramLimits } from '../../../src/bot/outbox/rate-limiter.js';
import { BOT_USER, startFakeTelegram, type FakeTelegram } from '../../support/fake-telegram.js';
import { at, jobContext, submitReport } from '../../support/reminders.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

// A reminder step fanned out to 3,000 private chats and a few groups, sent by the real outbox sender over the
// real telegraf client to the fake Bot API, which enforces Telegram's limits. Time is virtual: the sender's
// clock and sleep and the fake's rate windows share one clock, so 100 seconds of sending take a few seconds.

// One officer in six belongs to the agency that has submitted: 3,000 are reminded.
const OFFICERS = 3_600;
const GROUPS = ['-1001', '-1002', '-1003'];
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
  await fake?.close();
  t = undefined;
  fake = undefined;
});

/** Officers spread over Cẩm Thành's agencies; the culture official's agency (every 6th officer) has submitted. */
async function seed(db: Db, now: Date): Promise<{ reminded: string[]; submitted: string[] }> {
  const slugs = [
    'ban-tuyen-giao',
    'cong-chuc-van-phong',
    'cong-chuc-vhxh',
    'cong-chuc-tu-phap',
    'cong-chuc-tai-chinh',
    'ban-nganh-xa',
  ];
  const agencies = await Promise.all(slugs.map((s) => findAgencyBySlug(db, 'cam-thanh', s)));
  const reminded: string[] = [];
  const submitted: string[] = [];
  // One outer transaction for speed on SQLite: the query functions' own transactions become savepoints inside it.
  if (db.dialect === 'sqlite') db.sqlite.exec('BEGIN IMMEDIATE');
  for (let i = 0; i < OFFICERS; i++) {
    const chat = String(500_000 + i);
    const actor = await ensureActor(
      db,
      { platform: 'telegram', userId: chat, name: `Cán bộ ${i}`, privateChatId: chat },
      [],
    );
    const agency = agencies[i % slugs.length]!;
    await insertActiveMembership(db, {
      personId: actor.personId,
      networkId: 'cam-thanh',
      agencyId: agency.id,
      decidedBy: null,
      at: now,
    });
    (agency.slug === 'cong-chuc-vhxh' ? submitted : reminded).push(chat);
  }
  if (db.dialect === 'sqlite') db.sqlite.exec('COMMIT');
  for (const chatId of GROUPS)
    await bindGroup(db, { platform: 'telegram', chatId, networkId: 'cam-thanh', title: `Nhóm ${chatId}` }, 1, now);
  return { reminded, submitted };
}

/** Drives the sender on virtual time until the outbox is empty; injects failures along the way. */
async function drain(
  sender: OutboxSender,
  db: Db,
  clock: { ms: number },
  inject: (round: number) => void,
): Promise<void> {
  for (let round = 0; round < 20_000; round++) {
    inject(round);
    const dispatched = await sender.drainOnce();
    await sender.settle();
    const left = await countOutgoing(db, 'telegram');
    if (!left.pending && !left.sending) return;
    if (dispatched === 0) clock.ms += 250;
  }
  throw new Error('outbox did not drain');
}

describe('reminder fan-out', () => {
  it('delivers one reminder to each of 3,000 chats within the rate limits, through 429s, 500s and dropped connections', async () => {
    const clock = { ms: at('2026-12-07T08:30:00+07:00').getTime() };
    fake = await startFakeTelegram({ now: () => clock.ms });
    fake.enforceLimits({ perChatPerSec: 1, globalPerSec: 30, groupPerMin: 20 });
    t = await createTestApp({
      now: new Date(clock.ms),
      env: { TELEGRAM_BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot },
      appOptions: { telegramBotInfo: botInfo },
    });
    const db = t.app.db;
    const chats = await seed(db, new Date(clock.ms));
    await submitReport(t, {
      network: 'cam-thanh',
      duty: 'bao-cao-hang-nam',
      agency: 'cong-chuc-vhxh',
      personId: 1,
      when: at('2026-12-05T10:00:00+07:00'),
    });

    const queued = await runReminders(jobContext(t, new Date(clock.ms)));
    expect(queued).toHaveLength(chats.reminded.length + GROUPS.length);
    expect(await runReminders(jobContext(t, new Date(clock.ms)))).toEqual([]);

    const sender: OutboxSender = createOutboxSender({
      db,
      platform: 'telegram',
      transport: t.app.telegram!.transport,
      limits: telegramLimits,
      log: t.app.services.log,
      maxInFlight: 16,
      clock: () => new Date(clock.ms),
      // Requests in flight reach the fake before virtual time moves on, as they would in real time.
      sleep: async (ms) => {
        await sender.settle();
        clock.ms += ms;
      },
    });
    let injected = { rateLimited: 0, serverErrors: 0 };
    await drain(sender, db, clock, (round) => {
      if (round !== 0 && round !== 20) return;
      fake!.failNext('sendMessage', { status: 429, retryAfter: 2 }, 3);
      fake!.failNext('sendMessage', { status: 500 }, 2);
      fake!.failNext('sendMessage', { drop: true }, 2);
      injected = { rateLimited: injected.rateLimited + 3, serverErrors: injected.serverErrors + 2 };
    });

    const delivered = new Map<string, number>();
    for (const call of fake.callsOf('sendMessage').filter((c) => c.status === 200)) {
      const chat = String(call.params.chat_id);
      delivered.set(chat, (delivered.get(chat) ?? 0) + 1);
    }
    expect(delivered.size).toBe(chats.reminded.length + GROUPS.length);
    expect([...delivered.values()].every((n) => n === 1)).toBe(true);
    expect(chats.submitted.some((chat) => delivered.has(chat))).toBe(false);
    expect(GROUPS.every((g) => delivered.get(g) === 1)).toBe(true);
    expect(await countOutgoing(db, 'telegram')).toEqual({ sent: queued.length });
    // Only the injected failures: the sender itself never went over Telegram's limits.
    expect(fake.stats.rateLimited).toBe(injected.rateLimited);
    expect(fake.stats.serverErrors).toBe(injected.serverErrors);
    // 3,003 messages at 30 per second take at least 100 seconds of (virtual) time.
    expect(clock.ms - at('2026-12-07T08:30:00+07:00').getTime()).toBeGreaterThanOrEqual(100_000);
    fake.assertNoUnknownMethods();
  });
});
