import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import {
  claimDueOutgoing,
  countOutgoing,
  enqueueOutgoing,
  migrateDatabase,
  openDatabase,
  type Db,
  type OutboxRow,
} from '../../src/db/index.js';
import { PlatformApiError, PlatformNetworkError } from '../../src/bot/errors.js';
import { createOutboxSender } from '../../src/bot/outbox/sender.js';
import { telegramLimits } from '../../src/bot/outbox/rate-limiter.js';

function freshDb(): Db {
  const db = openDatabase(join(mkdtempSync(join(tmpdir(), 'daumoi-outbox-')), 'o.db'));
  migrateDatabase(db);
  return db;
}

/** A virtual clock: sleeping advances time instantly. */
function virtualTime(start = Date.parse('2026-12-07T01:00:00Z')) {
  let now = start;
  return {
    clock: () => new Date(now),
    sleep: async (ms: number) => {
      now += ms;
    },
    advance: (ms: number) => {
      now += ms;
    },
    get now() {
      return now;
    },
  };
}

const log = pino({ level: 'silent' });

async function drainAll(
  sender: { drainOnce(): Promise<number>; settle(): Promise<void> },
  time: ReturnType<typeof virtualTime>,
  db: Db,
  rounds = 2000,
) {
  for (let i = 0; i < rounds; i++) {
    await sender.drainOnce();
    await sender.settle();
    const counts = await countOutgoing(db, 'telegram');
    if (!counts.pending) return;
    time.advance(100);
  }
}

const messages = (n: number, chat: (i: number) => string, isGroup = false) =>
  Array.from({ length: n }, (_, i) => ({
    platform: 'telegram',
    chatId: chat(i),
    isGroup,
    text: `Nhắc ${i}`,
    idemKey: `k${i}`,
  }));

describe('outbox sender', () => {
  it('ignores a second enqueue with the same idempotency key', async () => {
    const db = freshDb();
    const now = new Date();
    expect(
      await enqueueOutgoing(
        db,
        messages(3, (i) => `c${i}`),
        now,
      ),
    ).toBe(3);
    expect(
      await enqueueOutgoing(
        db,
        messages(3, (i) => `c${i}`),
        now,
      ),
    ).toBe(0);
  });

  it('keeps within 30 messages per second overall and 1 per second per chat', async () => {
    const db = freshDb();
    const time = virtualTime();
    const sent: { chat: string; at: number }[] = [];
    const sender = createOutboxSender({
      db,
      platform: 'telegram',
      limits: telegramLimits,
      log,
      clock: time.clock,
      sleep: time.sleep,
      transport: { send: async (row: OutboxRow) => void sent.push({ chat: row.chatId, at: time.now }) },
    });
    await enqueueOutgoing(
      db,
      [...messages(200, (i) => `c${i}`), ...messages(5, () => 'same').map((m, i) => ({ ...m, idemKey: `s${i}` }))],
      time.clock(),
    );
    await drainAll(sender, time, db);
    expect(sent).toHaveLength(205);
    for (const s of sent) expect(sent.filter((o) => o.at > s.at - 1000 && o.at <= s.at).length).toBeLessThanOrEqual(30);
    const same = sent.filter((s) => s.chat === 'same').map((s) => s.at);
    for (let i = 1; i < same.length; i++) expect(same[i]! - same[i - 1]!).toBeGreaterThanOrEqual(1000);
  });

  it('sends at most 20 messages a minute into one group', async () => {
    const db = freshDb();
    const time = virtualTime();
    const sent: number[] = [];
    const sender = createOutboxSender({
      db,
      platform: 'telegram',
      limits: telegramLimits,
      log,
      clock: time.clock,
      sleep: time.sleep,
      transport: { send: async () => void sent.push(time.now) },
    });
    await enqueueOutgoing(
      db,
      messages(25, () => '-100900', true),
      time.clock(),
    );
    await drainAll(sender, time, db);
    expect(sent).toHaveLength(25);
    expect(sent[20]! - sent[0]!).toBeGreaterThanOrEqual(60_000);
  });

  it('parks a message on a huge retry_after instead of dropping it, and sends it later', async () => {
    const db = freshDb();
    const time = virtualTime();
    let calls = 0;
    const sender = createOutboxSender({
      db,
      platform: 'telegram',
      limits: telegramLimits,
      log,
      clock: time.clock,
      sleep: time.sleep,
      maxPauseSec: 60,
      transport: {
        send: async () => {
          calls++;
          if (calls === 1) throw new PlatformApiError('telegram', 'sendMessage', 429, 'Too Many Requests', 6 * 3600);
        },
      },
    });
    await enqueueOutgoing(
      db,
      messages(1, () => 'c1'),
      time.clock(),
    );
    await sender.drainOnce();
    await sender.settle();
    expect(await countOutgoing(db, 'telegram')).toEqual({ pending: 1 });
    time.advance(3600_000);
    await sender.drainOnce();
    expect(calls).toBe(1);
    time.advance(5 * 3600_000);
    await sender.drainOnce();
    await sender.settle();
    expect(await countOutgoing(db, 'telegram')).toEqual({ sent: 1 });
  });

  it('retries 5xx and network errors with backoff and records a final 4xx failure', async () => {
    const db = freshDb();
    const time = virtualTime();
    const failures: Record<string, Error[]> = {
      flaky: [
        new PlatformApiError('telegram', 'sendMessage', 502, 'Bad Gateway'),
        new PlatformNetworkError('telegram', 'sendMessage', 'ECONNRESET'),
      ],
      blocked: [new PlatformApiError('telegram', 'sendMessage', 403, 'Forbidden: bot was blocked by the user')],
    };
    const sender = createOutboxSender({
      db,
      platform: 'telegram',
      limits: telegramLimits,
      log,
      clock: time.clock,
      sleep: time.sleep,
      transport: {
        send: async (row) => {
          const next = failures[row.chatId]?.shift();
          if (next) throw next;
        },
      },
    });
    await enqueueOutgoing(
      db,
      [...messages(1, () => 'flaky'), { ...messages(1, () => 'blocked')[0]!, idemKey: 'b' }],
      time.clock(),
    );
    await drainAll(sender, time, db);
    expect(await countOutgoing(db, 'telegram')).toEqual({ sent: 1, failed: 1 });
  });

  it('puts messages caught mid-send by a crash back in the queue at start', async () => {
    const db = freshDb();
    await enqueueOutgoing(
      db,
      messages(2, (i) => `c${i}`),
      new Date(),
    );
    await claimDueOutgoing(db, 'telegram', new Date(), 10);
    expect(await countOutgoing(db, 'telegram')).toEqual({ sending: 2 });
    const sender = createOutboxSender({
      db,
      platform: 'telegram',
      limits: telegramLimits,
      log,
      transport: { send: async () => undefined },
    });
    await sender.start();
    await sender.stop();
    const counts = await countOutgoing(db, 'telegram');
    expect((counts.pending ?? 0) + (counts.sent ?? 0)).toBe(2);
  });
});
