import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

const createdAt = () =>
  integer('created_at', { mode: 'timestamp_ms' })
    .notNull()
    .default(sql`(unixepoch() * 1000)`);

// --- Plans ---------------------------------------------------------------

export const networks = sqliteTable('networks', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  level: text('level').notNull(),
  parentId: text('parent_id'),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  note: text('note'),
  planHash: text('plan_hash'),
  activityTypes: text('activity_types', { mode: 'json' }).$type<unknown[]>(),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
});

export const documents = sqliteTable(
  'documents',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    networkId: text('network_id')
      .notNull()
      .references(() => networks.id, { onDelete: 'cascade' }),
    slug: text('slug').notNull(),
    number: text('number').notNull(),
    date: text('date'),
    issuer: text('issuer').notNull(),
    subject: text('subject').notNull(),
  },
  (t) => [uniqueIndex('documents_network_slug').on(t.networkId, t.slug)],
);

export const agencies = sqliteTable(
  'agencies',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    networkId: text('network_id')
      .notNull()
      .references(() => networks.id, { onDelete: 'cascade' }),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    shortName: text('short_name'),
    aliases: text('aliases', { mode: 'json' }).$type<string[]>().notNull(),
    searchKey: text('search_key').notNull(),
    kind: text('kind').notNull(),
    successor: text('successor', { mode: 'json' }).$type<{
      agency?: string;
      name: string;
      since?: string;
      note: string;
    }>(),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    sortOrder: integer('sort_order').notNull().default(0),
    /** The officer the network expects (from an imported spreadsheet): named on the invitation letter. */
    contact: text('contact', { mode: 'json' }).$type<AgencyContact>(),
  },
  (t) => [uniqueIndex('agencies_network_slug').on(t.networkId, t.slug)],
);

export interface AgencyContact {
  name?: string;
  phone?: string;
  /** Telegram @username, without the @. */
  telegram?: string;
}

export const tasks = sqliteTable(
  'tasks',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    networkId: text('network_id')
      .notNull()
      .references(() => networks.id, { onDelete: 'cascade' }),
    slug: text('slug').notNull(),
    documentId: integer('document_id')
      .notNull()
      .references(() => documents.id),
    section: text('section').notNull(),
    forAll: integer('for_all', { mode: 'boolean' }).notNull().default(false),
    role: text('role').notNull(),
    text: text('text').notNull(),
    deadline: text('deadline'),
    recurrence: text('recurrence'),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [uniqueIndex('tasks_network_slug').on(t.networkId, t.slug)],
);

export const taskAgencies = sqliteTable(
  'task_agencies',
  {
    taskId: integer('task_id')
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    agencyId: integer('agency_id')
      .notNull()
      .references(() => agencies.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.taskId, t.agencyId] })],
);

export const duties = sqliteTable(
  'duties',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    networkId: text('network_id')
      .notNull()
      .references(() => networks.id, { onDelete: 'cascade' }),
    slug: text('slug').notNull(),
    spec: text('spec', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
  },
  (t) => [uniqueIndex('duties_network_slug').on(t.networkId, t.slug)],
);

export const templates = sqliteTable(
  'templates',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    networkId: text('network_id')
      .notNull()
      .references(() => networks.id, { onDelete: 'cascade' }),
    slug: text('slug').notNull(),
    spec: text('spec', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
  },
  (t) => [uniqueIndex('templates_network_slug').on(t.networkId, t.slug)],
);

// --- People and roles ----------------------------------------------------

export const persons = sqliteTable('persons', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  preferredPlatform: text('preferred_platform'),
  mutedUntil: text('muted_until'),
  createdAt: createdAt(),
});

export const identities = sqliteTable(
  'identities',
  {
    platform: text('platform').notNull(),
    userId: text('user_id').notNull(),
    personId: integer('person_id')
      .notNull()
      .references(() => persons.id, { onDelete: 'cascade' }),
    privateChatId: text('private_chat_id'),
    username: text('username'),
    displayName: text('display_name').notNull(),
  },
  (t) => [primaryKey({ columns: [t.platform, t.userId] }), index('identities_person').on(t.personId)],
);

export const memberships = sqliteTable(
  'memberships',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    personId: integer('person_id')
      .notNull()
      .references(() => persons.id, { onDelete: 'cascade' }),
    networkId: text('network_id')
      .notNull()
      .references(() => networks.id, { onDelete: 'cascade' }),
    agencyId: integer('agency_id')
      .notNull()
      .references(() => agencies.id),
    status: text('status').notNull(), // pending | active | rejected | left
    decidedBy: integer('decided_by'),
    createdAt: createdAt(),
    // Set when an admin removes the officer: the row stays so history keeps its author.
    endedAt: integer('ended_at', { mode: 'timestamp_ms' }),
    endedBy: integer('ended_by'),
  },
  (t) => [index('memberships_person').on(t.personId), index('memberships_agency').on(t.agencyId, t.status)],
);

export const roles = sqliteTable(
  'roles',
  {
    personId: integer('person_id')
      .notNull()
      .references(() => persons.id, { onDelete: 'cascade' }),
    networkId: text('network_id').notNull(), // '*' = every network
    role: text('role').notNull(), // admin | leader
    grantedBy: integer('granted_by'),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.networkId, t.role] })],
);

// Only a hash of each invite code is stored: a copy of the database or a backup gives no working code.
export const invites = sqliteTable('invites', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  codeHash: text('code_hash').notNull().unique(),
  /** The code's last two characters, to tell invites apart in lists; not enough to use it. */
  hint: text('hint').notNull(),
  networkId: text('network_id')
    .notNull()
    .references(() => networks.id, { onDelete: 'cascade' }),
  agencyId: integer('agency_id')
    .notNull()
    .references(() => agencies.id),
  createdBy: integer('created_by').notNull(),
  expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
  usedBy: integer('used_by'),
  usedAt: integer('used_at', { mode: 'timestamp_ms' }),
  cancelledAt: integer('cancelled_at', { mode: 'timestamp_ms' }),
  cancelledBy: integer('cancelled_by'),
  /** Null for invites made before it was recorded. */
  createdAt: integer('created_at', { mode: 'timestamp_ms' }),
});

/** People an admin has blocked: the router refuses them before any command, telling them once. */
export const blocks = sqliteTable('blocks', {
  personId: integer('person_id')
    .primaryKey()
    .references(() => persons.id, { onDelete: 'cascade' }),
  blockedBy: integer('blocked_by'),
  at: integer('at', { mode: 'timestamp_ms' }).notNull(),
  /** When the person was told; later messages are ignored silently. */
  noticedAt: integer('noticed_at', { mode: 'timestamp_ms' }),
});

export const linkCodes = sqliteTable('link_codes', {
  code: text('code').primaryKey(),
  personId: integer('person_id')
    .notNull()
    .references(() => persons.id, { onDelete: 'cascade' }),
  expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
  usedAt: integer('used_at', { mode: 'timestamp_ms' }),
});

export const groups = sqliteTable(
  'groups',
  {
    platform: text('platform').notNull(),
    chatId: text('chat_id').notNull(),
    networkId: text('network_id')
      .notNull()
      .references(() => networks.id, { onDelete: 'cascade' }),
    title: text('title'),
    boundBy: integer('bound_by'),
    createdAt: createdAt(),
    /** False once the bot was removed from the group: no reminders go there until /thietlap binds it again. */
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    leftAt: integer('left_at', { mode: 'timestamp_ms' }),
  },
  (t) => [primaryKey({ columns: [t.platform, t.chatId] }), index('groups_network').on(t.networkId)],
);

/** People who wrote in a bound group unregistered and were told how to register: each is told once. */
export const groupHints = sqliteTable(
  'group_hints',
  {
    platform: text('platform').notNull(),
    userId: text('user_id').notNull(),
    chatId: text('chat_id').notNull(),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.platform, t.userId] })],
);

/** An agency handed from one officer to a successor (/bangiao): pending until the successor or an admin confirms. */
export const handovers = sqliteTable(
  'handovers',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    networkId: text('network_id')
      .notNull()
      .references(() => networks.id, { onDelete: 'cascade' }),
    agencyId: integer('agency_id')
      .notNull()
      .references(() => agencies.id),
    /** The officer handing over; null when an admin hands over an agency nobody holds. */
    fromPersonId: integer('from_person_id'),
    toPersonId: integer('to_person_id')
      .notNull()
      .references(() => persons.id),
    startedBy: integer('started_by').notNull(),
    status: text('status').notNull(), // pending | done | cancelled
    createdAt: createdAt(),
    decidedAt: integer('decided_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('handovers_agency').on(t.agencyId, t.status)],
);

export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
    actorPersonId: integer('actor_person_id'),
    action: text('action').notNull(),
    detail: text('detail', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
  },
  // Recent failures (wrong invite or link codes) are counted from the log on every attempt.
  (t) => [index('audit_action_at').on(t.action, t.at)],
);

// --- Conversations, menus, inbound dedup, outbox -------------------------

export const conversations = sqliteTable(
  'conversations',
  {
    platform: text('platform').notNull(),
    chatId: text('chat_id').notNull(),
    userId: text('user_id').notNull(),
    kind: text('kind').notNull(),
    version: integer('version').notNull(),
    state: text('state', { mode: 'json' }).$type<unknown>().notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.platform, t.chatId, t.userId] })],
);

export const menus = sqliteTable(
  'menus',
  {
    platform: text('platform').notNull(),
    chatId: text('chat_id').notNull(),
    userId: text('user_id').notNull(),
    choices: text('choices', { mode: 'json' }).$type<{ id: string; label: string }[]>().notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.platform, t.chatId, t.userId] })],
);

export const inboundUpdates = sqliteTable(
  'inbound_updates',
  {
    platform: text('platform').notNull(),
    updateKey: text('update_key').notNull(),
    payload: text('payload', { mode: 'json' }).$type<unknown>(),
    status: text('status').notNull(), // received | handled (replies kept in payload) | done
    receivedAt: integer('received_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.platform, t.updateKey] }), index('inbound_status').on(t.status)],
);

/** The fact a queued message states, so the sender can check it still holds when the message is due. */
export type OutboxAbout =
  /** A deadline reminder for these agencies (none: a leaders' digest, never made moot by a submission). */
  | { kind: 'reminder'; dutyId: number; periodKey: string; step: string; agencyIds: number[] }
  /** An admin's notice of a registration request, with its approve / reject buttons. */
  | { kind: 'request'; requestId: number };

export const outbox = sqliteTable(
  'outbox',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    platform: text('platform').notNull(),
    chatId: text('chat_id').notNull(),
    isGroup: integer('is_group', { mode: 'boolean' }).notNull().default(false),
    payload: text('payload', { mode: 'json' })
      .$type<{ text: string; choices?: { id: string; label: string }[] }>()
      .notNull(),
    idemKey: text('idem_key').notNull(),
    status: text('status').notNull(), // pending | sending | sent | failed | cancelled (a reminder made moot) | dropped (no longer true when due)
    attempts: integer('attempts').notNull().default(0),
    nextAt: integer('next_at', { mode: 'timestamp_ms' }).notNull(),
    lastError: text('last_error'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    sentAt: integer('sent_at', { mode: 'timestamp_ms' }),
    /** What the message is about, checked right before it goes out: a notice no longer true is dropped. */
    about: text('about', { mode: 'json' }).$type<OutboxAbout>(),
    /** After this instant the message is no longer true (a reminder overtaken by the next step): dropped. */
    validUntil: integer('valid_until', { mode: 'timestamp_ms' }),
  },
  (t) => [uniqueIndex('outbox_idem').on(t.idemKey), index('outbox_due').on(t.platform, t.status, t.nextAt)],
);

// --- Activities and reports ----------------------------------------------

export const activities = sqliteTable(
  'activities',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    networkId: text('network_id')
      .notNull()
      .references(() => networks.id, { onDelete: 'cascade' }),
    agencyId: integer('agency_id')
      .notNull()
      .references(() => agencies.id),
    authorPersonId: integer('author_person_id')
      .notNull()
      .references(() => persons.id),
    typeId: text('type_id').notNull(),
    date: text('date').notNull(), // YYYY-MM-DD, Vietnam date
    title: text('title').notNull(),
    link: text('link'),
    quantity: integer('quantity'),
    participants: integer('participants'),
    taskId: integer('task_id').references(() => tasks.id),
    attachments: text('attachments', { mode: 'json' })
      .$type<{ kind: string; fileId: string; platform: string; name?: string }[]>()
      .notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }),
    deletedAt: integer('deleted_at', { mode: 'timestamp_ms' }),
  },
  (t) => [
    index('activities_agency_date').on(t.agencyId, t.date),
    // Covers the leaders' aggregates (sums of quantities per type and agency in a date range) without touching rows.
    index('activities_network_date').on(t.networkId, t.date, t.typeId, t.agencyId, t.deletedAt, t.quantity),
  ],
);

export const periods = sqliteTable(
  'periods',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    dutyId: integer('duty_id')
      .notNull()
      .references(() => duties.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    label: text('label').notNull(),
    start: text('start').notNull(),
    end: text('end').notNull(),
    deadline: text('deadline').notNull(),
  },
  (t) => [uniqueIndex('periods_duty_key').on(t.dutyId, t.key)],
);

export const reportDrafts = sqliteTable(
  'report_drafts',
  {
    periodId: integer('period_id')
      .notNull()
      .references(() => periods.id, { onDelete: 'cascade' }),
    agencyId: integer('agency_id')
      .notNull()
      .references(() => agencies.id),
    holderPersonId: integer('holder_person_id')
      .notNull()
      .references(() => persons.id),
    answers: text('answers', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    attachments: text('attachments', { mode: 'json' }).$type<unknown[]>().notNull(),
    baseVersion: integer('base_version').notNull().default(0),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.periodId, t.agencyId] })],
);

export const submissions = sqliteTable(
  'submissions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    periodId: integer('period_id')
      .notNull()
      .references(() => periods.id, { onDelete: 'cascade' }),
    agencyId: integer('agency_id')
      .notNull()
      .references(() => agencies.id),
    version: integer('version').notNull(),
    current: integer('current', { mode: 'boolean' }).notNull(),
    number: text('number').notNull(),
    personId: integer('person_id')
      .notNull()
      .references(() => persons.id),
    answers: text('answers', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    attachments: text('attachments', { mode: 'json' }).$type<unknown[]>().notNull(),
    submittedAt: integer('submitted_at', { mode: 'timestamp_ms' }).notNull(),
    late: integer('late', { mode: 'boolean' }).notNull(),
    reopened: integer('reopened', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [
    uniqueIndex('submissions_version').on(t.periodId, t.agencyId, t.version),
    index('submissions_current').on(t.periodId, t.current),
  ],
);

export const reportIssues = sqliteTable('report_issues', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  submissionId: integer('submission_id')
    .notNull()
    .references(() => submissions.id, { onDelete: 'cascade' }),
  kind: text('kind').notNull(), // difficulty | proposal
  text: text('text').notNull(),
});

// --- Scheduled jobs ------------------------------------------------------

export const jobRuns = sqliteTable(
  'job_runs',
  {
    job: text('job').notNull(),
    slot: text('slot').notNull(),
    ranAt: integer('ran_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.job, t.slot] })],
);

export const reminderLog = sqliteTable(
  'reminder_log',
  {
    dutyId: integer('duty_id').notNull(),
    periodKey: text('period_key').notNull(),
    agencyId: integer('agency_id').notNull(), // 0 for group and leader messages
    recipient: text('recipient').notNull(),
    step: text('step').notNull(),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.dutyId, t.periodKey, t.agencyId, t.recipient, t.step] })],
);

export const fileLinks = sqliteTable('file_links', {
  token: text('token').primaryKey(),
  fileName: text('file_name').notNull(),
  contentType: text('content_type').notNull(),
  data: text('data').notNull(), // base64
  expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
});

// --- Web sign-in ------------------------------------------------------------
// Only SHA-256 hashes of the sign-in links and session cookies are stored: a copy of the database signs no one in.

export const webLogins = sqliteTable('web_logins', {
  tokenHash: text('token_hash').primaryKey(),
  personId: integer('person_id')
    .notNull()
    .references(() => persons.id, { onDelete: 'cascade' }),
  /** The identity that asked for the link: the session acts as it (deep links, notices). */
  platform: text('platform').notNull(),
  userId: text('user_id').notNull(),
  createdAt: createdAt(),
  expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
  usedAt: integer('used_at', { mode: 'timestamp_ms' }),
});

export const webSessions = sqliteTable(
  'web_sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    personId: integer('person_id')
      .notNull()
      .references(() => persons.id, { onDelete: 'cascade' }),
    platform: text('platform').notNull(),
    userId: text('user_id').notNull(),
    createdAt: createdAt(),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
    endedAt: integer('ended_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('web_sessions_expires').on(t.expiresAt)],
);
