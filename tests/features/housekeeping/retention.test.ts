import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  backupDatabase,
  closeDatabase,
  enqueueOutgoing,
  markInboundDone,
  migrateDatabase,
  openDatabase,
  recordInbound,
  saveConversation,
} from '../../../src/db/index.js';
import { retentionJob } from '../../../src/features/housekeeping/job.js';
import { loadConfig } from '../../../src/config.js';
import { sqlAll, sqlGet, sqlRun } from '../../support/sql.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

const DAY = 86_400_000;
const count = async (t: TestApp, table: string) =>
  (await sqlGet<{ n: number }>(t.app.db, `SELECT count(*) AS n FROM ${table}`))!.n;

describe('the daily retention job', () => {
  it('removes old handled updates, finished messages and idle conversations, and keeps recent ones', async () => {
    const t = await createTestApp();
    const db = t.app.db;
    const now = new Date('2026-12-02T03:15:00+07:00');
    const old = new Date(now.getTime() - 40 * DAY);
    await recordInbound(db, 'telegram', 'old', { update_id: 1 }, old);
    await markInboundDone(db, 'telegram', 'old');
    await recordInbound(db, 'telegram', 'old-unfinished', { update_id: 2 }, old);
    await recordInbound(db, 'telegram', 'recent', { update_id: 3 }, now);
    await markInboundDone(db, 'telegram', 'recent');
    await enqueueOutgoing(
      db,
      [{ platform: 'telegram', chatId: '1', isGroup: false, text: 'cũ', idemKey: 'o1' }],
      new Date(now.getTime() - 100 * DAY),
    );
    await enqueueOutgoing(
      db,
      [{ platform: 'telegram', chatId: '1', isGroup: false, text: 'cũ, đã bỏ', idemKey: 'o3' }],
      new Date(now.getTime() - 100 * DAY),
    );
    await sqlRun(db, "UPDATE outbox SET status = 'sent' WHERE idem_key = 'o1'");
    await sqlRun(db, "UPDATE outbox SET status = 'dropped' WHERE idem_key = 'o3'");
    await enqueueOutgoing(
      db,
      [{ platform: 'telegram', chatId: '1', isGroup: false, text: 'chờ', idemKey: 'o2' }],
      new Date(now.getTime() - 100 * DAY),
    );
    await saveConversation(db, {
      platform: 'telegram',
      chatId: '9',
      userId: '9',
      next: { kind: 'x', version: 1, state: {} },
      at: old,
    });
    const before = { activities: await count(t, 'activities'), audit: await count(t, 'audit_log') };

    await retentionJob.run({
      db,
      outbox: { notify() {} },
      log: t.app.services.log,
      now,
      settings: {
        calendar: t.app.services.calendar,
        quietHours: { start: 21, end: 7 },
        catchUpHours: 24,
        retention: loadConfig({}).retention,
      },
    });

    const keys = await sqlAll<{ k: string }>(db, 'SELECT update_key AS k FROM inbound_updates ORDER BY k');
    expect(keys.map((r) => r.k)).toEqual(['old-unfinished', 'recent']);
    expect((await sqlAll<{ k: string }>(db, 'SELECT idem_key AS k FROM outbox')).map((r) => r.k)).toEqual(['o2']);
    expect(await count(t, 'conversations')).toBe(0);
    expect(await count(t, 'activities')).toBe(before.activities);
    expect(await count(t, 'audit_log')).toBe(before.audit);
    await t.close();
  });

  it('reads its periods from the environment', () => {
    expect(loadConfig({}).retention).toEqual({ inboundDays: 30, outboxDays: 90, conversationDays: 30 });
    expect(loadConfig({ RETAIN_INBOUND_DAYS: '7' }).retention.inboundDays).toBe(7);
    expect(() => loadConfig({ RETAIN_OUTBOX_DAYS: '0' })).toThrow(/RETAIN_OUTBOX_DAYS/);
  });
});

describe('database files', () => {
  it('creates the database and its backups readable by the owner only', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'daumoi-perm-'));
    const db = openDatabase(join(dir, 'new.db'));
    await migrateDatabase(db);
    await backupDatabase(db, join(dir, 'backup.db'));
    await closeDatabase(db);
    expect(statSync(join(dir, 'new.db')).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'backup.db')).mode & 0o777).toBe(0o600);
  });
});
