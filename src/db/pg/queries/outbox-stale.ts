import { and, asc, countDistinct, eq, inArray, lte } from 'drizzle-orm';
import type { DroppedOutgoing, StaleReason } from '../../queries/outbox-stale.js';
import type { OutboxAbout } from '../../schema.js';
import { pgTransaction, type PgDb, type PgExec } from '../client.js';
import { memberships, outbox, periods, submissions } from '../schema.js';

// See the SQLite version: due notices whose fact no longer holds are marked 'dropped' before the claim.

export async function dropStaleOutgoing(
  db: PgDb,
  platform: string,
  now: Date,
  limit: number,
): Promise<DroppedOutgoing[]> {
  return pgTransaction(db, async (tx) => {
    const due = await tx
      .select({ id: outbox.id, chatId: outbox.chatId, about: outbox.about, validUntil: outbox.validUntil })
      .from(outbox)
      .where(and(eq(outbox.platform, platform), eq(outbox.status, 'pending'), lte(outbox.nextAt, now)))
      .orderBy(asc(outbox.nextAt), asc(outbox.id))
      .limit(limit)
      .for('update', { skipLocked: true });
    const facts = new Map<string, Promise<boolean>>();
    const fact = (key: string, compute: () => Promise<boolean>) => {
      if (!facts.has(key)) facts.set(key, compute());
      return facts.get(key)!;
    };
    const dropped: DroppedOutgoing[] = [];
    for (const row of due) {
      const reason = await staleReason(tx, row, now, fact);
      if (!reason) continue;
      await tx
        .update(outbox)
        .set({ status: 'dropped', lastError: `dropped: ${reason}` })
        .where(eq(outbox.id, row.id));
      dropped.push({ id: row.id, chatId: row.chatId, about: row.about, reason });
    }
    return dropped;
  });
}

async function staleReason(
  ex: PgExec,
  row: { about: OutboxAbout | null; validUntil: Date | null },
  now: Date,
  fact: (key: string, compute: () => Promise<boolean>) => Promise<boolean>,
): Promise<StaleReason | undefined> {
  if (row.validUntil && row.validUntil <= now) return 'overtaken';
  const about = row.about;
  if (about?.kind === 'reminder' && about.agencyIds.length > 0) {
    const key = `submitted:${about.dutyId}:${about.periodKey}:${about.agencyIds.join(',')}`;
    if (await fact(key, () => allSubmitted(ex, about))) return 'submitted';
  }
  if (about?.kind === 'request' && !(await fact(`pending:${about.requestId}`, () => isPending(ex, about.requestId))))
    return 'decided';
  return undefined;
}

async function allSubmitted(ex: PgExec, about: Extract<OutboxAbout, { kind: 'reminder' }>): Promise<boolean> {
  const [row] = await ex
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
    );
  return Number(row?.n ?? 0) >= new Set(about.agencyIds).size;
}

async function isPending(ex: PgExec, requestId: number): Promise<boolean> {
  const [row] = await ex.select({ status: memberships.status }).from(memberships).where(eq(memberships.id, requestId));
  return row?.status === 'pending';
}
