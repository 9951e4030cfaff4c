// One person, several apps: one-time link codes, merging identities, the platform reminders go to.
import { and, count, eq, gt, isNotNull, isNull } from 'drizzle-orm';
import type { Db } from '../client.js';
import { transaction } from '../client.js';
import { auditLog, identities, linkCodes, persons } from '../schema.js';
import { appendAudit } from './audit.js';
import { insertOutgoing, type OutgoingMessage } from './outbox.js';
import { findMergeConflict, mergePersons, type MergeConflict } from './person-merge.js';

export const LINK_FAILED_ACTION = 'identity.link_failed';

/** Issues a code for the person; any earlier unused code of theirs stops working. */
export async function createLinkCode(
  db: Db,
  input: { personId: number; code: string; expiresAt: Date },
): Promise<void> {
  transaction(db, () => {
    db.orm
      .delete(linkCodes)
      .where(and(eq(linkCodes.personId, input.personId), isNull(linkCodes.usedAt)))
      .run();
    db.orm.insert(linkCodes).values(input).run();
  });
}

export interface LinkRedeemInput {
  code: string;
  /** The person typing the code: their identities move to the person who issued it. */
  personId: number;
  at: Date;
  maxFailuresPerHour: number;
  /** Told to the issuer's other chats, so a link nobody expected is noticed. */
  notices: (chats: LinkedChat[]) => OutgoingMessage[];
}

export type LinkResult =
  | { kind: 'linked'; personId: number; name: string }
  | { kind: 'invalid' | 'expired' | 'same' | 'tooManyAttempts' }
  | MergeConflict;

export async function redeemLinkCode(db: Db, input: LinkRedeemInput): Promise<LinkResult> {
  return transaction(db, () => {
    if (recentFailures(db, input.personId, input.at) >= input.maxFailuresPerHour) return { kind: 'tooManyAttempts' };
    const row = db.orm
      .select()
      .from(linkCodes)
      .where(and(eq(linkCodes.code, input.code), isNull(linkCodes.usedAt)))
      .get();
    const failure = !row ? 'invalid' : row.expiresAt <= input.at ? 'expired' : undefined;
    if (!row || failure) {
      appendAudit(db, {
        actorPersonId: input.personId,
        action: LINK_FAILED_ACTION,
        detail: { reason: failure },
        at: input.at,
      });
      return { kind: failure ?? 'invalid' };
    }
    if (row.personId === input.personId) return { kind: 'same' };
    const conflict = findMergeConflict(db, row.personId, input.personId);
    if (conflict) {
      appendAudit(db, {
        actorPersonId: input.personId,
        action: 'identity.link_refused',
        detail: { ...conflict, into: row.personId },
        at: input.at,
      });
      return conflict;
    }
    const chatsBefore = listChats(db, row.personId);
    mergePersons(db, row.personId, input.personId);
    db.orm.update(linkCodes).set({ usedAt: input.at }).where(eq(linkCodes.code, row.code)).run();
    appendAudit(db, {
      actorPersonId: row.personId,
      action: 'person.merge',
      detail: { into: row.personId, from: input.personId },
      at: input.at,
    });
    insertOutgoing(db, input.notices(chatsBefore), input.at);
    const person = db.orm.select({ name: persons.name }).from(persons).where(eq(persons.id, row.personId)).get()!;
    return { kind: 'linked', personId: row.personId, name: person.name };
  });
}

function recentFailures(db: Db, personId: number, at: Date): number {
  const since = new Date(at.getTime() - 3_600_000);
  return (
    db.orm
      .select({ n: count() })
      .from(auditLog)
      .where(and(eq(auditLog.actorPersonId, personId), eq(auditLog.action, LINK_FAILED_ACTION), gt(auditLog.at, since)))
      .get()?.n ?? 0
  );
}

export interface LinkedChat {
  platform: string;
  userId: string;
  displayName: string;
  /** Null until the person wrote to the bot privately on that platform. */
  privateChatId: string | null;
}

function listChats(db: Db, personId: number): LinkedChat[] {
  return db.orm
    .select({
      platform: identities.platform,
      userId: identities.userId,
      displayName: identities.displayName,
      privateChatId: identities.privateChatId,
    })
    .from(identities)
    .where(eq(identities.personId, personId))
    .orderBy(identities.platform)
    .all();
}

export async function listLinkedChats(
  db: Db,
  personId: number,
): Promise<{ chats: LinkedChat[]; preferred: string | null }> {
  const person = db.orm
    .select({ preferred: persons.preferredPlatform })
    .from(persons)
    .where(eq(persons.id, personId))
    .get();
  return { chats: listChats(db, personId), preferred: person?.preferred ?? null };
}

/** Reminders go to this platform; false when the person has no private chat there. */
export async function setPreferredPlatform(db: Db, personId: number, platform: string, at: Date): Promise<boolean> {
  return transaction(db, () => {
    const reachable = db.orm
      .select({ userId: identities.userId })
      .from(identities)
      .where(
        and(eq(identities.personId, personId), eq(identities.platform, platform), isNotNull(identities.privateChatId)),
      )
      .get();
    if (!reachable) return false;
    db.orm.update(persons).set({ preferredPlatform: platform }).where(eq(persons.id, personId)).run();
    appendAudit(db, { actorPersonId: personId, action: 'person.preferred_platform', detail: { platform }, at });
    return true;
  });
}
