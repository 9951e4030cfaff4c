import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { closeDatabase, enqueueOutgoing, migrateDatabase, openDatabase } from '../db/index.js';
import { killHard, startBotProcess, until } from './helpers/bot-process.js';
import { startFakeTelegram, type FakeTelegram } from './helpers/fake-telegram.js';

let fake: FakeTelegram | undefined;
const children: ReturnType<typeof startBotProcess>[] = [];

afterEach(async () => {
  for (const child of children.splice(0)) await killHard(child);
  await fake?.close();
});

function delivered(f: FakeTelegram): string[] {
  return f.callsOf('sendMessage').filter((c) => c.status === 200).map((c) => String(c.params.text));
}

describe('faults: the bot process killed with SIGKILL', () => {
  it('loses nothing and sends nothing twice when killed in the middle of a fan-out', async () => {
    fake = await startFakeTelegram({ longPollCapMs: 200 });
    const dir = mkdtempSync(join(tmpdir(), 'daumoi-fault-'));
    const dbPath = join(dir, 'bot.db');
    const db = openDatabase(dbPath);
    migrateDatabase(db);
    const total = 120;
    await enqueueOutgoing(db, Array.from({ length: total }, (_, i) => ({
      platform: 'telegram', chatId: String(700_000 + i), isGroup: false, text: `Nhắc hạn báo cáo #${i}`, idemKey: `fanout:${i}`,
    })), new Date());
    closeDatabase(db);
    const env = { TELEGRAM_BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot, DATABASE_PATH: dbPath };

    const first = startBotProcess(env);
    children.push(first);
    await until(() => delivered(fake!).length >= 40, 20_000, 'first 40 messages');
    // Telegram says "slow down": the sender pauses; kill it while it waits.
    fake.failRate({ p429: 1, p500: 0, retryAfter: 5 });
    await new Promise((r) => setTimeout(r, 300));
    await killHard(first);
    const beforeKill = delivered(fake).length;
    fake.failRate(null);

    children.push(startBotProcess(env));
    await until(() => delivered(fake!).length >= total, 30_000, 'every message');
    await new Promise((r) => setTimeout(r, 300));
    const texts = delivered(fake);
    expect(beforeKill).toBeLessThan(total);
    expect(new Set(texts).size).toBe(total);
    expect(texts).toHaveLength(total);
  });
});
