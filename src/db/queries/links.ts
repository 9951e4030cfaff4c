// One person, several apps: one-time link codes, merging identities, the platform reminders go to.
import { and, count, eq, gt, isNotNull, isNull } from 'drizzle-orm';
import type { Db } from '../client.js';
import { transaction } from '../client.js';
import { auditLog, identities, linkCodes, persons } from '../schema.js';
import { appendAudit } from './audit.js';
import { insertOutgoing, type OutgoingMessage } from './outbox.js';
import { findAccessConflict, type AccessConflict } from './merge-access.js';
export type { AccessConflict, AccessHeld } from './merge-access.js';
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

export interface LinkCodeInput {
  code: string;
  /** The person typing the code: their identities would move to the person who issued it. */
  personId: number;
  at: Date;
  maxFailuresPerHour: number;
  /** The ADMINS setting: being listed there is access a merge would hand over too. */
  configAdmins: string[];
}

export type LinkRefusal = { kind: 'invalid' | 'expired' | 'same' | 'tooManyAttempts' } | MergeConflict | AccessConflict;

/** A code that would link: who issued it. Nothing is merged until the typer confirms. */
export type LinkCheck = { kind: 'confirm'; issuerPersonId: number } | LinkRefusal;

export async function checkLinkCode(db: Db, input: LinkCodeInput): Promise<LinkCheck> {
  return transaction(db, () => {
    const found = usableCode(db, input);
    return 'issuerPersonId' in found ? { kind: 'confirm', issuerPersonId: found.issuerPersonId } : found;
  });
}

export interface LinkRedeemInput extends LinkCodeInput {
  /** The issuer the confirmation showed (carried by its button): a code now of someone else links nothing. */
  issuerPersonId: number;
  /** Told to the issuer's other chats, so a link nobody expected is noticed. */
  notices: (chats: LinkedChat[]) => OutgoingMessage[];
}

export type LinkResult = { kind: 'linked'; personId: number; name: string } | LinkRefusal;

/** After the confirmation: everything checked again in the same transaction as the merge. */
export async function redeemLinkCode(db: Db, input: LinkRedeemInput): Promise<LinkResult> {
  return transaction(db, () => {
    const found = usableCode(db, input);
    if (!('issuerPersonId' in found)) return found;
    const into = found.issuerPersonId;
    if (into !== input.issuerPersonId) return failed(db, input, 'invalid', 'issuer');
    const chatsBefore = listChats(db, into);
    mergePersons(db, into, input.personId);
    db.orm.update(linkCodes).set({ usedAt: input.at }).where(eq(linkCodes.code, input.code)).run();
    appendAudit(db, {
      actorPersonId: into,
      action: 'person.merge',
      detail: { into, from: input.personId, confirmedBy: input.personId },
      at: input.at,
    });
    insertOutgoing(db, input.notices(chatsBefore), input.at);
    const person = db.orm.select({ name: persons.name }).from(persons).where(eq(persons.id, into)).get()!;
    return { kind: 'linked', personId: into, name: person.name };
  });
}

/** Inside a transaction: the issuer of a code that may link now, or why not (failures and refusals audited). */
function usableCode(db: Db, input: LinkCodeInput): { issuerPersonId: number } | LinkRefusal {
  if (recentFailures(db, input.personId, input.at) >= input.maxFailuresPerHour) return { kind: 'tooManyAttempts' };
  const row = db.orm
    .select()
    .from(linkCodes)
    .where(and(eq(linkCodes.code, input.code), isNull(linkCodes.usedAt)))
    .get();
  if (!row) return failed(db, input, 'invalid');
  if (row.expiresAt <= input.at) return failed(db, input, 'expired');
  if (row.personId === input.personId) return { kind: 'same' };
  const conflict =
    findMergeConflict(db, row.personId, input.personId) ??
    findAccessConflict(db, row.personId, input.personId, input.configAdmins);
  if (!conflict) return { issuerPersonId: row.personId };
  appendAudit(db, {
    actorPersonId: input.personId,
    action: 'identity.link_refused',
    detail: { ...conflict, into: row.personId },
    at: input.at,
  });
  return conflict;
}

function failed(db: Db, input: LinkCodeInput, kind: 'invalid' | 'expired', reason: string = kind): LinkRefusal {
  appendAudit(db, { actorPersonId: input.personId, action: LINK_FAILED_ACTION, detail: { reason }, at: input.at });
  return { kind };
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

/** The typer said no at the confirmation: recorded, so a code someone was pushed to type is on the log. */
export async function recordLinkDeclined(db: Db, input: { personId: number; at: Date }): Promise<void> {
  appendAudit(db, { actorPersonId: input.personId, action: 'identity.link_declined', detail: {}, at: input.at });
}
