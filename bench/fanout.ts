import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeDatabase, countOutgoing, enqueueOutgoing, migrateDatabase, openDatabase } from '../src/db/index.js';
import { killHard, startBotProcess, until } from '../tests/support/bot-process.js';
import { startFakeTelegram } from '../tests/support/fake-telegram.js';

const span = (times: number[]) => (times.length > 1 ? times[times.length - 1]! - times[0]! : 0);

export interface FanoutResult {
  chats: number;
  delivered: number;
  duplicates: number;
  lost: number;
  rateLimited: number;
  serverErrors: number;
  sendRatePerSec: number;
  shareOfLimit: number;
  killedAfter: number;
}

/**
 * Reminders to `chats` private chats through the real bot process while the fake API enforces Telegram's
 * limits and injects 429s (with retry_after) and 500s; the bot is killed with SIGKILL halfway and restarted.
 */
export async function runFanout(chats: number): Promise<FanoutResult> {
  const fake = await startFakeTelegram({ longPollCapMs: 500 });
  fake.enforceLimits({ perChatPerSec: 1, globalPerSec: 30, groupPerMin: 20 });
  fake.failRate({ p429: 0.01, p500: 0.01, retryAfter: 1, seed: 7 });
  const dir = mkdtempSync(join(tmpdir(), 'daumoi-fanout-'));
  const dbPath = join(dir, 'bot.db');
  const db = openDatabase(dbPath);
  migrateDatabase(db);
  await enqueueOutgoing(
    db,
    Array.from({ length: chats }, (_, i) => ({
      platform: 'telegram',
      chatId: String(800_000 + i),
      isGroup: false,
      text: `Nhắc hạn #${i}`,
      idemKey: `bench:${i}`,
    })),
    new Date(),
  );
  const env = {
    TELEGRAM_BOT_TOKEN: fake.token,
    TELEGRAM_API_ROOT: fake.apiRoot,
    DATABASE_PATH: dbPath,
    LOG_LEVEL: 'warn',
  };
  const ok = () => fake.callsOf('sendMessage').filter((c) => c.status === 200);
  let child = startBotProcess(env);
  await until(() => ok().length >= chats / 2, chats * 1000, 'half of the fan-out');
  await killHard(child);
  const killedAfter = ok().length;
  const firstRun = fake.calls.filter((c) => c.method === 'sendMessage').map((c) => c.at);
  child = startBotProcess(env);
  await until(() => new Set(ok().map((c) => c.params.text)).size >= chats, chats * 1000, 'the whole fan-out');
  await new Promise((r) => setTimeout(r, 1000));
  await killHard(child);
  const secondRun = fake.calls
    .filter((c) => c.method === 'sendMessage')
    .slice(firstRun.length)
    .map((c) => c.at);
  // Time spent sending in each process: startup and the restart gap are not the sender's doing.
  const sendingSeconds = (span(firstRun) + span(secondRun)) / 1000;
  const texts = ok().map((c) => String(c.params.text));
  const unique = new Set(texts);
  const pending = await countOutgoing(db, 'telegram');
  closeDatabase(db);
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
  const rate = texts.length / sendingSeconds;
  return {
    chats,
    delivered: unique.size,
    duplicates: texts.length - unique.size,
    lost: chats - unique.size - (pending.failed ?? 0),
    rateLimited: fake.stats.rateLimited,
    serverErrors: fake.stats.serverErrors,
    sendRatePerSec: Math.round(rate * 10) / 10,
    shareOfLimit: Math.round((rate / 30) * 100) / 100,
    killedAfter,
  };
}
