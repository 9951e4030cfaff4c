import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import {
  closeDatabase, enqueueOutgoing, ensureActor, findAgencyBySlug, importPlan, insertActiveMembership, migrateDatabase, openDatabase,
} from '../db/index.js';
import { parsePlan } from '../src/plans/parse.js';
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

  it('continues a conversation exactly where the user was after a SIGKILL', async () => {
    fake = await startFakeTelegram({ longPollCapMs: 200 });
    const dbPath = join(mkdtempSync(join(tmpdir(), 'daumoi-fault-')), 'bot.db');
    const db = openDatabase(dbPath);
    migrateDatabase(db);
    const parsed = parsePlan(readFileSync('plans/vinh-phuc.yaml', 'utf8'), 'vinh-phuc.yaml');
    if (!parsed.ok) throw new Error('shipped plan must parse');
    await importPlan(db, parsed.plan, null, new Date());
    const officer = await ensureActor(db, { platform: 'telegram', userId: '901', name: 'Cán bộ A', privateChatId: '901' }, []);
    const agency = await findAgencyBySlug(db, 'vinh-phuc', 'so-tu-phap');
    await insertActiveMembership(db, { personId: officer.personId, networkId: 'vinh-phuc', agencyId: agency!.id, decidedBy: null, at: new Date() });
    closeDatabase(db);
    const env = { TELEGRAM_BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot, DATABASE_PATH: dbPath };
    const repliesTo901 = () => fake!.sentTo(901).map((c) => String(c.params.text));

    const first = startBotProcess(env);
    children.push(first);
    fake.pushUpdate(fake.privateText(901, '/ghinhan'));
    await until(() => repliesTo901().some((t) => t.includes('loại hoạt động')), 20_000, 'the type question');
    await killHard(first);

    children.push(startBotProcess(env));
    fake.pushUpdate(fake.privateText(901, 'Họp báo'));
    await until(() => repliesTo901().some((t) => t.includes('ngày nào')), 20_000, 'the date question after restart');
    expect(repliesTo901().filter((t) => t.includes('loại hoạt động'))).toHaveLength(1);
  });
});
