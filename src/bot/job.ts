import type { Db } from '../db/index.js';
import type { HolidayCalendar } from '../kernel/calendar/holidays.js';
import type { QuietHours } from '../kernel/calendar/working-time.js';
import type { Logger } from '../logger.js';

// Jobs are plain functions of their context: they compute what is due from the database as of `now`,
// so a missed, repeated or manual run (daumoi remind) is harmless.

/** Jobs insert outgoing rows inside their own transactions (db functions); this wakes the senders. */
export interface OutboxNotifier {
  notify(): void;
}

export interface JobSettings {
  calendar: HolidayCalendar;
  quietHours: QuietHours;
  /** How far back a run still sends what it missed (e.g. while the bot was down). */
  catchUpHours: number;
  /** Days kept before the daily retention job removes them (defaults in features/housekeeping). */
  retention?: RetentionDays;
}

export interface RetentionDays {
  inboundDays: number;
  outboxDays: number;
  conversationDays: number;
}

export interface JobContext {
  db: Db;
  outbox: OutboxNotifier;
  log: Logger;
  now: Date;
  settings: JobSettings;
}

export interface Job {
  name: string;
  /** node-cron expression, Asia/Ho_Chi_Minh time. */
  cron: string;
  run(ctx: JobContext): Promise<void>;
}
