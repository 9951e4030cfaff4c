import { foreignKey, index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { inboundUpdates, outbox } from './schema.js';

// PostgreSQL only: what several instances on one database need to share work safely. Kept apart from the row
// types both dialects share (schema.ts); SQLite serves one process and has none of it.

const ms = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * Who is sending an outbox row, until when. A row whose owner died (its instance lock gone) or whose lease ran
 * out goes back to the queue; an instance starting up frees only its own.
 */
export const outboxLeases = pgTable('outbox_leases', {
  outboxId: integer('outbox_id')
    .primaryKey()
    .references(() => outbox.id, { onDelete: 'cascade' }),
  owner: integer('owner').notNull(),
  until: ms('until').notNull(),
});

/** The chat of a recorded update (known once it is mapped): an instance drains a chat's updates in order. */
export const inboundChats = pgTable(
  'inbound_chats',
  {
    platform: text('platform').notNull(),
    updateKey: text('update_key').notNull(),
    chatId: text('chat_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.platform, t.updateKey] }),
    index('inbound_chats_chat').on(t.platform, t.chatId),
    foreignKey({
      columns: [t.platform, t.updateKey],
      foreignColumns: [inboundUpdates.platform, inboundUpdates.updateKey],
    }).onDelete('cascade'),
  ],
);

/** A job slot being run: gone when the run finished; a dead owner's or an expired lease is run again. */
export const jobLeases = pgTable(
  'job_leases',
  {
    job: text('job').notNull(),
    slot: text('slot').notNull(),
    owner: integer('owner').notNull(),
    until: ms('until').notNull(),
  },
  (t) => [primaryKey({ columns: [t.job, t.slot] })],
);
