import { and, inArray, lt } from 'drizzle-orm';
import type { Db } from '../client.js';
import { outbox } from '../schema.js';

// What the retention job removes. Never a report, an activity or an audit row: those are the record.

/** Outgoing messages already sent, given up on, cancelled or dropped as stale, created before `before`. */
export async function pruneFinishedOutbox(db: Db, before: Date): Promise<number> {
  return db.orm
    .delete(outbox)
    .where(and(inArray(outbox.status, ['sent', 'failed', 'cancelled', 'dropped']), lt(outbox.createdAt, before)))
    .run().changes;
}
