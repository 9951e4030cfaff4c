import { and, inArray, lt } from 'drizzle-orm';
import type { PgDb } from '../client.js';
import { changed } from '../run.js';
import { outbox } from '../schema.js';

/** Outgoing messages already sent, given up on, cancelled or dropped as stale, created before `before`. */
export async function pruneFinishedOutbox(db: PgDb, before: Date): Promise<number> {
  return changed(
    await db.orm
      .delete(outbox)
      .where(and(inArray(outbox.status, ['sent', 'failed', 'cancelled', 'dropped']), lt(outbox.createdAt, before))),
  );
}
