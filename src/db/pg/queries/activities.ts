import { and, count, desc, eq, gte, isNull, lte, sql, type SQL } from 'drizzle-orm';
import type { ConversationWrite } from '../../../kernel/conversation.js';
import type {
  ActivityFields,
  ActivityFilter,
  ActivityInput,
  ActivityRow,
  ChangeMeta,
  TypeCount,
} from '../../queries/activities.js';
import { pgTransaction, type PgDb } from '../client.js';
import { changed } from '../run.js';
import { activities, agencies, networks, persons } from '../schema.js';
import { appendAudit } from './audit.js';
import { applyConversationWrite } from './conversations.js';

const rowColumns = {
  id: activities.id,
  networkId: activities.networkId,
  agencyId: activities.agencyId,
  authorPersonId: activities.authorPersonId,
  typeId: activities.typeId,
  date: activities.date,
  title: activities.title,
  link: activities.link,
  quantity: activities.quantity,
  participants: activities.participants,
  taskId: activities.taskId,
  attachments: activities.attachments,
  createdAt: activities.createdAt,
  updatedAt: activities.updatedAt,
  authorName: persons.name,
  agencyName: agencies.name,
};

function where(filter: ActivityFilter): SQL | undefined {
  return and(
    isNull(activities.deletedAt),
    filter.networkId ? eq(activities.networkId, filter.networkId) : undefined,
    filter.agencyId ? eq(activities.agencyId, filter.agencyId) : undefined,
    filter.typeId ? eq(activities.typeId, filter.typeId) : undefined,
    filter.from ? gte(activities.date, filter.from) : undefined,
    filter.to ? lte(activities.date, filter.to) : undefined,
  );
}

/** Stores a new activity and, in the same transaction, the conversation's end. Returns its id. */
export async function insertActivity(
  db: PgDb,
  input: ActivityInput,
  at: Date,
  write?: ConversationWrite,
): Promise<number> {
  return pgTransaction(db, async (tx) => {
    const [row] = await tx
      .insert(activities)
      .values({ ...input, createdAt: at })
      .returning({ id: activities.id });
    await applyConversationWrite(tx, write);
    return row!.id;
  });
}

export async function findActivity(db: PgDb, id: number): Promise<ActivityRow | undefined> {
  const [row] = await db.orm
    .select(rowColumns)
    .from(activities)
    .innerJoin(persons, eq(persons.id, activities.authorPersonId))
    .innerJoin(agencies, eq(agencies.id, activities.agencyId))
    .where(and(eq(activities.id, id), isNull(activities.deletedAt)));
  return row as ActivityRow | undefined;
}

/** Applies an edit and audits the changed fields; false when the activity is gone. */
export async function updateActivity(db: PgDb, id: number, fields: ActivityFields, meta: ChangeMeta): Promise<boolean> {
  return pgTransaction(db, async (tx) => {
    const [before] = await tx
      .select()
      .from(activities)
      .where(and(eq(activities.id, id), isNull(activities.deletedAt)));
    if (!before) return false;
    await tx
      .update(activities)
      .set({ ...fields, updatedAt: meta.at })
      .where(eq(activities.id, id));
    const keys = (Object.keys(fields) as (keyof ActivityFields)[]).filter(
      (key) => JSON.stringify(before[key]) !== JSON.stringify(fields[key]),
    );
    const detail = { id, before: pick(before, keys), after: pick(fields, keys) };
    await appendAudit(tx, { actorPersonId: meta.actorPersonId, action: 'activity.update', detail, at: meta.at });
    await applyConversationWrite(tx, meta.write);
    return true;
  });
}

function pick<T extends object>(source: T, keys: (keyof T)[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((key) => [key, source[key]]));
}

/** Marks an activity deleted (kept for the audit trail); false when it was already gone. */
export async function softDeleteActivity(db: PgDb, id: number, meta: ChangeMeta): Promise<boolean> {
  return pgTransaction(db, async (tx) => {
    const result = await tx
      .update(activities)
      .set({ deletedAt: meta.at })
      .where(and(eq(activities.id, id), isNull(activities.deletedAt)));
    if (changed(result) === 0) return false;
    await appendAudit(tx, {
      actorPersonId: meta.actorPersonId,
      action: 'activity.delete',
      detail: { id },
      at: meta.at,
    });
    await applyConversationWrite(tx, meta.write);
    return true;
  });
}

/** Newest first (by activity date, then entry), one page at a time, with the total for paging. */
export async function listActivities(
  db: PgDb,
  filter: ActivityFilter & { limit: number; offset: number },
): Promise<{ rows: ActivityRow[]; total: number }> {
  const [counted] = await db.orm.select({ n: count() }).from(activities).where(where(filter));
  const rows = await db.orm
    .select(rowColumns)
    .from(activities)
    .innerJoin(persons, eq(persons.id, activities.authorPersonId))
    .innerJoin(agencies, eq(agencies.id, activities.agencyId))
    .where(where(filter))
    .orderBy(desc(activities.date), desc(activities.id))
    .limit(filter.limit)
    .offset(filter.offset);
  return { rows: rows as ActivityRow[], total: counted?.n ?? 0 };
}

/** Activities per type for a network and/or an agency over a date range: the figures reports are built on. */
export async function countActivitiesByType(db: PgDb, filter: ActivityFilter): Promise<TypeCount[]> {
  return db.orm
    .select({
      typeId: activities.typeId,
      count: count(),
      participants: sql<number>`coalesce(sum(${activities.participants}), 0)::int`,
      quantity: sql<number>`coalesce(sum(${activities.quantity}), 0)::int`,
    })
    .from(activities)
    .where(where(filter))
    .groupBy(activities.typeId)
    .orderBy(activities.typeId);
}

/** The network's activity-type overrides as stored from its plan (validated at import). */
export async function findNetworkActivityTypes(db: PgDb, networkId: string): Promise<unknown[] | null> {
  const [row] = await db.orm.select({ types: networks.activityTypes }).from(networks).where(eq(networks.id, networkId));
  return row?.types ?? null;
}
