import { and, inArray, lt, lte } from 'drizzle-orm';
import type { Db } from '../client.js';
import { fileLinks, outbox } from '../schema.js';

// What the retention job removes. Never a report, an activity or an audit row: those are the record.

/** Outgoing messages already sent, given up on, or cancelled, created before `before`. */
export async function pruneFinishedOutbox(db: Db, before: Date): Promise<number> {
  return db.orm
    .delete(outbox)
    .where(and(inArray(outbox.status, ['sent', 'failed', 'cancelled']), lt(outbox.createdAt, before)))
    .run().changes;
}

export async function pruneExpiredFileLinks(db: Db, now: Date): Promise<number> {
  return db.orm.delete(fileLinks).where(lte(fileLinks.expiresAt, now)).run().changes;
}
