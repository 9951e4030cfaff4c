import type { UnfinishedInbound } from '../../queries/inbound.js';
import type { OutboxRow } from '../../queries/outbox.js';
import type { PgDb } from '../client.js';
import { LOCK_KIND } from '../coordination.js';

// The work several instances share on one PostgreSQL database: leased outbox claims, chats' pending updates, job
// slots being run. A lease's owner is live while it holds its instance lock (see coordination.ts).

const LIVE_OWNERS = `SELECT objid::bigint FROM pg_locks
  WHERE locktype = 'advisory' AND classid::bigint = ${LOCK_KIND.instance} AND objsubid = 2 AND granted`;

interface OutboxDbRow {
  id: number;
  platform: string;
  chat_id: string;
  is_group: boolean;
  payload: OutboxRow['payload'];
  attempts: number;
}

const CLAIM = `WITH due AS (
    SELECT id FROM outbox WHERE platform = $1 AND status = 'pending' AND next_at <= $2
    ORDER BY next_at, id LIMIT $3 FOR UPDATE SKIP LOCKED
  ), claimed AS (
    UPDATE outbox o SET status = 'sending' FROM due WHERE o.id = due.id
    RETURNING o.id, o.platform, o.chat_id, o.is_group, o.payload, o.attempts, o.next_at
  ), leased AS (
    INSERT INTO outbox_leases (outbox_id, owner, until) SELECT id, $4, $5 FROM claimed
    ON CONFLICT (outbox_id) DO UPDATE SET owner = EXCLUDED.owner, until = EXCLUDED.until
  )
  SELECT id, platform, chat_id, is_group, payload, attempts FROM claimed ORDER BY next_at, id`;

/** Claims due messages in one statement: rows another claim holds are skipped, each claimed row leased. */
export async function claimLeasedOutgoing(
  db: PgDb,
  platform: string,
  now: Date,
  limit: number,
  lease: { owner: number; until: Date },
): Promise<OutboxRow[]> {
  const result = await db.pool.query<OutboxDbRow>(CLAIM, [platform, now, limit, lease.owner, lease.until]);
  return result.rows.map((r) => ({
    id: r.id,
    platform: r.platform,
    chatId: r.chat_id,
    isGroup: r.is_group,
    payload: r.payload,
    attempts: r.attempts,
  }));
}

/**
 * Rows caught mid-send by an instance that died (or whose lease ran out while another owns it) go back to the
 * queue. Never the rows of a live instance still within their lease, nor this instance's own.
 */
export async function takeOverOutgoing(db: PgDb, platform: string, now: Date, owner: number): Promise<number> {
  const result = await db.pool.query(
    `UPDATE outbox o SET status = 'pending' WHERE o.platform = $1 AND o.status = 'sending' AND NOT EXISTS (
       SELECT 1 FROM outbox_leases l WHERE l.outbox_id = o.id
         AND (l.owner = $3 OR (l.until > $2 AND l.owner IN (${LIVE_OWNERS}))))`,
    [platform, now, owner],
  );
  return result.rowCount ?? 0;
}

/** At start and stop an instance gives back only the rows it leased itself. */
export async function releaseOwnOutgoing(db: PgDb, platform: string, owner: number): Promise<number> {
  const result = await db.pool.query(
    `UPDATE outbox SET status = 'pending' WHERE platform = $1 AND status = 'sending'
       AND id IN (SELECT outbox_id FROM outbox_leases WHERE owner = $2)`,
    [platform, owner],
  );
  return result.rowCount ?? 0;
}

/** Notes which chat a recorded update belongs to, once it is mapped. */
export async function assignInboundChat(db: PgDb, platform: string, updateKey: string, chatId: string): Promise<void> {
  await db.pool.query(
    'INSERT INTO inbound_chats (platform, update_key, chat_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
    [platform, updateKey, chatId],
  );
}

const ORDER = 'i.received_at, length(i.update_key), i.update_key';

/** A chat's updates not finished yet, in the order they came (numeric update ids by length, then digits). */
export async function listChatInbound(db: PgDb, platform: string, chatId: string): Promise<UnfinishedInbound[]> {
  const result = await db.pool.query<UnfinishedInbound>(
    `SELECT i.update_key AS "updateKey", i.status, i.payload FROM inbound_updates i
       JOIN inbound_chats c ON c.platform = i.platform AND c.update_key = i.update_key
       WHERE i.platform = $1 AND c.chat_id = $2 AND i.status IN ('received', 'handled') ORDER BY ${ORDER}`,
    [platform, chatId],
  );
  return result.rows;
}

export type StrandedInbound = UnfinishedInbound & { chatId: string | null };

/** Unfinished updates recorded at or before `before` (their instance may have died), with their chat when known. */
export async function listStrandedInbound(db: PgDb, platform: string, before: Date): Promise<StrandedInbound[]> {
  const result = await db.pool.query<StrandedInbound>(
    `SELECT i.update_key AS "updateKey", i.status, i.payload, c.chat_id AS "chatId" FROM inbound_updates i
       LEFT JOIN inbound_chats c ON c.platform = i.platform AND c.update_key = i.update_key
       WHERE i.platform = $1 AND i.status IN ('received', 'handled') AND i.received_at <= $2 ORDER BY ${ORDER}
       LIMIT 500`,
    [platform, before],
  );
  return result.rows;
}

/** Claims a job slot and leases it to this instance: false when another run has it. */
export async function claimLeasedJobRun(
  db: PgDb,
  job: string,
  slot: string,
  at: Date,
  lease: { owner: number; until: Date },
): Promise<boolean> {
  const result = await db.pool.query(
    `WITH run AS (INSERT INTO job_runs (job, slot, ran_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING job)
     INSERT INTO job_leases (job, slot, owner, until) SELECT $1, $2, $4, $5 FROM run`,
    [job, slot, at, lease.owner, lease.until],
  );
  return (result.rowCount ?? 0) > 0;
}

export async function renewJobLease(db: PgDb, job: string, slot: string, owner: number, until: Date): Promise<void> {
  await db.pool.query('UPDATE job_leases SET until = $4 WHERE job = $1 AND slot = $2 AND owner = $3', [
    job,
    slot,
    owner,
    until,
  ]);
}

/** The run finished (or failed and gave its slot back): no one runs it again. */
export async function finishJobLease(db: PgDb, job: string, slot: string, owner: number): Promise<void> {
  await db.pool.query('DELETE FROM job_leases WHERE job = $1 AND slot = $2 AND owner = $3', [job, slot, owner]);
}

/** Slots whose run died with its instance (or stopped renewing): leased to this instance, to run again. */
export async function takeOverJobRuns(
  db: PgDb,
  now: Date,
  lease: { owner: number; until: Date },
): Promise<{ job: string; slot: string }[]> {
  const result = await db.pool.query<{ job: string; slot: string }>(
    `UPDATE job_leases SET owner = $2, until = $3
       WHERE owner <> $2 AND (until < $1 OR owner NOT IN (${LIVE_OWNERS})) RETURNING job, slot`,
    [now, lease.owner, lease.until],
  );
  return result.rows;
}
