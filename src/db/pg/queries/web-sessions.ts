import { and, eq, gt, isNull, lte, or } from 'drizzle-orm';
import type { Platform } from '../../../kernel/message.js';
import type { WebIdentity, WebLoginInput, WebLoginResult, WebLoginState } from '../../queries/web-sessions.js';
import { pgTransaction, type PgDb } from '../client.js';
import { persons, webLogins, webSessions } from '../schema.js';
import { appendAudit } from './audit.js';

/** Stores a sign-in link; links and sessions past their time are removed on the way. */
export async function insertWebLogin(db: PgDb, input: WebLoginInput): Promise<void> {
  const { at, ...row } = input;
  await pgTransaction(db, async (tx) => {
    await tx.delete(webLogins).where(lte(webLogins.expiresAt, at));
    await tx.delete(webSessions).where(or(lte(webSessions.expiresAt, at), lte(webSessions.endedAt, at)));
    await tx.insert(webLogins).values({ ...row, createdAt: at });
  });
}

/** Uses a sign-in link once: marks it used, opens the session and audits the sign-in, in one transaction. */
export async function redeemWebLogin(
  db: PgDb,
  input: { tokenHash: string; session: { tokenHash: string; expiresAt: Date }; at: Date },
): Promise<WebLoginResult> {
  return pgTransaction(db, async (tx): Promise<WebLoginResult> => {
    const [login] = await tx.select().from(webLogins).where(eq(webLogins.tokenHash, input.tokenHash));
    if (!login) return { ok: false, reason: 'unknown' };
    if (login.usedAt) return { ok: false, reason: 'used' };
    if (login.expiresAt <= input.at) return { ok: false, reason: 'expired' };
    const taken = await tx
      .update(webLogins)
      .set({ usedAt: input.at })
      .where(and(eq(webLogins.tokenHash, input.tokenHash), isNull(webLogins.usedAt)))
      .returning({ personId: webLogins.personId });
    if (taken.length === 0) return { ok: false, reason: 'used' };
    const identity = { personId: login.personId, platform: login.platform as Platform, userId: login.userId };
    await tx.insert(webSessions).values({
      ...identity,
      tokenHash: input.session.tokenHash,
      expiresAt: input.session.expiresAt,
      createdAt: input.at,
    });
    await appendAudit(tx, {
      actorPersonId: login.personId,
      action: 'web.signin',
      detail: { platform: login.platform, userId: login.userId, until: input.session.expiresAt.toISOString() },
      at: input.at,
    });
    return { ok: true, ...identity };
  });
}

/** The identity behind a session cookie, unless it ended or expired. */
export async function findWebSession(db: PgDb, tokenHash: string, at: Date): Promise<WebIdentity | undefined> {
  const [row] = await db.orm
    .select({ personId: webSessions.personId, platform: webSessions.platform, userId: webSessions.userId })
    .from(webSessions)
    .where(and(eq(webSessions.tokenHash, tokenHash), gt(webSessions.expiresAt, at), isNull(webSessions.endedAt)));
  return row ? { ...row, platform: row.platform as Platform } : undefined;
}

/** Signs out: the cookie stops working at once, even if a copy of it is kept. */
export async function endWebSession(db: PgDb, tokenHash: string, at: Date): Promise<boolean> {
  return pgTransaction(db, async (tx) => {
    const [row] = await tx
      .update(webSessions)
      .set({ endedAt: at })
      .where(and(eq(webSessions.tokenHash, tokenHash), isNull(webSessions.endedAt)))
      .returning({ personId: webSessions.personId });
    if (!row) return false;
    await appendAudit(tx, { actorPersonId: row.personId, action: 'web.signout', detail: {}, at });
    return true;
  });
}

/** Whether a sign-in link still works, without using it (the page before the button). */
export async function checkWebLogin(db: PgDb, tokenHash: string, at: Date): Promise<WebLoginState> {
  const [row] = await db.orm
    .select({ usedAt: webLogins.usedAt, expiresAt: webLogins.expiresAt, name: persons.name })
    .from(webLogins)
    .innerJoin(persons, eq(persons.id, webLogins.personId))
    .where(eq(webLogins.tokenHash, tokenHash));
  if (!row) return { ok: false, reason: 'unknown' };
  if (row.usedAt) return { ok: false, reason: 'used' };
  if (row.expiresAt <= at) return { ok: false, reason: 'expired' };
  return { ok: true, personName: row.name };
}
