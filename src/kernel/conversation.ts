import type { Platform } from './message.js';

/** A pending conversation-state write, handed to a db function so it commits with the domain rows. */
export interface ConversationWrite {
  platform: Platform;
  chatId: string;
  userId: string;
  next: { kind: string; version: number; state: unknown } | null;
  at: Date;
}
