import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { countOutgoing, enqueueOutgoing, findConversation } from '../../src/db/index.js';
import { common } from '../../src/messages/index.js';
import { lockDatabase, type DatabaseLock } from '../support/db-locker.js';
import { BOT_USER, startFakeTelegram, type FakeTelegram } from '../support/fake-telegram.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { sqliteOf } from '../support/sql.js';
import { onPostgres } from '../support/test-db.js';

// The database failing under the bot: another process holding its lock past the busy timeout, and no space
// left (SQLite's max_page_count stands in for a full disk). The user gets a short Vietnamese answer, nothing
// is half-written, and the bot works again once the cause is gone.

const BUSY_MS = 200;
const botInfo = {
  ...BOT_USER,
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
};

let t: TestApp | undefined;
let fake: FakeTelegram | undefined;
let lock: DatabaseLock | undefined;

afterEach(async () => {
  await lock?.release();
  lock = undefined;
  await t?.close();
  t = undefined;
  await fake?.close();
  fake = undefined;
});

async function officerApp(env: Record<string, string> = {}, appOptions = {}): Promise<TestApp> {
  t = await createTestApp({ env: { DATABASE_BUSY_TIMEOUT_MS: String(BUSY_MS), ...env }, appOptions });
  await t.registerOfficer('an', 'vinh-phuc', 'so-tu-phap', 'Nguyễn Văn An');
  return t;
}

const dbFile = (app: TestApp) => join(app.dir, 'test.db');
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Row counts of every table: equal before and after means nothing was written. */
function tableCounts(app: TestApp): Record<string, number> {
  const sqlite = sqliteOf(app.app.db);
  const tables = sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .all() as { name: string }[];
  return Object.fromEntries(
    tables.map(({ name }) => [name, (sqlite.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n]),
  );
}

const activityCount = (app: TestApp) => tableCounts(app).activities;
const draftOf = (app: TestApp) => findConversation(app.app.db, { platform: 'console', chatId: 'an', userId: 'an' });

async function until(condition: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await pause(20);
  }
}

// SQLite-only: a second process holds the SQLite file's write lock.
describe.skipIf(onPostgres)('faults: the database locked by another process', () => {
  it('tells the user the bot is busy, writes nothing, and saves on the next try once the lock is gone', async () => {
    const t = await officerApp();
    expect(await t.sayText('an', '/ghinhan họp báo hôm qua: Họp báo quý IV về học phí')).toContain(
      '- Tiêu đề: Họp báo quý IV về học phí',
    );
    const before = tableCounts(t);
    const draft = await draftOf(t);

    lock = await lockDatabase(dbFile(t));
    expect(await t.sayText('an', 'Lưu')).toBe(common.databaseBusy);
    expect(await t.sayText('newcomer', '/start')).toBe(common.databaseBusy);
    expect(tableCounts(t)).toEqual(before);
    expect(await draftOf(t)).toEqual(draft);
    const logged = t.logs.filter((l) => l.msg === 'database locked by another process past the busy timeout');
    expect(logged).toHaveLength(2);
    expect(JSON.stringify(logged[0]!.err)).toContain('SQLITE_BUSY');

    await lock.release();
    expect(await t.sayText('an', 'Lưu')).toMatch(/^Đã ghi nhận hoạt động #\d+/);
    expect(await t.sayText('newcomer', '/start')).toContain('Xin chào newcomer');
    expect(activityCount(t)).toBe(1);
    expect(await draftOf(t)).toBeUndefined();
  });

  it('takes a Telegram update that arrived during the lock once the lock is gone, and answers it once', async () => {
    fake = await startFakeTelegram({ longPollCapMs: 200 });
    t = await createTestApp({
      env: {
        DATABASE_BUSY_TIMEOUT_MS: String(BUSY_MS),
        TELEGRAM_BOT_TOKEN: fake.token,
        TELEGRAM_API_ROOT: fake.apiRoot,
      },
      appOptions: { telegramBotInfo: botInfo, pollTimeoutSec: 1 },
    });
    await t.app.start();
    lock = await lockDatabase(dbFile(t));
    fake.pushUpdate(fake.privateText(401, '/trogiup'));
    await until(() => t!.logs.some((l) => l.msg === 'getUpdates failed'), 5000, 'the failed recording');
    await lock.release();
    await fake.waitFor(
      (c) => c.method === 'sendMessage' && c.status === 200 && String(c.params.chat_id) === '401',
      5000,
    );
    await pause(300);
    expect(fake.sentTo(401)).toHaveLength(1);
  });

  it('does not crash when a message it just sent cannot be recorded, and records it once the lock is gone', async () => {
    fake = await startFakeTelegram({ longPollCapMs: 200 });
    // SQLite waits for a lock synchronously: a short wait keeps the event loop free to finish the send.
    t = await createTestApp({
      env: { DATABASE_BUSY_TIMEOUT_MS: '10', TELEGRAM_BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot },
      appOptions: { telegramBotInfo: botInfo, pollTimeoutSec: 1 },
    });
    await t.app.start();
    fake.failNext('sendMessage', { delayMs: 600 });
    await enqueueOutgoing(
      t.app.db,
      [{ platform: 'telegram', chatId: '402', isGroup: false, text: 'Nhắc hạn', idemKey: 'lock:1' }],
      t.clock.now,
    );
    t.app.senders[0]!.notify();
    await until(() => fake!.callsOf('sendMessage').length > 0, 5000, 'the send');
    lock = await lockDatabase(dbFile(t));
    await fake.waitFor((c) => c.method === 'sendMessage' && c.status === 200, 5000);
    await until(() => t!.logs.some((l) => l.msg === 'sent, but could not record it yet'), 5000, 'the logged error');
    await lock.release();
    await until(
      async () => (await countOutgoing(t!.app.db, 'telegram')).sent === 1,
      5000,
      'the message recorded as sent',
    );
    expect(fake.sentTo(402)).toHaveLength(1);
  });
});

// SQLite-only: fills the disk under the SQLite file.
describe.skipIf(onPostgres)('faults: no space left for the database', () => {
  // A long description and ten scanned documents: over 4 KB in one row, so saving it needs an overflow page,
  // i.e. a new page, which a full database cannot give.
  const longTitle = 'Hội nghị phổ biến nghị quyết về hỗ trợ học phí; '.repeat(40).trim();
  const documents = Array.from({ length: 10 }, (_, i) => ({
    kind: 'document' as const,
    fileId: `BQACAgUAAxkBAAIBc2VhZ${String(i).padStart(2, '0')}${'x'.repeat(70)}`,
    name: `Kế hoạch truyền thông số ${i + 1}.pdf`,
  }));

  it('tells the user the server is out of space, leaves the database intact, and saves once space is back', async () => {
    const t = await officerApp();
    expect(Buffer.byteLength(JSON.stringify([longTitle, documents]))).toBeGreaterThan(4500);
    expect(await t.sayText('an', `/ghinhan họp báo hôm qua: ${longTitle}`, { attachments: documents })).toContain(
      '- Tiêu đề: Hội nghị',
    );
    const sqlite = sqliteOf(t.app.db);
    sqlite.exec('VACUUM'); // no free pages left to reuse
    sqlite.pragma(`max_page_count = ${sqlite.pragma('page_count', { simple: true }) as number}`);
    const before = tableCounts(t);
    const draft = await draftOf(t);

    expect(await t.sayText('an', 'Lưu')).toBe(common.databaseFull);
    expect(tableCounts(t)).toEqual(before);
    expect(await draftOf(t)).toEqual(draft);
    expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    const logged = t.logs.filter((l) => l.msg === 'database full: no space for the write');
    expect(logged).toHaveLength(1);
    expect(JSON.stringify(logged[0]!.err)).toContain('SQLITE_FULL');

    sqlite.pragma('max_page_count = 1073741823');
    expect(await t.sayText('an', 'Lưu')).toMatch(/^Đã ghi nhận hoạt động #\d+/);
    expect(activityCount(t)).toBe(1);
    expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});
