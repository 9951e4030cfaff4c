import { and, eq, inArray, lt, sql } from 'drizzle-orm';
import type { PendingReplies, UnfinishedInbound } from '../../queries/inbound.js';
import { pgTransaction, type PgDb, type PgExec } from '../client.js';
import { changed } from '../run.js';
import { inboundUpdates } from '../schema.js';

async function record(ex: PgExec, platform: string, updateKey: string, payload: unknown, at: Date): Promise<boolean> {
  const result = await ex
    .insert(inboundUpdates)
    .values({ platform, updateKey, payload, status: 'received', receivedAt: at })
    .onConflictDoNothing();
  return changed(result) === 1;
}

/** Records an incoming update once. Returns false when it was seen before (a redelivery). */
export async function recordInbound(
  db: PgDb,
  platform: string,
  updateKey: string,
  payload: unknown,
  at: Date,
): Promise<boolean> {
  return record(db.orm, platform, updateKey, payload, at);
}

/** Records a batch of updates in one transaction: all or none. Per update, false when seen before. */
export async function recordInboundBatch(
  db: PgDb,
  platform: string,
  updates: { updateKey: string; payload: unknown }[],
  at: Date,
): Promise<boolean[]> {
  return pgTransaction(db, async (tx) => {
    const fresh: boolean[] = [];
    for (const u of updates) fresh.push(await record(tx, platform, u.updateKey, u.payload, at));
    return fresh;
  });
}

const keyOf = (platform: string, updateKey: string) =>
  and(eq(inboundUpdates.platform, platform), eq(inboundUpdates.updateKey, updateKey));

export async function markInboundDone(db: PgDb, platform: string, updateKey: string): Promise<void> {
  await db.orm.update(inboundUpdates).set({ status: 'done', payload: null }).where(keyOf(platform, updateKey));
}

/** See the SQLite version: the replies are kept (without file contents) until they are sent. */
export async function markInboundHandled(
  db: PgDb,
  platform: string,
  updateKey: string,
  pending: PendingReplies,
): Promise<void> {
  const replies = pending.replies.flatMap(({ file, ...rest }) => (rest.text || !file ? [rest] : []));
  await db.orm
    .update(inboundUpdates)
    .set({ status: 'handled', payload: { chatId: pending.chatId, replies } })
    .where(keyOf(platform, updateKey));
}

/**
 * Updates recorded but not finished before a crash, oldest first. A batch shares one timestamp; without
 * SQLite's rowid the update keys break ties (numeric ids compare by length first, then digit by digit).
 */
export async function listUnfinishedInbound(db: PgDb, platform: string): Promise<UnfinishedInbound[]> {
  return (await db.orm
    .select({ updateKey: inboundUpdates.updateKey, status: inboundUpdates.status, payload: inboundUpdates.payload })
    .from(inboundUpdates)
    .where(and(eq(inboundUpdates.platform, platform), inArray(inboundUpdates.status, ['received', 'handled'])))
    .orderBy(
      inboundUpdates.receivedAt,
      sql`length(${inboundUpdates.updateKey})`,
      inboundUpdates.updateKey,
    )) as UnfinishedInbound[];
}

export async function pruneInbound(db: PgDb, before: Date): Promise<number> {
  return changed(
    await db.orm
      .delete(inboundUpdates)
      .where(and(eq(inboundUpdates.status, 'done'), lt(inboundUpdates.receivedAt, before))),
  );
}
