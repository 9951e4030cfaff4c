import { sql } from 'drizzle-orm';
import {
  boolean,
  customType,
  index,
  integer,
  json,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import type { AgencyContact, OutboxAbout } from '../schema.js';

// The PostgreSQL mirror of ../schema.ts: the same tables, columns and indexes, the same row types (a type test in
// tests/db proves it). Timestamps are timestamptz read as Date; JSON is `json`, not `jsonb`, so objects keep their
// key order (report answers are shown in the order they were written).

const ms = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const createdAt = () => ms('created_at').notNull().defaultNow();
const id = () => integer('id').primaryKey().generatedByDefaultAsIdentity();

// --- Plans ---------------------------------------------------------------

export const networks = pgTable('networks', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  level: text('level').notNull(),
  parentId: text('parent_id'),
  active: boolean('active').notNull().default(true),
  note: text('note'),
  planHash: text('plan_hash'),
  activityTypes: json('activity_types').$type<unknown[]>(),
  updatedAt: ms('updated_at').notNull(),
});

export const documents = pgTable(
  'documents',
  {
    id: id(),
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

export const agencies = pgTable(
  'agencies',
  {
    id: id(),
    networkId: text('network_id')
      .notNull()
      .references(() => networks.id, { onDelete: 'cascade' }),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    shortName: text('short_name'),
    aliases: json('aliases').$type<string[]>().notNull(),
    searchKey: text('search_key').notNull(),
    kind: text('kind').notNull(),
    successor: json('successor').$type<{
      agency?: string;
      name: string;
      since?: string;
      note: string;
    }>(),
    active: boolean('active').notNull().default(true),
    sortOrder: integer('sort_order').notNull().default(0),
    contact: json('contact').$type<AgencyContact>(),
  },
  (t) => [uniqueIndex('agencies_network_slug').on(t.networkId, t.slug)],
);

export const tasks = pgTable(
  'tasks',
  {
    id: id(),
    networkId: text('network_id')
      .notNull()
      .references(() => networks.id, { onDelete: 'cascade' }),
    slug: text('slug').notNull(),
    documentId: integer('document_id')
      .notNull()
      .references(() => documents.id),
    section: text('section').notNull(),
    forAll: boolean('for_all').notNull().default(false),
    role: text('role').notNull(),
    text: text('text').notNull(),
    deadline: text('deadline'),
    recurrence: text('recurrence'),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [uniqueIndex('tasks_network_slug').on(t.networkId, t.slug)],
);

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/**
 * The search index over task texts (SQLite: the tasks_fts virtual table): `body` is the text normalised in JS
 * (kernel/text normalize: no diacritics, lower case), `words` its tsvector under the 'simple' configuration
 * (no stemming, no stop words), so both dialects match the same words.
 */
export const taskSearch = pgTable(
  'task_search',
  {
    taskId: integer('task_id')
      .primaryKey()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    body: text('body').notNull(),
    words: tsvector('words')
      .notNull()
      .generatedAlwaysAs(sql`to_tsvector('simple', body)`),
  },
  (t) => [index('task_search_words').using('gin', t.words)],
);

export const taskAgencies = pgTable(
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

export const duties = pgTable(
  'duties',
  {
    id: id(),
    networkId: text('network_id')
      .notNull()
      .references(() => networks.id, { onDelete: 'cascade' }),
    slug: text('slug').notNull(),
    spec: json('spec').$type<Record<string, unknown>>().notNull(),
    active: boolean('active').notNull().default(true),
  },
  (t) => [uniqueIndex('duties_network_slug').on(t.networkId, t.slug)],
);

export const templates = pgTable(
  'templates',
  {
    id: id(),
    networkId: text('network_id')
      .notNull()
      .references(() => networks.id, { onDelete: 'cascade' }),
    slug: text('slug').notNull(),
    spec: json('spec').$type<Record<string, unknown>>().notNull(),
  },
  (t) => [uniqueIndex('templates_network_slug').on(t.networkId, t.slug)],
);

// --- People and roles ----------------------------------------------------

export const persons = pgTable('persons', {
  id: id(),
  name: text('name').notNull(),
  preferredPlatform: text('preferred_platform'),
  mutedUntil: text('muted_until'),
  createdAt: createdAt(),
});

export const identities = pgTable(
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

export const memberships = pgTable(
  'memberships',
  {
    id: id(),
    personId: integer('person_id')
      .notNull()
      .references(() => persons.id, { onDelete: 'cascade' }),
    networkId: text('network_id')
      .notNull()
      .references(() => networks.id, { onDelete: 'cascade' }),
    agencyId: integer('agency_id')
      .notNull()
      .references(() => agencies.id),
    status: text('status').notNull(),
    decidedBy: integer('decided_by'),
    createdAt: createdAt(),
    endedAt: ms('ended_at'),
    endedBy: integer('ended_by'),
  },
  (t) => [index('memberships_person').on(t.personId), index('memberships_agency').on(t.agencyId, t.status)],
);

export const roles = pgTable(
  'roles',
  {
    personId: integer('person_id')
      .notNull()
      .references(() => persons.id, { onDelete: 'cascade' }),
    networkId: text('network_id').notNull(),
    role: text('role').notNull(),
    grantedBy: integer('granted_by'),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.networkId, t.role] })],
);

// Only a hash of each invite code is stored (see the SQLite schema).
export const invites = pgTable('invites', {
  id: id(),
  codeHash: text('code_hash').notNull().unique(),
  hint: text('hint').notNull(),
  networkId: text('network_id')
    .notNull()
    .references(() => networks.id, { onDelete: 'cascade' }),
  agencyId: integer('agency_id')
    .notNull()
    .references(() => agencies.id),
  createdBy: integer('created_by').notNull(),
  expiresAt: ms('expires_at').notNull(),
  usedBy: integer('used_by'),
  usedAt: ms('used_at'),
  cancelledAt: ms('cancelled_at'),
  cancelledBy: integer('cancelled_by'),
  createdAt: ms('created_at'),
});

export const blocks = pgTable('blocks', {
  personId: integer('person_id')
    .primaryKey()
    .references(() => persons.id, { onDelete: 'cascade' }),
  blockedBy: integer('blocked_by'),
  at: ms('at').notNull(),
  noticedAt: ms('noticed_at'),
});

export const linkCodes = pgTable('link_codes', {
  code: text('code').primaryKey(),
  personId: integer('person_id')
    .notNull()
    .references(() => persons.id, { onDelete: 'cascade' }),
  expiresAt: ms('expires_at').notNull(),
  usedAt: ms('used_at'),
});

export const groups = pgTable(
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
    active: boolean('active').notNull().default(true),
    leftAt: ms('left_at'),
  },
  (t) => [primaryKey({ columns: [t.platform, t.chatId] }), index('groups_network').on(t.networkId)],
);

export const groupHints = pgTable(
  'group_hints',
  {
    platform: text('platform').notNull(),
    userId: text('user_id').notNull(),
    chatId: text('chat_id').notNull(),
    at: ms('at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.platform, t.userId] })],
);

export const handovers = pgTable(
  'handovers',
  {
    id: id(),
    networkId: text('network_id')
      .notNull()
      .references(() => networks.id, { onDelete: 'cascade' }),
    agencyId: integer('agency_id')
      .notNull()
      .references(() => agencies.id),
    fromPersonId: integer('from_person_id'),
    toPersonId: integer('to_person_id')
      .notNull()
      .references(() => persons.id),
    startedBy: integer('started_by').notNull(),
    status: text('status').notNull(),
    createdAt: createdAt(),
    decidedAt: ms('decided_at'),
  },
  (t) => [index('handovers_agency').on(t.agencyId, t.status)],
);

export const auditLog = pgTable(
  'audit_log',
  {
    id: id(),
    at: ms('at').notNull(),
    actorPersonId: integer('actor_person_id'),
    action: text('action').notNull(),
    detail: json('detail').$type<Record<string, unknown>>().notNull(),
  },
  (t) => [index('audit_action_at').on(t.action, t.at)],
);

// --- Conversations, menus, inbound dedup, outbox -------------------------

export const conversations = pgTable(
  'conversations',
  {
    platform: text('platform').notNull(),
    chatId: text('chat_id').notNull(),
    userId: text('user_id').notNull(),
    kind: text('kind').notNull(),
    version: integer('version').notNull(),
    state: json('state').$type<unknown>().notNull(),
    updatedAt: ms('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.platform, t.chatId, t.userId] })],
);

export const menus = pgTable(
  'menus',
  {
    platform: text('platform').notNull(),
    chatId: text('chat_id').notNull(),
    userId: text('user_id').notNull(),
    choices: json('choices').$type<{ id: string; label: string }[]>().notNull(),
    createdAt: ms('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.platform, t.chatId, t.userId] })],
);

export const inboundUpdates = pgTable(
  'inbound_updates',
  {
    platform: text('platform').notNull(),
    updateKey: text('update_key').notNull(),
    payload: json('payload').$type<unknown>(),
    status: text('status').notNull(),
    receivedAt: ms('received_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.platform, t.updateKey] }), index('inbound_status').on(t.status)],
);

export const outbox = pgTable(
  'outbox',
  {
    id: id(),
    platform: text('platform').notNull(),
    chatId: text('chat_id').notNull(),
    isGroup: boolean('is_group').notNull().default(false),
    payload: json('payload').$type<{ text: string; choices?: { id: string; label: string }[] }>().notNull(),
    idemKey: text('idem_key').notNull(),
    status: text('status').notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAt: ms('next_at').notNull(),
    lastError: text('last_error'),
    createdAt: ms('created_at').notNull(),
    sentAt: ms('sent_at'),
    about: json('about').$type<OutboxAbout>(),
    validUntil: ms('valid_until'),
  },
  (t) => [uniqueIndex('outbox_idem').on(t.idemKey), index('outbox_due').on(t.platform, t.status, t.nextAt)],
);

// --- Activities and reports ----------------------------------------------

export const activities = pgTable(
  'activities',
  {
    id: id(),
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
    date: text('date').notNull(),
    title: text('title').notNull(),
    link: text('link'),
    quantity: integer('quantity'),
    participants: integer('participants'),
    taskId: integer('task_id').references(() => tasks.id),
    attachments: json('attachments')
      .$type<{ kind: string; fileId: string; platform: string; name?: string }[]>()
      .notNull(),
    createdAt: ms('created_at').notNull(),
    updatedAt: ms('updated_at'),
    deletedAt: ms('deleted_at'),
  },
  (t) => [
    index('activities_agency_date').on(t.agencyId, t.date),
    index('activities_network_date').on(t.networkId, t.date, t.typeId, t.agencyId, t.deletedAt, t.quantity),
  ],
);

export const periods = pgTable(
  'periods',
  {
    id: id(),
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

export const reportDrafts = pgTable(
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
    answers: json('answers').$type<Record<string, unknown>>().notNull(),
    attachments: json('attachments').$type<unknown[]>().notNull(),
    baseVersion: integer('base_version').notNull().default(0),
    updatedAt: ms('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.periodId, t.agencyId] })],
);

export const submissions = pgTable(
  'submissions',
  {
    id: id(),
    periodId: integer('period_id')
      .notNull()
      .references(() => periods.id, { onDelete: 'cascade' }),
    agencyId: integer('agency_id')
      .notNull()
      .references(() => agencies.id),
    version: integer('version').notNull(),
    current: boolean('current').notNull(),
    number: text('number').notNull(),
    personId: integer('person_id')
      .notNull()
      .references(() => persons.id),
    answers: json('answers').$type<Record<string, unknown>>().notNull(),
    attachments: json('attachments').$type<unknown[]>().notNull(),
    submittedAt: ms('submitted_at').notNull(),
    late: boolean('late').notNull(),
    reopened: boolean('reopened').notNull().default(false),
  },
  (t) => [
    uniqueIndex('submissions_version').on(t.periodId, t.agencyId, t.version),
    index('submissions_current').on(t.periodId, t.current),
  ],
);

export const reportIssues = pgTable('report_issues', {
  id: id(),
  submissionId: integer('submission_id')
    .notNull()
    .references(() => submissions.id, { onDelete: 'cascade' }),
  kind: text('kind').notNull(),
  text: text('text').notNull(),
});

// --- Scheduled jobs ------------------------------------------------------

export const jobRuns = pgTable(
  'job_runs',
  {
    job: text('job').notNull(),
    slot: text('slot').notNull(),
    ranAt: ms('ran_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.job, t.slot] })],
);

export const reminderLog = pgTable(
  'reminder_log',
  {
    dutyId: integer('duty_id').notNull(),
    periodKey: text('period_key').notNull(),
    agencyId: integer('agency_id').notNull(),
    recipient: text('recipient').notNull(),
    step: text('step').notNull(),
    at: ms('at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.dutyId, t.periodKey, t.agencyId, t.recipient, t.step] })],
);

export const fileLinks = pgTable('file_links', {
  token: text('token').primaryKey(),
  fileName: text('file_name').notNull(),
  contentType: text('content_type').notNull(),
  data: text('data').notNull(),
  expiresAt: ms('expires_at').notNull(),
});

// --- Web sign-in ------------------------------------------------------------

export const webLogins = pgTable('web_logins', {
  tokenHash: text('token_hash').primaryKey(),
  personId: integer('person_id')
    .notNull()
    .references(() => persons.id, { onDelete: 'cascade' }),
  platform: text('platform').notNull(),
  userId: text('user_id').notNull(),
  createdAt: createdAt(),
  expiresAt: ms('expires_at').notNull(),
  usedAt: ms('used_at'),
});

export const webSessions = pgTable(
  'web_sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    personId: integer('person_id')
      .notNull()
      .references(() => persons.id, { onDelete: 'cascade' }),
    platform: text('platform').notNull(),
    userId: text('user_id').notNull(),
    createdAt: createdAt(),
    expiresAt: ms('expires_at').notNull(),
    endedAt: ms('ended_at'),
  },
  (t) => [index('web_sessions_expires').on(t.expiresAt)],
);
