import { and, eq } from 'drizzle-orm';
import type { Db } from '../client.js';
import { transaction } from '../client.js';
import { groups, outbox } from '../schema.js';
import { appendAudit } from './audit.js';

export interface BoundGroup {
  platform: string;
  chatId: string;
  networkId: string;
  title: string | null;
}

export async function bindGroup(db: Db, group: BoundGroup, actorPersonId: number, at: Date): Promise<void> {
  transaction(db, () => {
    db.orm
      .insert(groups)
      .values({ ...group, boundBy: actorPersonId, createdAt: at })
      .onConflictDoUpdate({
        target: [groups.platform, groups.chatId],
        set: { networkId: group.networkId, title: group.title, boundBy: actorPersonId },
      })
      .run();
    appendAudit(db, { actorPersonId, action: 'group.bind', detail: { ...group }, at });
  });
}

export async function findGroup(db: Db, platform: string, chatId: string): Promise<BoundGroup | undefined> {
  return db.orm
    .select({ platform: groups.platform, chatId: groups.chatId, networkId: groups.networkId, title: groups.title })
    .from(groups)
    .where(and(eq(groups.platform, platform), eq(groups.chatId, chatId)))
    .get();
}

export async function listNetworkGroups(db: Db, networkId: string): Promise<BoundGroup[]> {
  return db.orm
    .select({ platform: groups.platform, chatId: groups.chatId, networkId: groups.networkId, title: groups.title })
    .from(groups)
    .where(eq(groups.networkId, networkId))
    .all();
}

/** A Telegram group upgraded to a supergroup gets a new id: move its binding and queued messages. */
export async function migrateGroupChat(db: Db, platform: string, fromChatId: string, toChatId: string): Promise<void> {
  transaction(db, () => {
    db.orm
      .update(groups)
      .set({ chatId: toChatId })
      .where(and(eq(groups.platform, platform), eq(groups.chatId, fromChatId)))
      .run();
    db.orm
      .update(outbox)
      .set({ chatId: toChatId })
      .where(and(eq(outbox.platform, platform), eq(outbox.chatId, fromChatId), eq(outbox.status, 'pending')))
      .run();
  });
}
