import { and, eq } from 'drizzle-orm';
import type { BoundGroup } from '../../queries/groups.js';
import { pgTransaction, type PgDb } from '../client.js';
import { groups, outbox } from '../schema.js';
import { appendAudit } from './audit.js';

const bound = { platform: groups.platform, chatId: groups.chatId, networkId: groups.networkId, title: groups.title };

export async function bindGroup(db: PgDb, group: BoundGroup, actorPersonId: number, at: Date): Promise<void> {
  await pgTransaction(db, async (tx) => {
    await tx
      .insert(groups)
      .values({ ...group, boundBy: actorPersonId, createdAt: at })
      .onConflictDoUpdate({
        target: [groups.platform, groups.chatId],
        set: { networkId: group.networkId, title: group.title, boundBy: actorPersonId },
      });
    await appendAudit(tx, { actorPersonId, action: 'group.bind', detail: { ...group }, at });
  });
}

export async function findGroup(db: PgDb, platform: string, chatId: string): Promise<BoundGroup | undefined> {
  const [row] = await db.orm
    .select(bound)
    .from(groups)
    .where(and(eq(groups.platform, platform), eq(groups.chatId, chatId)));
  return row;
}

export async function listNetworkGroups(db: PgDb, networkId: string): Promise<BoundGroup[]> {
  return db.orm.select(bound).from(groups).where(eq(groups.networkId, networkId)).orderBy(groups.createdAt);
}

/** A Telegram group upgraded to a supergroup gets a new id: move its binding and queued messages. */
export async function migrateGroupChat(
  db: PgDb,
  platform: string,
  fromChatId: string,
  toChatId: string,
): Promise<void> {
  await pgTransaction(db, async (tx) => {
    await tx
      .update(groups)
      .set({ chatId: toChatId })
      .where(and(eq(groups.platform, platform), eq(groups.chatId, fromChatId)));
    await tx
      .update(outbox)
      .set({ chatId: toChatId })
      .where(and(eq(outbox.platform, platform), eq(outbox.chatId, fromChatId), eq(outbox.status, 'pending')));
  });
}
