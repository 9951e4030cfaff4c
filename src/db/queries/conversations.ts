import { and, eq, lt } from 'drizzle-orm';
import type { ConversationWrite } from '../../kernel/conversation.js';
import type { Choice, Platform } from '../../kernel/message.js';
import type { Db } from '../client.js';
import { prepared } from '../prepared.js';
import { conversations } from '../schema.js';

export interface ChatUserKey {
  platform: Platform;
  chatId: string;
  userId: string;
}

export interface StoredConversation {
  kind: string;
  version: number;
  state: unknown;
  updatedAt: Date;
}

// Read on every message: prepared once.
const FIND_CONVERSATION = `SELECT kind, version, state, updated_at AS updatedAt FROM conversations
  WHERE platform = ? AND chat_id = ? AND user_id = ?`;
const FIND_MENU = 'SELECT choices FROM menus WHERE platform = ? AND chat_id = ? AND user_id = ?';
const SAVE_MENU = `INSERT INTO menus (platform, chat_id, user_id, choices, created_at) VALUES (?, ?, ?, ?, ?)
  ON CONFLICT (platform, chat_id, user_id) DO UPDATE SET choices = excluded.choices, created_at = excluded.created_at`;

const keyOf = (k: ChatUserKey) =>
  and(eq(conversations.platform, k.platform), eq(conversations.chatId, k.chatId), eq(conversations.userId, k.userId));

export async function findConversation(db: Db, key: ChatUserKey): Promise<StoredConversation | undefined> {
  const row = prepared(db, FIND_CONVERSATION).get(key.platform, key.chatId, key.userId) as
    { kind: string; version: number; state: string; updatedAt: number } | undefined;
  return row
    ? { kind: row.kind, version: row.version, state: JSON.parse(row.state), updatedAt: new Date(row.updatedAt) }
    : undefined;
}

/** Writes or clears a conversation state. Call inside a transaction to commit with domain rows. */
export function applyConversationWrite(db: Db, write: ConversationWrite | undefined): void {
  if (!write) return;
  if (!write.next) {
    db.orm.delete(conversations).where(keyOf(write)).run();
    return;
  }
  const values = { kind: write.next.kind, version: write.next.version, state: write.next.state, updatedAt: write.at };
  db.orm
    .insert(conversations)
    .values({ platform: write.platform, chatId: write.chatId, userId: write.userId, ...values })
    .onConflictDoUpdate({ target: [conversations.platform, conversations.chatId, conversations.userId], set: values })
    .run();
}

export async function saveConversation(db: Db, write: ConversationWrite): Promise<void> {
  applyConversationWrite(db, write);
}

export async function deleteIdleConversations(db: Db, before: Date): Promise<number> {
  return db.orm.delete(conversations).where(lt(conversations.updatedAt, before)).run().changes;
}

export async function saveMenu(db: Db, key: ChatUserKey, choices: Choice[], at: Date): Promise<void> {
  prepared(db, SAVE_MENU).run(key.platform, key.chatId, key.userId, JSON.stringify(choices), at.getTime());
}

export async function findMenu(db: Db, key: ChatUserKey): Promise<Choice[] | undefined> {
  const row = prepared(db, FIND_MENU).get(key.platform, key.chatId, key.userId) as { choices: string } | undefined;
  return row ? (JSON.parse(row.choices) as Choice[]) : undefined;
}
