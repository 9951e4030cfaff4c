import { and, eq, inArray, lt, sql } from 'drizzle-orm';
import type { Reply } from '../../kernel/message.js';
import { transaction, type Db } from '../client.js';
import { prepared } from '../prepared.js';
import { inboundUpdates } from '../schema.js';

/** The answer to an update whose work is committed, kept until it is sent. */
export interface PendingReplies {
  chatId: string;
  replies: Reply[];
}

// The writes of every incoming message: prepared once.
const RECORD = `INSERT INTO inbound_updates (platform, update_key, payload, status, received_at) VALUES (?, ?, ?, 'received', ?)
  ON CONFLICT DO NOTHING`;
const MARK_DONE = "UPDATE inbound_updates SET status = 'done', payload = NULL WHERE platform = ? AND update_key = ?";
const MARK_HANDLED = "UPDATE inbound_updates SET status = 'handled', payload = ? WHERE platform = ? AND update_key = ?";

/** Records an incoming update once. Returns false when it was seen before (a redelivery). */
export async function recordInbound(
  db: Db,
  platform: string,
  updateKey: string,
  payload: unknown,
  at: Date,
): Promise<boolean> {
  const result = prepared(db, RECORD).run(platform, updateKey, JSON.stringify(payload), at.getTime());
  return result.changes === 1;
}

/** Records a batch of updates in one transaction: all or none. Per update, false when seen before. */
export async function recordInboundBatch(
  db: Db,
  platform: string,
  updates: { updateKey: string; payload: unknown }[],
  at: Date,
): Promise<boolean[]> {
  const statement = prepared(db, RECORD);
  return transaction(db, () =>
    updates.map((u) => statement.run(platform, u.updateKey, JSON.stringify(u.payload), at.getTime()).changes === 1),
  );
}

export async function markInboundDone(db: Db, platform: string, updateKey: string): Promise<void> {
  return groupCommit(db, () => prepared(db, MARK_DONE).run(platform, updateKey));
}

/**
 * The update's work is committed and its replies are about to be sent: after a crash they are sent again
 * instead of handling the update twice (a replayed answer would land on the next question). File contents
 * are not kept; their text and captions are.
 */
export async function markInboundHandled(
  db: Db,
  platform: string,
  updateKey: string,
  pending: PendingReplies,
): Promise<void> {
  const replies = pending.replies.flatMap(({ file, ...rest }) => (rest.text || !file ? [rest] : []));
  const payload = JSON.stringify({ chatId: pending.chatId, replies });
  return groupCommit(db, () => prepared(db, MARK_HANDLED).run(payload, platform, updateKey));
}

const batches = new WeakMap<Db, { writes: (() => void)[]; committed: Promise<void> }>();

/**
 * Group commit: the status writes of every update in flight in one turn of the event loop share one
 * transaction instead of one commit each. Each caller's promise settles once its write is committed
 * (or rejects with the batch), so nothing is sent before its 'handled' row is durable.
 */
function groupCommit(db: Db, write: () => void): Promise<void> {
  let batch = batches.get(db);
  if (!batch) {
    const writes: (() => void)[] = [];
    const committed = new Promise<void>((resolve, reject) =>
      setImmediate(() => {
        batches.delete(db);
        try {
          transaction(db, () => writes.forEach((w) => w()));
          resolve();
        } catch (error) {
          reject(error);
        }
      }),
    );
    batches.set(db, (batch = { writes, committed }));
  }
  batch.writes.push(write);
  return batch.committed;
}

export type UnfinishedInbound =
  | { updateKey: string; status: 'received'; payload: unknown }
  | { updateKey: string; status: 'handled'; payload: PendingReplies };

/**
 * Updates recorded but not finished before a crash, oldest first: to handle, or only to answer. A batch shares
 * one timestamp, so the insertion order (rowid) breaks ties: replayed answers keep the order of the messages.
 */
export async function listUnfinishedInbound(db: Db, platform: string): Promise<UnfinishedInbound[]> {
  return db.orm
    .select({ updateKey: inboundUpdates.updateKey, status: inboundUpdates.status, payload: inboundUpdates.payload })
    .from(inboundUpdates)
    .where(and(eq(inboundUpdates.platform, platform), inArray(inboundUpdates.status, ['received', 'handled'])))
    .orderBy(inboundUpdates.receivedAt, sql`rowid`)
    .all() as UnfinishedInbound[];
}

export async function pruneInbound(db: Db, before: Date): Promise<number> {
  return db.orm
    .delete(inboundUpdates)
    .where(and(eq(inboundUpdates.status, 'done'), lt(inboundUpdates.receivedAt, before)))
    .run().changes;
}
