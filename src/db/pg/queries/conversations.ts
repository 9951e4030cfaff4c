import { and, eq, lt } from 'drizzle-orm';
import type { ConversationWrite } from '../../../kernel/conversation.js';
import type { Choice } from '../../../kernel/message.js';
import type { ChatUserKey, StoredConversation } from '../../queries/conversations.js';
import type { PgDb, PgExec } from '../client.js';
import { changed } from '../run.js';
import { conversations, menus } from '../schema.js';

const keyOf = (k: ChatUserKey) =>
  and(eq(conversations.platform, k.platform), eq(conversations.chatId, k.chatId), eq(conversations.userId, k.userId));

export async function findConversation(db: PgDb, key: ChatUserKey): Promise<StoredConversation | undefined> {
  const [row] = await db.orm
    .select({
      kind: conversations.kind,
      version: conversations.version,
      state: conversations.state,
      updatedAt: conversations.updatedAt,
    })
    .from(conversations)
    .where(keyOf(key));
  return row;
}

/** Writes or clears a conversation state. Call inside a transaction to commit with domain rows. */
export async function applyConversationWrite(ex: PgExec, write: ConversationWrite | undefined): Promise<void> {
  if (!write) return;
  if (!write.next) {
    await ex.delete(conversations).where(keyOf(write));
    return;
  }
  const values = { kind: write.next.kind, version: write.next.version, state: write.next.state, updatedAt: write.at };
  await ex
    .insert(conversations)
    .values({ platform: write.platform, chatId: write.chatId, userId: write.userId, ...values })
    .onConflictDoUpdate({ target: [conversations.platform, conversations.chatId, conversations.userId], set: values });
}

export async function saveConversation(db: PgDb, write: ConversationWrite): Promise<void> {
  await applyConversationWrite(db.orm, write);
}

export async function deleteIdleConversations(db: PgDb, before: Date): Promise<number> {
  return changed(await db.orm.delete(conversations).where(lt(conversations.updatedAt, before)));
}

const menuKey = (k: ChatUserKey) =>
  and(eq(menus.platform, k.platform), eq(menus.chatId, k.chatId), eq(menus.userId, k.userId));

export async function saveMenu(db: PgDb, key: ChatUserKey, choices: Choice[], at: Date): Promise<void> {
  await db.orm
    .insert(menus)
    .values({ ...key, choices, createdAt: at })
    .onConflictDoUpdate({ target: [menus.platform, menus.chatId, menus.userId], set: { choices, createdAt: at } });
}

export async function findMenu(db: PgDb, key: ChatUserKey): Promise<Choice[] | undefined> {
  const [row] = await db.orm.select({ choices: menus.choices }).from(menus).where(menuKey(key));
  return row?.choices as Choice[] | undefined;
}
