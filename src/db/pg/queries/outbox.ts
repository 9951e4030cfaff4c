import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { OutboxRow, OutgoingMessage } from '../../queries/outbox.js';
import { pgTransaction, type PgDb, type PgExec } from '../client.js';
import { changed } from '../run.js';
import { outbox } from '../schema.js';

/** Inserts messages, ignoring ones whose idempotency key exists. Call inside a transaction to commit with domain rows. */
export async function insertOutgoing(ex: PgExec, messages: OutgoingMessage[], now: Date): Promise<number> {
  if (messages.length === 0) return 0;
  const result = await ex
    .insert(outbox)
    .values(
      messages.map((m) => ({
        platform: m.platform,
        chatId: m.chatId,
        isGroup: m.isGroup,
        payload: m.choices ? { text: m.text, choices: m.choices } : { text: m.text },
        idemKey: m.idemKey,
        status: 'pending',
        nextAt: m.notBefore ?? now,
        createdAt: now,
        about: m.about ?? null,
        validUntil: m.validUntil ?? null,
      })),
    )
    .onConflictDoNothing();
  return changed(result);
}

export async function enqueueOutgoing(db: PgDb, messages: OutgoingMessage[], now: Date): Promise<number> {
  return insertOutgoing(db.orm, messages, now);
}

/**
 * Claims up to `limit` due messages of a platform, marking them as being sent. Rows another transaction is
 * claiming are skipped, not waited for: two claims never take the same row.
 */
export async function claimDueOutgoing(db: PgDb, platform: string, now: Date, limit: number): Promise<OutboxRow[]> {
  return pgTransaction(db, async (tx) => {
    const rows = await tx
      .select({
        id: outbox.id,
        platform: outbox.platform,
        chatId: outbox.chatId,
        isGroup: outbox.isGroup,
        payload: outbox.payload,
        attempts: outbox.attempts,
      })
      .from(outbox)
      .where(and(eq(outbox.platform, platform), eq(outbox.status, 'pending'), lte(outbox.nextAt, now)))
      .orderBy(asc(outbox.nextAt), asc(outbox.id))
      .limit(limit)
      .for('update', { skipLocked: true });
    if (rows.length > 0) {
      await tx
        .update(outbox)
        .set({ status: 'sending' })
        .where(
          inArray(
            outbox.id,
            rows.map((r) => r.id),
          ),
        );
    }
    return rows;
  });
}

export async function markOutgoingSent(db: PgDb, id: number, at: Date): Promise<void> {
  await db.orm
    .update(outbox)
    .set({ status: 'sent', sentAt: at, attempts: sql`${outbox.attempts} + 1` })
    .where(eq(outbox.id, id));
}

export async function rescheduleOutgoing(
  db: PgDb,
  id: number,
  nextAt: Date,
  error: string,
  countAttempt = true,
): Promise<void> {
  await db.orm
    .update(outbox)
    .set({
      status: 'pending',
      nextAt,
      lastError: error.slice(0, 500),
      attempts: countAttempt ? sql`${outbox.attempts} + 1` : outbox.attempts,
    })
    .where(eq(outbox.id, id));
}

export async function markOutgoingFailed(db: PgDb, id: number, error: string): Promise<void> {
  await db.orm
    .update(outbox)
    .set({ status: 'failed', lastError: error.slice(0, 500), attempts: sql`${outbox.attempts} + 1` })
    .where(eq(outbox.id, id));
}

/** After a crash, messages caught mid-send go back to the queue (at-least-once; never lost). */
export async function releaseInterruptedOutgoing(db: PgDb, platform: string): Promise<number> {
  return changed(
    await db.orm
      .update(outbox)
      .set({ status: 'pending' })
      .where(and(eq(outbox.platform, platform), eq(outbox.status, 'sending'))),
  );
}

export async function countOutgoing(db: PgDb, platform?: string): Promise<Record<string, number>> {
  const rows = await db.orm
    .select({ status: outbox.status, n: sql<number>`count(*)::int` })
    .from(outbox)
    .where(platform ? eq(outbox.platform, platform) : undefined)
    .groupBy(outbox.status);
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

export async function listOutgoing(
  db: PgDb,
  platform: string,
): Promise<{ chatId: string; text: string; status: string; idemKey: string }[]> {
  const rows = await db.orm
    .select({ chatId: outbox.chatId, payload: outbox.payload, status: outbox.status, idemKey: outbox.idemKey })
    .from(outbox)
    .where(eq(outbox.platform, platform))
    .orderBy(asc(outbox.id));
  return rows.map((r) => ({ chatId: r.chatId, text: r.payload.text, status: r.status, idemKey: r.idemKey }));
}
