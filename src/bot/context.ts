import type { z } from 'zod';
import type { Db } from '../db/index.js';
import type { AppConfig } from '../config.js';
import type { Logger } from '../logger.js';
import type { ActivityType } from '../kernel/plan.js';
import type { Actor } from '../kernel/actor.js';
import type { Job } from './job.js';
import type { HolidayCalendar } from '../kernel/calendar/holidays.js';
import type { ConversationWrite } from '../kernel/conversation.js';
import type { Coordination } from '../kernel/instances.js';
import type { Choice, Incoming, MembershipEvent, Platform, Reply } from '../kernel/message.js';

export type { ConversationWrite };

/** What a platform adapter lets the core ask of its platform. */
export interface PlatformCapabilities {
  /** Whether the user administers the group chat (Telegram: getChatMember). */
  isChatAdmin(chatId: string, userId: string): Promise<boolean>;
  /** A link that opens a private chat with the bot and sends `/start <code>`, if the platform has one. */
  deepLink?(code: string): string;
  /** Files can be sent in chat (otherwise the core offers a link or another platform). */
  sendsFiles: boolean;
  /** Fetches a file the user sent, by its platform file id; absent where the bot cannot receive files. */
  downloadFile?(fileId: string, maxBytes: number): Promise<Downloaded>;
}

/** A downloaded file, or why not: over the size limit, or the platform could not give it. */
export type Downloaded = { ok: true; data: Buffer } | { ok: false; reason: 'too-big' | 'failed' };

export interface Services {
  db: Db;
  log: Logger;
  config: AppConfig;
  clock: () => Date;
  activityTypes: ActivityType[];
  /** Public holidays and swapped working days (calendar/holidays-vn.yaml), loaded once. */
  calendar: HolidayCalendar;
  platforms: Partial<Record<Platform, PlatformCapabilities>>;
  /** Several instances on one PostgreSQL database share the work through it; undefined on SQLite. */
  coordination?: Coordination;
  /** Stores a file for download over HTTP and returns its unguessable, expiring URL (when PUBLIC_URL is set). */
  publishFile?(file: { fileName: string; contentType: string; data: Buffer }): Promise<string>;
}

export interface ConversationControl {
  readonly current: { kind: string; state: unknown } | undefined;
  /**
   * Starts or updates the conversation; written after the handler unless taken by a domain write. The state is
   * checked against the registered schema here: a wrong shape is our bug, so the message fails with an apology.
   */
  set<S>(conversation: ConversationKind<S>, state: S): void;
  end(): void;
  /** Hands the pending state write to a db function so domain rows and state commit together. */
  takeWrite(): ConversationWrite | undefined;
}

export interface Ctx {
  readonly msg: Incoming;
  readonly now: Date;
  readonly services: Services;
  readonly actor: Actor;
  readonly conversation: ConversationControl;
  reply(reply: string | Reply, choices?: Choice[]): void;
}

export interface Command {
  name: string;
  aliases: string[];
  /** Vietnamese, shown in /trogiup and the platform's command menu. */
  description: string;
  /** Answered in group chats (otherwise the bot asks to continue privately). */
  inGroups?: boolean;
  /** Not listed in /trogiup (e.g. /as in the console). */
  hidden?: boolean;
  run(ctx: Ctx, args: string): Promise<void>;
}

/** What names a conversation's stored state; kept apart from `step` so the writers need not import the handler. */
export interface ConversationKind<S = unknown> {
  kind: string;
  version: number;
  schema: z.ZodType<S>;
}

export interface ConversationDef<S = unknown> extends ConversationKind<S> {
  step(ctx: Ctx, state: S): Promise<void>;
}

/** Free text that means a command: patterns match diacritics-free lowercase text. */
export interface Intent {
  command: string;
  patterns: RegExp[];
  args?(normalized: string, original: string): string;
}

/** A document sent with no command and no conversation open that a feature takes up (e.g. a plan to draft). */
export interface FileIntent {
  accepts(ctx: Ctx): boolean;
  run(ctx: Ctx): Promise<void>;
}

/** What a feature does when the bot joins or leaves a group (greets it, marks its binding inactive). */
export interface MembershipHandler {
  run(ctx: Ctx, event: MembershipEvent): Promise<void>;
}

/**
 * Sees every message written in a group, addressed to the bot or not, before it is handled; what it replies goes
 * first. Kept cheap: it runs for each group message.
 */
export interface GroupWatcher {
  run(msg: Incoming, services: Services, now: Date): Promise<Reply | undefined>;
}

export interface Registry {
  commands: Command[];
  conversations: ConversationDef<any>[];
  intents: Intent[];
  membership?: MembershipHandler[];
  groupWatchers?: GroupWatcher[];
  fileIntents?: FileIntent[];
}

/** One folder of features/: its commands (in help order), conversations, free-text intents and scheduled jobs. */
export interface Feature {
  name: string;
  commands: Command[];
  conversations?: ConversationDef<any>[];
  intents?: Intent[];
  fileIntents?: FileIntent[];
  membership?: MembershipHandler[];
  groupWatchers?: GroupWatcher[];
  jobs?: Job[];
}
