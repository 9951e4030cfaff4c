import { and, asc, eq, inArray } from 'drizzle-orm';
import type { BoundGroup } from '../../queries/groups.js';
import { pgTransaction, type PgDb } from '../client.js';
import { changed } from '../run.js';
import { groupHints, groups, identities, memberships, outbox, roles } from '../schema.js';
import { appendAudit } from './audit.js';

export async function bindGroup(db: PgDb, group: BoundGroup, actorPersonId: number, at: Date): Promise<void> {
  await pgTransaction(db, async (tx) => {
    await tx
      .insert(groups)
      .values({ ...group, boundBy: actorPersonId, createdAt: at })
      .onConflictDoUpdate({
        target: [groups.platform, groups.chatId],
        set: { networkId: group.networkId, title: group.title, boundBy: actorPersonId, active: true, leftAt: null },
      });
    await appendAudit(tx, { actorPersonId, action: 'group.bind', detail: { ...group }, at });
  });
}

const boundColumns = {
  platform: groups.platform,
  chatId: groups.chatId,
  networkId: groups.networkId,
  title: groups.title,
};

/** The network a group is bound to, while the bot is in it. */
export async function findGroup(db: PgDb, platform: string, chatId: string): Promise<BoundGroup | undefined> {
  const [row] = await db.orm
    .select(boundColumns)
    .from(groups)
    .where(and(eq(groups.platform, platform), eq(groups.chatId, chatId), eq(groups.active, true)));
  return row;
}

/** The group's binding, also one left inactive when the bot was removed. */
export async function findGroupBinding(
  db: PgDb,
  platform: string,
  chatId: string,
): Promise<(BoundGroup & { active: boolean }) | undefined> {
  const [row] = await db.orm
    .select({ ...boundColumns, active: groups.active })
    .from(groups)
    .where(and(eq(groups.platform, platform), eq(groups.chatId, chatId)));
  return row;
}

export async function listNetworkGroups(db: PgDb, networkId: string): Promise<BoundGroup[]> {
  return db.orm
    .select(boundColumns)
    .from(groups)
    .where(and(eq(groups.networkId, networkId), eq(groups.active, true)))
    .orderBy(asc(groups.createdAt));
}

/** The bot was removed from the group: the binding stays, inactive; messages still queued for it are cancelled. */
export async function markGroupLeft(
  db: PgDb,
  input: { platform: string; chatId: string; actorPersonId: number; at: Date },
): Promise<boolean> {
  return pgTransaction(db, async (tx) => {
    const { platform, chatId, actorPersonId, at } = input;
    const here = and(eq(groups.platform, platform), eq(groups.chatId, chatId), eq(groups.active, true));
    const [group] = await tx.select(boundColumns).from(groups).where(here);
    if (!group) return false;
    await tx.update(groups).set({ active: false, leftAt: at }).where(here);
    const queued = changed(
      await tx
        .update(outbox)
        .set({ status: 'cancelled', lastError: 'bot removed from the group' })
        .where(and(eq(outbox.platform, platform), eq(outbox.chatId, chatId), eq(outbox.status, 'pending'))),
    );
    await appendAudit(tx, { actorPersonId, action: 'group.left', detail: { ...group, cancelled: queued }, at });
    return true;
  });
}

/** Whether the person behind a platform identity is an officer (or has asked to be) or holds a role. */
export async function isRegisteredIdentity(db: PgDb, platform: string, userId: string): Promise<boolean> {
  const [identity] = await db.orm
    .select({ personId: identities.personId })
    .from(identities)
    .where(and(eq(identities.platform, platform), eq(identities.userId, userId)));
  if (!identity) return false;
  const [member] = await db.orm
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.personId, identity.personId), inArray(memberships.status, ['active', 'pending'])))
    .limit(1);
  if (member) return true;
  const [role] = await db.orm.select().from(roles).where(eq(roles.personId, identity.personId)).limit(1);
  return role !== undefined;
}

/** Remembers that the person was told how to register; false when they had been already (told once only). */
export async function rememberGroupHint(
  db: PgDb,
  hint: { platform: string; userId: string; chatId: string; at: Date },
): Promise<boolean> {
  return changed(await db.orm.insert(groupHints).values(hint).onConflictDoNothing()) > 0;
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
