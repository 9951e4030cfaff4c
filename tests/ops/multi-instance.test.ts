import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { until } from '../support/bot-process.js';
import { startFakeTelegram, type FakeTelegram } from '../support/fake-telegram.js';
import {
  deliver,
  kill,
  leaderOf,
  loggedKeys,
  peakPerSecond,
  startInstances,
  stopAll,
  type Instance,
} from '../support/instances.js';
import { dropTestDirDatabase, onPostgres, testDatabaseEnv } from '../support/test-db.js';

// Three bot processes on one PostgreSQL database (npm run test:pg), one of them SIGKILLed in the middle.

let fake: FakeTelegram | undefined;
let instances: Instance[] = [];
let dir: string | undefined;

afterEach(async () => {
  await stopAll(instances);
  instances = [];
  await fake?.close();
  fake = undefined;
  if (dir) await dropTestDirDatabase(dir);
  dir = undefined;
});

async function database(): Promise<string> {
  dir = mkdtempSync(join(tmpdir(), 'daumoi-multi-'));
  return (await testDatabaseEnv(dir)).DATABASE_URL!;
}

const sent = (f: FakeTelegram) => f.callsOf('sendMessage').filter((c) => c.status === 200);

describe.skipIf(!onPostgres)('three instances on one PostgreSQL database', () => {
  it('handles every webhook update once and in order per chat, with 5 % redelivered and one instance killed', async () => {
    fake = await startFakeTelegram();
    instances = await startInstances(fake, await database(), 3, { LOG_LEVEL: 'debug' });
    const chats = 12;
    const perChat = 15;
    let updateId = 1000;
    let turn = 0;
    let delivered = 0;
    const total = chats * perChat;
    // Each chat's messages one after another (Telegram's order), the chats at once, spread round-robin.
    const keys: string[] = [];
    const chains = Array.from({ length: chats }, async (_, c) => {
      for (let n = 0; n < perChat; n++) {
        const update = fake!.privateText(8000 + c, `/c${c}n${n}`);
        update.update_id = updateId++;
        keys.push(String(update.update_id));
        await deliver(fake!, instances, turn++, update);
        if (update.update_id % 20 === 7) await deliver(fake!, instances, turn++, update);
        if (++delivered === Math.floor(total / 2)) await kill(instances[1]!);
      }
    });
    await Promise.all(chains);
    const repliesOf = (c: number) =>
      fake!
        .sentTo(8000 + c)
        .map((call) => /\/c\d+n(\d+)/.exec(String(call.params.text))?.[1])
        .map(Number);
    await until(
      () => Array.from({ length: chats }, (_, c) => repliesOf(c).length).every((n) => n >= perChat),
      60_000,
      'an answer to every update',
    );
    await new Promise((r) => setTimeout(r, 1500)); // room for a duplicate to show up
    // Handled once each, by whichever instance came first; an update the killed instance handled but could not
    // mark sent has its kept replies sent again by another (at least once: the platform cannot deduplicate).
    const handled = loggedKeys(instances, 'update handled');
    const resent = loggedKeys(instances, 'kept replies sent again');
    expect(new Set(handled).size).toBe(handled.length);
    expect(new Set([...handled, ...resent])).toEqual(new Set(keys));
    // In order per chat; a reply is repeated only where its kept replies were sent again.
    let repeats = 0;
    for (let c = 0; c < chats; c++) {
      const replies = repliesOf(c);
      const collapsed = replies.filter((n, i) => i === 0 || n !== replies[i - 1]);
      repeats += replies.length - collapsed.length;
      expect(collapsed).toEqual(Array.from({ length: perChat }, (_, n) => n));
    }
    expect(repeats).toBeLessThanOrEqual(resent.length);
    const check = new pg.Client({ connectionString: (await testDatabaseEnv(dir!)).DATABASE_URL });
    await check.connect();
    const open = await check.query("SELECT count(*)::int AS n FROM inbound_updates WHERE status <> 'done'");
    await check.end();
    expect(open.rows[0].n).toBe(0);
  }, 180_000);

  it('delivers a fan-out of 500 once each, at most 30 in any second, when the sending leader is killed', async () => {
    fake = await startFakeTelegram();
    fake.enforceLimits({ globalPerSec: 30, perChatPerSec: 1 });
    const url = await database();
    const total = 500;
    const db = new pg.Client({ connectionString: url });
    await db.connect();
    await db.query(
      `INSERT INTO outbox (platform, chat_id, is_group, payload, idem_key, status, attempts, next_at, created_at)
       SELECT 'telegram', (900000 + i)::text, false, json_build_object('text', 'Nhắc hạn báo cáo #' || i), 'fan:' || i,
              'pending', 0, now(), now() FROM generate_series(0, $1 - 1) AS i`,
      [total],
    );
    await db.end();
    instances = await startInstances(fake, url, 3);
    await until(() => sent(fake!).length >= 150, 60_000, 'the first 150 reminders');
    const leader = await leaderOf(instances);
    expect(leader).toBeDefined();
    // Telegram says "slow down": nothing is in flight while the leader waits, so none can be sent twice.
    fake.failRate({ p429: 1, p500: 0, retryAfter: 3 });
    await new Promise((r) => setTimeout(r, 400));
    await kill(leader!);
    fake.failRate(null);
    await until(() => sent(fake!).length >= total, 90_000, 'every reminder');
    await new Promise((r) => setTimeout(r, 1500));
    const texts = sent(fake).map((c) => String(c.params.text));
    expect(new Set(texts).size).toBe(total);
    expect(texts).toHaveLength(total);
    expect(peakPerSecond(sent(fake))).toBeLessThanOrEqual(30);
    expect(await leaderOf(instances)).toBeDefined();
  }, 180_000);
});
