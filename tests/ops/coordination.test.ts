import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LOCK_KIND, openPgCoordination } from '../../src/db/pg/coordination.js';
import { until } from '../support/bot-process.js';
import { openPgDatabase, closePgDatabase, type PgDb } from '../../src/db/pg/client.js';
import {
  claimLeasedJobRun,
  claimLeasedOutgoing,
  finishJobLease,
  releaseOwnOutgoing,
  takeOverJobRuns,
  takeOverOutgoing,
} from '../../src/db/pg/queries/instances.js';
import type { Coordination } from '../../src/kernel/instances.js';
import { onPostgres, testDatabaseEnv, dropTestDirDatabase } from '../support/test-db.js';

// Leader election, leases and chat locks between instances, each a coordination session of its own on one
// PostgreSQL database (npm run test:pg). Closing a session is what a dying process does to PostgreSQL.

let dir: string;
let db: PgDb;
const sessions: Coordination[] = [];

beforeEach(async () => {
  if (!onPostgres) return;
  dir = mkdtempSync(join(tmpdir(), 'daumoi-coord-'));
  db = openPgDatabase((await testDatabaseEnv(dir)).DATABASE_URL!);
});

afterEach(async () => {
  if (!onPostgres) return;
  for (const s of sessions.splice(0)) await s.close().catch(() => undefined);
  await closePgDatabase(db);
  await dropTestDirDatabase(dir);
});

async function instance(): Promise<Coordination> {
  const session = await openPgCoordination(db, () => undefined);
  sessions.push(session);
  return session;
}

async function queue(n: number): Promise<void> {
  const now = new Date(Date.now() - 1000);
  for (let i = 0; i < n; i++)
    await db.pool.query(
      `INSERT INTO outbox (platform, chat_id, is_group, payload, idem_key, status, attempts, next_at, created_at)
       VALUES ('telegram', $1, false, $2, $3, 'pending', 0, $4, $4)`,
      [String(1000 + i), JSON.stringify({ text: `tin ${i}` }), `k${i}`, now],
    );
}

const statuses = async () =>
  (
    await db.pool.query<{ status: string; n: number }>('SELECT status, count(*)::int AS n FROM outbox GROUP BY status')
  ).rows.reduce<Record<string, number>>((acc, r) => ({ ...acc, [r.status]: r.n }), {});

const lease = (owner: number) => ({ owner, until: new Date(Date.now() + 60_000) });

describe.skipIf(!onPostgres)('several instances on one PostgreSQL database', () => {
  it('elects one leader per name; a standby takes over once the leader is gone', async () => {
    const [a, b] = [await instance(), await instance()];
    expect(await a.tryLead('send:telegram:x')).toBe(true);
    expect(await b.tryLead('send:telegram:x')).toBe(false);
    expect(await b.tryLead('send:zalo:x')).toBe(true);
    expect(await a.tryLead('send:telegram:x')).toBe(true);
    await a.close();
    expect(await b.tryLead('send:telegram:x')).toBe(true);
    expect(b.isLeading('send:telegram:x')).toBe(true);
  });

  it('notices a lost session: it leads no more, says so, and another instance takes over', async () => {
    let noticed: Error | undefined;
    const a = await openPgCoordination(db, (error) => (noticed = error));
    sessions.push(a);
    expect(await a.tryLead('send:telegram:x')).toBe(true);
    await db.pool.query(
      `SELECT pg_terminate_backend(pid) FROM pg_locks
         WHERE locktype = 'advisory' AND classid::bigint = $1 AND objid::bigint = $2`,
      [LOCK_KIND.instance, a.instanceId],
    );
    await until(() => a.lost, 5000, 'the lost session');
    expect(noticed).toBeInstanceOf(Error);
    expect(a.isLeading('send:telegram:x')).toBe(false);
    expect(await a.tryLead('send:telegram:x')).toBe(false);
    expect(await (await instance()).tryLead('send:telegram:x')).toBe(true);
  });

  it('holds a chat lock across instances: the other waits, or skips when only trying', async () => {
    const [a, b] = [await instance(), await instance()];
    const order: string[] = [];
    let release!: () => void;
    const held = a.withLock('chat:telegram:1', async () => {
      order.push('a in');
      await new Promise<void>((r) => (release = r));
      order.push('a out');
    });
    await new Promise((r) => setTimeout(r, 50));
    expect(await b.tryWithLock('chat:telegram:1', async () => void order.push('b tried'))).toBe(false);
    const waiting = b.withLock('chat:telegram:1', async () => void order.push('b in'));
    await new Promise((r) => setTimeout(r, 50));
    release();
    await Promise.all([held, waiting]);
    expect(order).toEqual(['a in', 'a out', 'b in']);
  });

  it('never claims a row twice, and takes over only rows whose owner died', async () => {
    await queue(10);
    const [a, b] = [await instance(), await instance()];
    const now = new Date();
    const [first, second] = await Promise.all([
      claimLeasedOutgoing(db, 'telegram', now, 6, lease(a.instanceId)),
      claimLeasedOutgoing(db, 'telegram', now, 6, lease(b.instanceId)),
    ]);
    const ids = [...first, ...second].map((r) => r.id);
    expect(new Set(ids).size).toBe(10);
    // Both owners alive and within their leases: nothing is taken.
    expect(await takeOverOutgoing(db, 'telegram', new Date(), b.instanceId)).toBe(0);
    // A starting instance frees only its own rows.
    expect(await releaseOwnOutgoing(db, 'telegram', b.instanceId)).toBe(second.length);
    expect(await statuses()).toEqual({ pending: second.length, sending: first.length });
    await a.close();
    expect(await takeOverOutgoing(db, 'telegram', new Date(), b.instanceId)).toBe(first.length);
    expect(await statuses()).toEqual({ pending: 10 });
  });

  it('takes over an expired lease of a live instance, never its own', async () => {
    await queue(3);
    const [a, b] = [await instance(), await instance()];
    await claimLeasedOutgoing(db, 'telegram', new Date(), 3, { owner: a.instanceId, until: new Date(Date.now() - 1) });
    expect(await takeOverOutgoing(db, 'telegram', new Date(), a.instanceId)).toBe(0);
    expect(await takeOverOutgoing(db, 'telegram', new Date(), b.instanceId)).toBe(3);
  });

  it('runs a job slot once, and again elsewhere when its instance died mid-run', async () => {
    const [a, b] = [await instance(), await instance()];
    const at = new Date();
    expect(await claimLeasedJobRun(db, 'reminders', '2026-12-07T08:30', at, lease(a.instanceId))).toBe(true);
    expect(await claimLeasedJobRun(db, 'reminders', '2026-12-07T08:30', at, lease(b.instanceId))).toBe(false);
    expect(await takeOverJobRuns(db, new Date(), lease(b.instanceId))).toEqual([]);
    await a.close();
    expect(await takeOverJobRuns(db, new Date(), lease(b.instanceId))).toEqual([
      { job: 'reminders', slot: '2026-12-07T08:30' },
    ]);
    await finishJobLease(db, 'reminders', '2026-12-07T08:30', b.instanceId);
    const c = await instance();
    expect(await takeOverJobRuns(db, new Date(), lease(c.instanceId))).toEqual([]);
    expect(await claimLeasedJobRun(db, 'reminders', '2026-12-07T08:30', at, lease(c.instanceId))).toBe(false);
  });
});
