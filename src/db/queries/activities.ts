import { and, count, desc, eq, gte, isNull, lte, sql, type SQL } from 'drizzle-orm';
import type { ConversationWrite } from '../../kernel/conversation.js';
import type { Db } from '../client.js';
import { transaction } from '../client.js';
import { preparedQuery } from '../prepared.js';
import { activities, agencies, networks, persons } from '../schema.js';
import { appendAudit } from './audit.js';
import { applyConversationWrite } from './conversations.js';

export interface ActivityAttachmentRef {
  kind: 'photo' | 'document';
  fileId: string;
  platform: string;
  name?: string;
}

/** The fields an officer fills in; everything else is set by the bot. */
export interface ActivityFields {
  typeId: string;
  /** YYYY-MM-DD, Vietnam date. */
  date: string;
  title: string;
  link: string | null;
  quantity: number | null;
  participants: number | null;
  taskId: number | null;
  attachments: ActivityAttachmentRef[];
}

export interface ActivityInput extends ActivityFields {
  networkId: string;
  agencyId: number;
  authorPersonId: number;
}

export interface ActivityRow extends ActivityInput {
  id: number;
  authorName: string;
  agencyName: string;
  createdAt: Date;
  updatedAt: Date | null;
}

/** Which activities: any combination; dates are inclusive YYYY-MM-DD. Deleted ones never count. */
export interface ActivityFilter {
  networkId?: string;
  agencyId?: number;
  typeId?: string;
  from?: string;
  to?: string;
}

export interface ChangeMeta {
  actorPersonId: number;
  at: Date;
  /** The conversation step to commit with the change (see applyConversationWrite). */
  write?: ConversationWrite;
}

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

/** `where` with placeholders for the filter's fields, so each combination of fields is prepared once. */
function placeholderWhere(filter: ActivityFilter): { key: string; where: () => SQL | undefined } {
  const at = (name: keyof ActivityFilter) => sql.placeholder(name);
  return {
    key: [filter.networkId, filter.agencyId, filter.typeId, filter.from, filter.to].map((v) => (v ? 1 : 0)).join(''),
    where: () =>
      and(
        isNull(activities.deletedAt),
        filter.networkId ? eq(activities.networkId, at('networkId')) : undefined,
        filter.agencyId ? eq(activities.agencyId, at('agencyId')) : undefined,
        filter.typeId ? eq(activities.typeId, at('typeId')) : undefined,
        filter.from ? gte(activities.date, at('from')) : undefined,
        filter.to ? lte(activities.date, at('to')) : undefined,
      ),
  };
}

/** Stores a new activity and, in the same transaction, the conversation's end. Returns its id. */
export async function insertActivity(
  db: Db,
  input: ActivityInput,
  at: Date,
  write?: ConversationWrite,
): Promise<number> {
  return transaction(db, () => {
    const row = db.orm
      .insert(activities)
      .values({ ...input, createdAt: at })
      .returning({ id: activities.id })
      .get();
    applyConversationWrite(db, write);
    return row.id;
  });
}

export async function findActivity(db: Db, id: number): Promise<ActivityRow | undefined> {
  return db.orm
    .select(rowColumns)
    .from(activities)
    .innerJoin(persons, eq(persons.id, activities.authorPersonId))
    .innerJoin(agencies, eq(agencies.id, activities.agencyId))
    .where(and(eq(activities.id, id), isNull(activities.deletedAt)))
    .get() as ActivityRow | undefined;
}

/** Applies an edit and audits the changed fields; false when the activity is gone. */
export async function updateActivity(db: Db, id: number, fields: ActivityFields, meta: ChangeMeta): Promise<boolean> {
  return transaction(db, () => {
    const before = db.orm
      .select()
      .from(activities)
      .where(and(eq(activities.id, id), isNull(activities.deletedAt)))
      .get();
    if (!before) return false;
    db.orm
      .update(activities)
      .set({ ...fields, updatedAt: meta.at })
      .where(eq(activities.id, id))
      .run();
    const changed = (Object.keys(fields) as (keyof ActivityFields)[]).filter(
      (key) => JSON.stringify(before[key]) !== JSON.stringify(fields[key]),
    );
    const detail = { id, before: pick(before, changed), after: pick(fields, changed) };
    appendAudit(db, { actorPersonId: meta.actorPersonId, action: 'activity.update', detail, at: meta.at });
    applyConversationWrite(db, meta.write);
    return true;
  });
}

function pick<T extends object>(source: T, keys: (keyof T)[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((key) => [key, source[key]]));
}

/** Marks an activity deleted (kept for the audit trail); false when it was already gone. */
export async function softDeleteActivity(db: Db, id: number, meta: ChangeMeta): Promise<boolean> {
  return transaction(db, () => {
    const result = db.orm
      .update(activities)
      .set({ deletedAt: meta.at })
      .where(and(eq(activities.id, id), isNull(activities.deletedAt)))
      .run();
    if (result.changes === 0) return false;
    appendAudit(db, { actorPersonId: meta.actorPersonId, action: 'activity.delete', detail: { id }, at: meta.at });
    applyConversationWrite(db, meta.write);
    return true;
  });
}

/** Newest first (by activity date, then entry), one page at a time, with the total for paging. */
export async function listActivities(
  db: Db,
  filter: ActivityFilter & { limit: number; offset: number },
): Promise<{ rows: ActivityRow[]; total: number }> {
  const shape = placeholderWhere(filter);
  const params: Record<string, unknown> = { ...filter };
  const total =
    preparedQuery(db, `activities.count:${shape.key}`, () =>
      db.orm.select({ n: count() }).from(activities).where(shape.where()).prepare(),
    ).get(params)?.n ?? 0;
  const rows = preparedQuery(db, `activities.page:${shape.key}`, () =>
    db.orm
      .select(rowColumns)
      .from(activities)
      .innerJoin(persons, eq(persons.id, activities.authorPersonId))
      .innerJoin(agencies, eq(agencies.id, activities.agencyId))
      .where(shape.where())
      .orderBy(desc(activities.date), desc(activities.id))
      .limit(sql.placeholder('limit'))
      .offset(sql.placeholder('offset'))
      .prepare(),
  ).all(params);
  return { rows: rows as ActivityRow[], total };
}

export interface TypeCount {
  typeId: string;
  count: number;
  /** Sums over the activities that state them (null counts as 0). */
  participants: number;
  quantity: number;
}

/** Activities per type for a network and/or an agency over a date range: the figures reports are built on. */
export async function countActivitiesByType(db: Db, filter: ActivityFilter): Promise<TypeCount[]> {
  return db.orm
    .select({
      typeId: activities.typeId,
      count: count(),
      participants: sql<number>`coalesce(sum(${activities.participants}), 0)`,
      quantity: sql<number>`coalesce(sum(${activities.quantity}), 0)`,
    })
    .from(activities)
    .where(where(filter))
    .groupBy(activities.typeId)
    .orderBy(activities.typeId)
    .all();
}

/** The network's activity-type overrides as stored from its plan (validated at import). */
export async function findNetworkActivityTypes(db: Db, networkId: string): Promise<unknown[] | null> {
  const query = preparedQuery(db, 'activities.networkTypes', () =>
    db.orm
      .select({ types: networks.activityTypes })
      .from(networks)
      .where(eq(networks.id, sql.placeholder('networkId')))
      .prepare(),
  );
  return query.get({ networkId })?.types ?? null;
}
