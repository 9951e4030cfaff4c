import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { until } from '../../support/bot-process.js';
import { lockDatabase, type DatabaseLock } from '../../support/db-locker.js';
import { startFakeZalo, type FakeZalo } from '../../support/fake-zalo.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { onPostgres } from '../../support/test-db.js';

let t: TestApp | undefined;
let zalo: FakeZalo | undefined;
let lock: DatabaseLock | undefined;

afterEach(async () => {
  await lock?.release();
  lock = undefined;
  await t?.close();
  t = undefined;
  await zalo?.close();
  zalo = undefined;
});

// SQLite only: another process holds the SQLite file's write lock (PostgreSQL has no such file lock).
describe.skipIf(onPostgres)('Zalo polling while the database is locked', () => {
  it('keeps a polled message until it can be recorded, then answers it once', async () => {
    zalo = await startFakeZalo({ longPollCapMs: 200 });
    t = await createTestApp({
      env: { DATABASE_BUSY_TIMEOUT_MS: '50', ZALO_BOT_TOKEN: zalo.token, ZALO_API_ROOT: zalo.apiRoot },
      appOptions: { pollTimeoutSec: 1 },
    });
    await t.app.start();
    lock = await lockDatabase(join(t.dir, 'test.db'));
    zalo.pushUpdate(zalo.privateText('locked-1', '/trogiup'));
    await until(() => t!.logs.some((l) => l.msg === 'could not record zalo update, retrying'), 10_000, 'a retry');
    expect(zalo.sentTo('locked-1')).toHaveLength(0);
    await lock.release();
    lock = undefined;
    await zalo.waitFor((c) => c.method === 'sendMessage' && c.params.chat_id === 'locked-1', 10_000);
    await new Promise((r) => setTimeout(r, 300));
    expect(zalo.sentTo('locked-1')).toHaveLength(1);
  }, 30_000);
});
