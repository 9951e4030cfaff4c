// One person, several apps: one-time link codes, merging identities, the platform reminders go to.
import { and, asc, count, eq, gt, isNotNull, isNull } from 'drizzle-orm';
import type {
  LinkCheck,
  LinkCodeInput,
  LinkedChat,
  LinkRedeemInput,
  LinkRefusal,
  LinkResult,
} from '../../queries/links.js';
import { LINK_FAILED_ACTION } from '../../queries/links.js';
import { pgTransaction, type PgDb, type PgExec } from '../client.js';
import { auditLog, identities, linkCodes, persons } from '../schema.js';
import { appendAudit } from './audit.js';
import { findAccessConflict } from './merge-access.js';
import { insertOutgoing } from './outbox.js';
import { findMergeConflict, mergePersons } from './person-merge.js';

/** Issues a code for the person; any earlier unused code of theirs stops working. */
export async function createLinkCode(
  db: PgDb,
  input: { personId: number; code: string; expiresAt: Date },
): Promise<void> {
  await pgTransaction(db, async (tx) => {
    await tx.delete(linkCodes).where(and(eq(linkCodes.personId, input.personId), isNull(linkCodes.usedAt)));
    await tx.insert(linkCodes).values(input);
  });
}

export async function checkLinkCode(db: PgDb, input: LinkCodeInput): Promise<LinkCheck> {
  return pgTransaction(db, async (tx): Promise<LinkCheck> => {
    const found = await usableCode(tx, input);
    return 'issuerPersonId' in found ? { kind: 'confirm', issuerPersonId: found.issuerPersonId } : found;
  });
}

/** After the confirmation: everything checked again in the same transaction as the merge. */
export async function redeemLinkCode(db: PgDb, input: LinkRedeemInput): Promise<LinkResult> {
  return pgTransaction(db, async (tx): Promise<LinkResult> => {
    const found = await usableCode(tx, input);
    if (!('issuerPersonId' in found)) return found;
    const into = found.issuerPersonId;
    if (into !== input.issuerPersonId) return failed(tx, input, 'invalid', 'issuer');
    const chatsBefore = await listChats(tx, into);
    await mergePersons(tx, into, input.personId);
    await tx.update(linkCodes).set({ usedAt: input.at }).where(eq(linkCodes.code, input.code));
    await appendAudit(tx, {
      actorPersonId: into,
      action: 'person.merge',
      detail: { into, from: input.personId, confirmedBy: input.personId },
      at: input.at,
    });
    await insertOutgoing(tx, input.notices(chatsBefore), input.at);
    const [person] = await tx.select({ name: persons.name }).from(persons).where(eq(persons.id, into));
    return { kind: 'linked', personId: into, name: person!.name };
  });
}

/** Inside a transaction: the issuer of a code that may link now, or why not (failures and refusals audited). */
async function usableCode(tx: PgExec, input: LinkCodeInput): Promise<{ issuerPersonId: number } | LinkRefusal> {
  if ((await recentFailures(tx, input.personId, input.at)) >= input.maxFailuresPerHour)
    return { kind: 'tooManyAttempts' };
  const [row] = await tx
    .select()
    .from(linkCodes)
    .where(and(eq(linkCodes.code, input.code), isNull(linkCodes.usedAt)));
  if (!row) return failed(tx, input, 'invalid');
  if (row.expiresAt <= input.at) return failed(tx, input, 'expired');
  if (row.personId === input.personId) return { kind: 'same' };
  const conflict =
    (await findMergeConflict(tx, row.personId, input.personId)) ??
    (await findAccessConflict(tx, row.personId, input.personId, input.configAdmins));
  if (!conflict) return { issuerPersonId: row.personId };
  await appendAudit(tx, {
    actorPersonId: input.personId,
    action: 'identity.link_refused',
    detail: { ...conflict, into: row.personId },
    at: input.at,
  });
  return conflict;
}

async function failed(
  tx: PgExec,
  input: LinkCodeInput,
  kind: 'invalid' | 'expired',
  reason: string = kind,
): Promise<LinkRefusal> {
  await appendAudit(tx, {
    actorPersonId: input.personId,
    action: LINK_FAILED_ACTION,
    detail: { reason },
    at: input.at,
  });
  return { kind };
}

async function recentFailures(tx: PgExec, personId: number, at: Date): Promise<number> {
  const since = new Date(at.getTime() - 3_600_000);
  const [row] = await tx
    .select({ n: count() })
    .from(auditLog)
    .where(and(eq(auditLog.actorPersonId, personId), eq(auditLog.action, LINK_FAILED_ACTION), gt(auditLog.at, since)));
  return row?.n ?? 0;
}

function listChats(ex: PgExec, personId: number): Promise<LinkedChat[]> {
  return ex
    .select({
      platform: identities.platform,
      userId: identities.userId,
      displayName: identities.displayName,
      privateChatId: identities.privateChatId,
    })
    .from(identities)
    .where(eq(identities.personId, personId))
    .orderBy(asc(identities.platform));
}

export async function listLinkedChats(
  db: PgDb,
  personId: number,
): Promise<{ chats: LinkedChat[]; preferred: string | null }> {
  const [person] = await db.orm
    .select({ preferred: persons.preferredPlatform })
    .from(persons)
    .where(eq(persons.id, personId));
  return { chats: await listChats(db.orm, personId), preferred: person?.preferred ?? null };
}

/** Reminders go to this platform; false when the person has no private chat there. */
export async function setPreferredPlatform(db: PgDb, personId: number, platform: string, at: Date): Promise<boolean> {
  return pgTransaction(db, async (tx) => {
    const [reachable] = await tx
      .select({ userId: identities.userId })
      .from(identities)
      .where(
        and(eq(identities.personId, personId), eq(identities.platform, platform), isNotNull(identities.privateChatId)),
      );
    if (!reachable) return false;
    await tx.update(persons).set({ preferredPlatform: platform }).where(eq(persons.id, personId));
    await appendAudit(tx, { actorPersonId: personId, action: 'person.preferred_platform', detail: { platform }, at });
    return true;
  });
}

/** The typer said no at the confirmation: recorded, so a code someone was pushed to type is on the log. */
export async function recordLinkDeclined(db: PgDb, input: { personId: number; at: Date }): Promise<void> {
  await appendAudit(db.orm, {
    actorPersonId: input.personId,
    action: 'identity.link_declined',
    detail: {},
    at: input.at,
  });
}
