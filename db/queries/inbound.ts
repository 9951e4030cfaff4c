import { and, eq, lt } from 'drizzle-orm';
import type { Db } from '../client.js';
import { inboundUpdates } from '../schema.js';

/** Records an incoming update once. Returns false when it was seen before (a redelivery). */
export async function recordInbound(db: Db, platform: string, updateKey: string, payload: unknown, at: Date): Promise<boolean> {
  const result = db.orm.insert(inboundUpdates)
    .values({ platform, updateKey, payload, status: 'received', receivedAt: at })
    .onConflictDoNothing().run();
  return result.changes === 1;
}

export async function markInboundDone(db: Db, platform: string, updateKey: string): Promise<void> {
  db.orm.update(inboundUpdates).set({ status: 'done', payload: null })
    .where(and(eq(inboundUpdates.platform, platform), eq(inboundUpdates.updateKey, updateKey))).run();
}

/** Updates recorded but not finished before a crash, oldest first. */
export async function listUnfinishedInbound(db: Db, platform: string): Promise<{ updateKey: string; payload: unknown }[]> {
  return db.orm.select({ updateKey: inboundUpdates.updateKey, payload: inboundUpdates.payload }).from(inboundUpdates)
    .where(and(eq(inboundUpdates.platform, platform), eq(inboundUpdates.status, 'received')))
    .orderBy(inboundUpdates.receivedAt).all();
}

export async function pruneInbound(db: Db, before: Date): Promise<number> {
  return db.orm.delete(inboundUpdates)
    .where(and(eq(inboundUpdates.status, 'done'), lt(inboundUpdates.receivedAt, before))).run().changes;
}
