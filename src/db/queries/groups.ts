import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../client.js';
import { transaction } from '../client.js';
import { groupHints, groups, identities, memberships, outbox, roles } from '../schema.js';
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
        set: { networkId: group.networkId, title: group.title, boundBy: actorPersonId, active: true, leftAt: null },
      })
      .run();
    appendAudit(db, { actorPersonId, action: 'group.bind', detail: { ...group }, at });
  });
}

const boundColumns = {
  platform: groups.platform,
  chatId: groups.chatId,
  networkId: groups.networkId,
  title: groups.title,
};

/** The network a group is bound to, while the bot is in it. */
export async function findGroup(db: Db, platform: string, chatId: string): Promise<BoundGroup | undefined> {
  return db.orm
    .select(boundColumns)
    .from(groups)
    .where(and(eq(groups.platform, platform), eq(groups.chatId, chatId), eq(groups.active, true)))
    .get();
}

/** The group's binding, also one left inactive when the bot was removed. */
export async function findGroupBinding(
  db: Db,
  platform: string,
  chatId: string,
): Promise<(BoundGroup & { active: boolean }) | undefined> {
  return db.orm
    .select({ ...boundColumns, active: groups.active })
    .from(groups)
    .where(and(eq(groups.platform, platform), eq(groups.chatId, chatId)))
    .get();
}

export async function listNetworkGroups(db: Db, networkId: string): Promise<BoundGroup[]> {
  return db.orm
    .select(boundColumns)
    .from(groups)
    .where(and(eq(groups.networkId, networkId), eq(groups.active, true)))
    .all();
}

/**
 * The bot was removed from the group: its binding stays, inactive, until /thietlap binds it again, and messages
 * still queued for it are cancelled (they could not be delivered). False when the group was not bound or already
 * inactive.
 */
export async function markGroupLeft(
  db: Db,
  input: { platform: string; chatId: string; actorPersonId: number; at: Date },
): Promise<boolean> {
  return transaction(db, () => {
    const { platform, chatId, actorPersonId, at } = input;
    const here = and(eq(groups.platform, platform), eq(groups.chatId, chatId), eq(groups.active, true));
    const group = db.orm.select(boundColumns).from(groups).where(here).get();
    if (!group) return false;
    db.orm.update(groups).set({ active: false, leftAt: at }).where(here).run();
    const queued = db.orm
      .update(outbox)
      .set({ status: 'cancelled', lastError: 'bot removed from the group' })
      .where(and(eq(outbox.platform, platform), eq(outbox.chatId, chatId), eq(outbox.status, 'pending')))
      .run().changes;
    appendAudit(db, { actorPersonId, action: 'group.left', detail: { ...group, cancelled: queued }, at });
    return true;
  });
}

/** Whether the person behind a platform identity is an officer (or has asked to be) or holds a role. */
export async function isRegisteredIdentity(db: Db, platform: string, userId: string): Promise<boolean> {
  const identity = db.orm
    .select({ personId: identities.personId })
    .from(identities)
    .where(and(eq(identities.platform, platform), eq(identities.userId, userId)))
    .get();
  if (!identity) return false;
  const member = db.orm
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.personId, identity.personId), inArray(memberships.status, ['active', 'pending'])))
    .get();
  return Boolean(member ?? db.orm.select().from(roles).where(eq(roles.personId, identity.personId)).get());
}

/** Remembers that the person was told how to register; false when they had been already (told once only). */
export async function rememberGroupHint(
  db: Db,
  hint: { platform: string; userId: string; chatId: string; at: Date },
): Promise<boolean> {
  return db.orm.insert(groupHints).values(hint).onConflictDoNothing().run().changes > 0;
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
