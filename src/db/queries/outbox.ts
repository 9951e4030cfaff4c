import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { outbox, type OutboxAbout } from '../schema.js';

export type { OutboxAbout };

export interface OutgoingMessage {
  platform: string;
  chatId: string;
  isGroup: boolean;
  text: string;
  choices?: { id: string; label: string }[];
  /** Same key, same message: a second enqueue is ignored. */
  idemKey: string;
  /** Not before this time (quiet hours). */
  notBefore?: Date;
  /** What it states, checked when it is due (see dropStaleOutgoing). */
  about?: OutboxAbout;
  /** No longer true from this time on (a reminder the next step overtakes). */
  validUntil?: Date;
}

export interface OutboxRow {
  id: number;
  platform: string;
  chatId: string;
  isGroup: boolean;
  payload: { text: string; choices?: { id: string; label: string }[] };
  attempts: number;
}

/** Inserts messages, ignoring ones whose idempotency key exists. Call inside a transaction to commit with domain rows. */
export function insertOutgoing(db: Db, messages: OutgoingMessage[], now: Date): number {
  let inserted = 0;
  for (const m of messages) {
    const payload = m.choices ? { text: m.text, choices: m.choices } : { text: m.text };
    inserted += db.orm
      .insert(outbox)
      .values({
        platform: m.platform,
        chatId: m.chatId,
        isGroup: m.isGroup,
        payload,
        idemKey: m.idemKey,
        status: 'pending',
        nextAt: m.notBefore ?? now,
        createdAt: now,
        about: m.about ?? null,
        validUntil: m.validUntil ?? null,
      })
      .onConflictDoNothing()
      .run().changes;
  }
  return inserted;
}

export async function enqueueOutgoing(db: Db, messages: OutgoingMessage[], now: Date): Promise<number> {
  return db.sqlite.transaction(() => insertOutgoing(db, messages, now)).immediate();
}

/** Claims up to `limit` due messages of a platform, marking them as being sent. */
export async function claimDueOutgoing(db: Db, platform: string, now: Date, limit: number): Promise<OutboxRow[]> {
  return db.sqlite
    .transaction(() => {
      const rows = db.orm
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
        .all();
      if (rows.length > 0) {
        db.orm
          .update(outbox)
          .set({ status: 'sending' })
          .where(
            inArray(
              outbox.id,
              rows.map((r) => r.id),
            ),
          )
          .run();
      }
      return rows;
    })
    .immediate();
}

export async function markOutgoingSent(db: Db, id: number, at: Date): Promise<void> {
  db.orm
    .update(outbox)
    .set({ status: 'sent', sentAt: at, attempts: sql`${outbox.attempts} + 1` })
    .where(eq(outbox.id, id))
    .run();
}

export async function rescheduleOutgoing(
  db: Db,
  id: number,
  nextAt: Date,
  error: string,
  countAttempt = true,
): Promise<void> {
  db.orm
    .update(outbox)
    .set({
      status: 'pending',
      nextAt,
      lastError: error.slice(0, 500),
      attempts: countAttempt ? sql`${outbox.attempts} + 1` : outbox.attempts,
    })
    .where(eq(outbox.id, id))
    .run();
}

export async function markOutgoingFailed(db: Db, id: number, error: string): Promise<void> {
  db.orm
    .update(outbox)
    .set({ status: 'failed', lastError: error.slice(0, 500), attempts: sql`${outbox.attempts} + 1` })
    .where(eq(outbox.id, id))
    .run();
}

/** After a crash, messages caught mid-send go back to the queue (at-least-once; never lost). */
export async function releaseInterruptedOutgoing(db: Db, platform: string): Promise<number> {
  return db.orm
    .update(outbox)
    .set({ status: 'pending' })
    .where(and(eq(outbox.platform, platform), eq(outbox.status, 'sending')))
    .run().changes;
}

export async function countOutgoing(db: Db, platform?: string): Promise<Record<string, number>> {
  const rows = db.orm
    .select({ status: outbox.status, n: sql<number>`count(*)` })
    .from(outbox)
    .where(platform ? eq(outbox.platform, platform) : undefined)
    .groupBy(outbox.status)
    .all();
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

export async function listOutgoing(
  db: Db,
  platform: string,
): Promise<{ chatId: string; text: string; status: string; idemKey: string }[]> {
  return db.orm
    .select({ chatId: outbox.chatId, payload: outbox.payload, status: outbox.status, idemKey: outbox.idemKey })
    .from(outbox)
    .where(eq(outbox.platform, platform))
    .orderBy(asc(outbox.id))
    .all()
    .map((r) => ({ chatId: r.chatId, text: r.payload.text, status: r.status, idemKey: r.idemKey }));
}
