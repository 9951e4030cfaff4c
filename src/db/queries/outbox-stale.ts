import { and, asc, countDistinct, eq, inArray, lte } from 'drizzle-orm';
import { transaction, type Db } from '../client.js';
import { memberships, outbox, periods, submissions, type OutboxAbout } from '../schema.js';

// A queued notice states a fact ("còn 7 ngày", "chưa nộp", "chờ duyệt"); after a downtime or a long wait it may
// no longer hold. Right before due messages are claimed, the ones whose fact is gone are marked 'dropped' (kept
// for the record, never sent).

/** Why a due message was not sent. */
export type StaleReason = 'overtaken' | 'submitted' | 'decided';

export interface DroppedOutgoing {
  id: number;
  chatId: string;
  about: OutboxAbout | null;
  reason: StaleReason;
}

/**
 * Of the next `limit` due messages of a platform (the ones the claim takes next, in its order), marks those no
 * longer true as dropped and returns them. Bounded, so a fan-out of thousands is checked a batch at a time.
 */
export async function dropStaleOutgoing(
  db: Db,
  platform: string,
  now: Date,
  limit: number,
): Promise<DroppedOutgoing[]> {
  return transaction(db, () => {
    const due = db.orm
      .select({ id: outbox.id, chatId: outbox.chatId, about: outbox.about, validUntil: outbox.validUntil })
      .from(outbox)
      .where(and(eq(outbox.platform, platform), eq(outbox.status, 'pending'), lte(outbox.nextAt, now)))
      .orderBy(asc(outbox.nextAt), asc(outbox.id))
      .limit(limit)
      .all();
    const facts = memo<boolean>();
    const dropped: DroppedOutgoing[] = [];
    for (const row of due) {
      const reason = staleReason(db, row, now, facts);
      if (!reason) continue;
      db.orm
        .update(outbox)
        .set({ status: 'dropped', lastError: `dropped: ${reason}` })
        .where(eq(outbox.id, row.id))
        .run();
      dropped.push({ id: row.id, chatId: row.chatId, about: row.about, reason });
    }
    return dropped;
  });
}

/** One answer per fact within a pass: a fan-out asks the same question of hundreds of rows. */
function memo<T>() {
  const seen = new Map<string, T>();
  return (key: string, compute: () => T): T => {
    if (!seen.has(key)) seen.set(key, compute());
    return seen.get(key)!;
  };
}

function staleReason(
  db: Db,
  row: { about: OutboxAbout | null; validUntil: Date | null },
  now: Date,
  facts: ReturnType<typeof memo<boolean>>,
): StaleReason | undefined {
  if (row.validUntil && row.validUntil <= now) return 'overtaken';
  const about = row.about;
  if (about?.kind === 'reminder' && about.agencyIds.length > 0) {
    const key = `submitted:${about.dutyId}:${about.periodKey}:${about.agencyIds.join(',')}`;
    if (facts(key, () => allSubmitted(db, about))) return 'submitted';
  }
  if (about?.kind === 'request' && !facts(`pending:${about.requestId}`, () => isPending(db, about.requestId)))
    return 'decided';
  return undefined;
}

/** Every agency the reminder names has a current submission for its period. */
function allSubmitted(db: Db, about: Extract<OutboxAbout, { kind: 'reminder' }>): boolean {
  const row = db.orm
    .select({ n: countDistinct(submissions.agencyId) })
    .from(submissions)
    .innerJoin(periods, eq(periods.id, submissions.periodId))
    .where(
      and(
        eq(periods.dutyId, about.dutyId),
        eq(periods.key, about.periodKey),
        eq(submissions.current, true),
        inArray(submissions.agencyId, about.agencyIds),
      ),
    )
    .get();
  return (row?.n ?? 0) >= new Set(about.agencyIds).size;
}

/** A request that was approved, rejected, withdrawn or deleted no longer needs its buttons. */
function isPending(db: Db, requestId: number): boolean {
  const row = db.orm
    .select({ status: memberships.status })
    .from(memberships)
    .where(eq(memberships.id, requestId))
    .get();
  return row?.status === 'pending';
}
